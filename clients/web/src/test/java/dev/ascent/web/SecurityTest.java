package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSP and security headers on every page, CSRF on every form route, and imported content rendered inert. */
class SecurityTest {

    static final String HOSTILE_GUIDE = """
            Overview
            As a Hostile Tester <script>document.title='pwned'</script> you check that pages escape <img src=x onerror=alert(1)> markup.
            Key Responsibilities
            - Inject <script>alert('item')</script> into every list
            - Try <img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">links</a>
            Recommended Next Steps
            1. Confirm that <b onmouseover=alert(4)>bold</b> stays text.
            """;

    static WebHarness web;
    static WebUser erin;
    static Plan plan;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
        String[] user = web.newUser("sec-erin", "Erin <i>Escaped</i>");
        erin = new WebUser(web.baseUrl(), user[0]);
        erin.signIn(user[1]);
        plan = web.as(user[1])
                .plans()
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/senior-machine-learning-engineer")
                        .setHoursPerWeek(5)
                        .build())
                .getPlan();
    }

    @Test
    void everyPageCarriesTheCspAndSecurityHeaders() throws Exception {
        String planPath = "/" + plan.getName();
        for (String path : List.of(
                "/",
                "/sign-in",
                "/roles",
                "/roles/senior-machine-learning-engineer",
                "/compare",
                "/search?q=python",
                "/designPrompts",
                "/practice",
                "/practice/stats",
                "/mentees",
                "/reviewRequests",
                "/mentorships",
                "/plans/new",
                planPath,
                "/no-such-page",
                "/static/app.css",
                "/webjars/htmx.org/2.0.4/dist/htmx.min.js")) {
            WebUser.Page p = erin.get(path);
            String csp = p.header("Content-Security-Policy");
            assertTrue(
                    csp.contains("script-src 'self'")
                            && csp.contains("default-src 'none'")
                            && csp.contains("frame-ancestors 'none'")
                            && !csp.contains("unsafe-inline"),
                    path + ": " + csp);
            assertEquals("nosniff", p.header("X-Content-Type-Options"), path);
            assertEquals("DENY", p.header("X-Frame-Options"), path);
            if (!path.startsWith("/static") && !path.startsWith("/webjars")) {
                assertEquals("no-store", p.header("Cache-Control"), path);
                assertFalse(p.body().contains("<script>"), path + " has an inline script");
                assertFalse(p.body().contains(" style=\""), path + " has an inline style");
            }
        }
    }

    @Test
    void everyFormRouteRefusesAPostWithoutTheSessionsCsrfToken() throws Exception {
        Router router = web.context().getBean(Router.class);
        List<String> posts = router.uriRoutes()
                .filter(r -> r.getHttpMethod() == HttpMethod.POST)
                .map(UriRouteInfo::getUriMatchTemplate)
                .map(Object::toString)
                .distinct()
                .toList();
        assertTrue(posts.size() >= 15, "the app's form routes: " + posts);
        String item = plan.getItems(0).getName();
        WebUser other = web.signedIn("sec-other", "Other");
        for (String template : posts) {
            String path = fill(template, item);
            for (Map<String, String> fields :
                    List.of(Map.<String, String>of(), Map.of("_csrf", "forged-token"), Map.of("_csrf", other.csrf()))) {
                WebUser.Page p = path.equals("/admin/import")
                        ? erin.postMultipart(path, fields, "file", "g.txt", "Overview\nx\n".getBytes())
                        : erin.postRaw(path, fields, false);
                assertEquals(403, p.status(), () -> "POST " + path + " with " + fields.keySet() + ": " + p.body());
            }
        }
        // The same route with the right token goes through: the 403s above were the CSRF check.
        WebUser.Page ok = erin.post("/" + item + "/log", Map.of("minutes", "15"));
        assertEquals(303, ok.status(), ok::body);
    }

    @Test
    void aCrossSiteSignInIsRefused() throws Exception {
        String[] victim = web.newUser("sec-victim", "Victim");
        WebUser attacker = web.visitor();
        WebUser.Page p = attacker.postRaw("/sign-in", Map.of("token", victim[1]), false);
        assertEquals(403, p.status(), "no visitor session, no CSRF token: no sign-in");
        assertEquals(null, attacker.cookie());
    }

    @Test
    void aGuideWithScriptsAndHandlersRendersAsInertText() throws Exception {
        var imported = web.admin()
                .content()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(HOSTILE_GUIDE, StandardCharsets.UTF_8))
                        .setSourceName("hostile-<script>.txt")
                        .setTitle("Hostile <script>alert(0)</script> Tester")
                        .build());
        String role = imported.getRole().getName();
        for (String path : List.of("/" + role, "/roles", "/search?q=hostile", "/search?q=%3Cscript%3E")) {
            String body = web.visitor().page(path).body();
            assertInert(path, body);
        }
        String body = web.visitor().page("/" + role).body();
        assertTrue(body.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"), body);
        assertTrue(body.contains("&lt;img src=x onerror=alert(1)&gt;"), body);

        // A plan built from that role copies the text; the plan page escapes it too, and the user's own input.
        WebUser ann = web.signedIn("sec-ann", "Ann <script>alert('name')</script>");
        ann.page("/plans/new?role=" + role.substring("roles/".length()));
        WebUser.Page created = ann.post(
                "/plans", Map.of("role", role, "hours_per_week", "4", "title", "<img src=x onerror=alert('title')>"));
        assertEquals(303, created.status(), created::body);
        String planPath = created.location();
        String item = ann.page(planPath).find("action=\"/(users/[^\"]+/items/[0-9]+)/notes\"");
        ann.post("/" + item + "/notes", Map.of("notes", "<script>alert('notes')</script>"));
        ann.post("/" + item + "/comments", Map.of("body", "<svg onload=alert('comment')>"));
        ann.post("/" + item + "/log", Map.of("minutes", "10", "note", "<script>alert('log')</script>"));
        for (String path : List.of(planPath, "/")) {
            assertInert(path, ann.page(path).body());
        }
        assertTrue(ann.page(planPath).body().contains("&lt;svg onload=alert(&#39;comment&#39;)&gt;"));
    }

    /**
     * Parsed as a browser would, the page holds no element or attribute that the imported or typed text tried to
     * create: no inline script, no event handler, no javascript: URL, none of the injected tags.
     */
    static void assertInert(String path, String body) {
        Document doc = Jsoup.parse(body);
        for (Element e : doc.getAllElements()) {
            if (e.tagName().equals("script")) {
                assertTrue(e.hasAttr("src") && e.data().isBlank(), path + ": inline script " + e.outerHtml());
            }
            assertFalse(
                    Set.of("img", "iframe", "object", "embed", "b", "i").contains(e.tagName()),
                    path + ": injected element " + e.outerHtml());
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), path + ": handler " + e.outerHtml());
                assertFalse(
                        a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:"),
                        path + ": javascript URL " + e.outerHtml());
            }
        }
    }

    /** A concrete path for a route template, with real names where the route needs them. */
    static String fill(String template, String item) {
        String[] parts = item.split("/");
        return template.replace("{handle}", parts[1])
                .replace("{plan}", parts[3])
                .replace("{item}", parts[5])
                .replace("{id}", "1");
    }
}
