package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.tracker.v1.CreateCardRequest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engineer's pages and forms over HTTP: a plan from a role, work on items, practice, the dashboard. */
class EngineerPagesTest {

    static final String ROLE = "senior-machine-learning-engineer";
    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    /** Creates a plan through the two-step form; returns the plan page's path. */
    static String createPlan(WebUser user) throws Exception {
        Document form = Jsoup.parse(user.page("/plans/new?role=" + ROLE).body());
        assertEquals(ROLE, form.select("#role option[selected]").attr("value"));
        List<String> ratings = form.select("select[name^=rate:]").eachAttr("name");
        assertFalse(ratings.isEmpty(), "the role's skills are offered for self-rating");
        WebUser.Page created = user.post(
                "/plans",
                Map.of("role", "roles/" + ROLE, "hours_per_week", "6", "title", "Road to senior", ratings.get(0), "1"));
        assertEquals(303, created.status(), created::body);
        assertTrue(created.location().startsWith("/users/" + user.handle() + "/plans/"), created.location());
        return created.location();
    }

    static List<String> items(WebUser user, String planPath) throws Exception {
        return Jsoup.parse(user.page(planPath).body()).select("li.item").eachAttr("id");
    }

    /** The form asks for the zone days are counted in (app.js fills in the browser's); the plan page shows it. */
    @Test
    void aPlanCountsItsDaysInTheZoneTheFormGives() throws Exception {
        WebUser kim = web.signedIn("eng-kim", "Kim");
        Document form = Jsoup.parse(kim.page("/plans/new?role=" + ROLE).body());
        assertEquals(1, form.select("input[name=time_zone][data-browser-zone]").size());
        WebUser.Page tokyo =
                kim.post("/plans", Map.of("role", "roles/" + ROLE, "hours_per_week", "4", "time_zone", "Asia/Tokyo"));
        assertEquals(303, tokyo.status(), tokyo::body);
        assertEquals(
                "· days in Asia/Tokyo",
                Jsoup.parse(kim.page(tokyo.location()).body()).select(".zone").text());
        WebUser.Page unnamed = kim.post("/plans", Map.of("role", "roles/" + ROLE, "hours_per_week", "4"));
        assertEquals(303, unnamed.status(), unnamed::body);
        assertEquals(
                "· days in UTC",
                Jsoup.parse(kim.page(unnamed.location()).body()).select(".zone").text());
    }

    @Test
    void aPlanFromARoleShowsItsItemsProgressAndCharts() throws Exception {
        WebUser erin = web.signedIn("eng-erin", "Erin");
        String plan = createPlan(erin);
        Document page = Jsoup.parse(erin.page(plan).body());
        assertEquals("Road to senior", page.select("h1").text());
        assertTrue(
                page.select(".flash").text().contains("Plan created with"),
                page.select(".flash").text());
        assertTrue(page.select("li.item").size() > 5);
        assertEquals(
                List.of("Burn-up: expected and actual percent done, by week", "Minutes logged per week"),
                page.select("figure.chart figcaption").eachText());
        assertFalse(page.select("g.series.expected polyline").attr("points").isEmpty(), "the expected line is drawn");
        assertEquals("0", page.select("#summary progress").attr("value"));
        assertTrue(page.select("#summary .pace").hasText());
        assertTrue(
                page.select("#summary").text().contains("Due next"),
                page.select("#summary").text());
        assertFalse(page.select("figure.chart table").isEmpty(), "every chart offers its numbers as a table");
        assertEquals(1, page.select("#summary").size());
        assertTrue(
                page.select("summary").stream()
                        .allMatch(s -> s.parent().tagName().equals("details")),
                "fragments include only themselves");

        Document plans =
                Jsoup.parse(erin.page("/users/" + erin.handle() + "/plans").body());
        assertEquals("Road to senior", plans.select(".card h3 a").text());
        Document dashboard = Jsoup.parse(erin.page("/").body());
        assertEquals("Road to senior", dashboard.select(".card h3 a").text());
        assertTrue(
                dashboard.select("#feed li").text().contains("Road to senior")
                        || !dashboard.select("#feed li").isEmpty(),
                "the plan's creation is in the recent activity");
    }

    @Test
    void loggingTimeAndChangingStatusUpdateTheItemAndTheProgress() throws Exception {
        WebUser erin = web.signedIn("eng-log", "Logger");
        String plan = createPlan(erin);
        String first = items(erin, plan).get(0).substring("item-".length());
        String item = plan + "/items/" + first;

        WebUser.Page logged = erin.post(item + "/log", Map.of("minutes", "90", "note", "first session"));
        assertEquals(303, logged.status());
        assertEquals(plan + "#item-" + first, logged.location());
        Document page = Jsoup.parse(erin.page(plan).body());
        assertTrue(
                page.select("#item-" + first + " .meta").text().contains("1 h 30 min of"),
                page.select("#item-" + first).text());
        assertEquals("in progress", page.select("#item-" + first + " .status").text());
        assertFalse(page.select("g.bar rect").isEmpty(), "the minutes chart has a bar");
        assertTrue(
                page.select("g.bar title").text().contains("90 min"),
                page.select("g.bar title").text());

        // htmx: the item's new markup, and the progress panel out of band.
        WebUser.Page swap = erin.postHtmx(item + "/status", Map.of("status", "done"));
        assertEquals(200, swap.status());
        Document fragment = Jsoup.parseBodyFragment(swap.body());
        assertEquals("done", fragment.select("li.item .status").text());
        assertEquals("true", fragment.select("#summary").attr("hx-swap-oob"));
        assertNotEquals("0", fragment.select("#summary progress").attr("value"), "percent complete moved");
        assertTrue(
                fragment.select("#summary").text().contains("1 of"),
                fragment.select("#summary").text());

        // Without htmx the same form redirects back (post/redirect/get).
        assertEquals(
                303, erin.post(item + "/status", Map.of("status", "skipped")).status());
        assertEquals(
                "skipped",
                Jsoup.parse(erin.page(plan).body())
                        .select("#item-" + first + " .status")
                        .text());
    }

    @Test
    void badInputGoesBackToThePageWithTheReasonOrShowsItWhenThereIsNoWayBack() throws Exception {
        WebUser erin = web.signedIn("eng-bad", "Bad Input");
        String plan = createPlan(erin);
        String item = plan + "/items/" + items(erin, plan).get(0).substring("item-".length());
        WebUser.Page noReferer = erin.post(item + "/log", Map.of("minutes", "0"));
        assertEquals(400, noReferer.status());
        assertTrue(noReferer.body().contains("minutes"), noReferer.body());

        var request = erin.request(item + "/log")
                .header("Referer", web.baseUrl() + plan)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        WebUser.encode(Map.of("_csrf", erin.csrf(), "minutes", "abc"))));
        var back = erin.http().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode());
        assertEquals(plan, back.headers().firstValue("Location").orElse(""));
        String flash =
                Jsoup.parse(erin.page(plan).body()).select(".flash.error").text();
        assertTrue(flash.contains("minutes must be a whole number"), flash);

        WebUser.Page unknownStatus = erin.post(item + "/status", Map.of("status", "finished"));
        assertEquals(400, unknownStatus.status());
    }

    @Test
    void itemsMoveUpAndDownAndNotesCanBePrivate() throws Exception {
        WebUser erin = web.signedIn("eng-move", "Mover");
        String plan = createPlan(erin);
        List<String> before = items(erin, plan);
        String second = before.get(1).substring("item-".length());
        String etag = Jsoup.parse(erin.page(plan).body())
                .select("input[name=plan_etag]")
                .first()
                .val();
        WebUser.Page moved =
                erin.post(plan + "/items/" + second + "/move", Map.of("direction", "up", "plan_etag", etag));
        assertEquals(303, moved.status(), moved::body);
        List<String> after = items(erin, plan);
        assertEquals(before.get(1), after.get(0));
        assertEquals(before.get(0), after.get(1));

        String itemEtag = Jsoup.parse(erin.page(plan).body())
                .select("#item-" + second + " input[name=etag]")
                .val();
        erin.post(
                plan + "/items/" + second + "/notes",
                Map.of("notes", "read chapter 3", "private", "on", "etag", itemEtag));
        String notes = Jsoup.parse(erin.page(plan).body())
                .select("#item-" + second + " .notes")
                .text();
        assertEquals("Notes (private): read chapter 3", notes);

        WebUser.Page stale = erin.post(plan + "/items/" + second + "/notes", Map.of("notes", "x", "etag", itemEtag));
        assertEquals(409, stale.status(), "a stale etag is refused, not overwritten: " + stale.body());
    }

    @Test
    void aPracticeSessionRunsAgainstTheClockAndFeedsTheStats() throws Exception {
        WebUser erin = web.signedIn("eng-prac", "Practitioner");
        Document practice = Jsoup.parse(erin.page("/practice").body());
        String source = practice.select("#source option").first().val();
        WebUser.Page started = erin.post("/practice", Map.of("source", source, "minutes", "30"));
        assertEquals(303, started.status(), started::body);
        String session = started.location();
        Document page = Jsoup.parse(erin.page(session).body());
        assertFalse(page.select(".countdown[data-deadline]").isEmpty(), "the countdown carries its deadline");
        assertTrue(page.select(".countdown").text().startsWith("until "), "without JS it reads as the deadline");
        List<String> steps = page.select("input[name^=step:]").eachAttr("name");
        assertTrue(steps.size() >= 4, steps::toString);

        String etag = page.select("input[name=etag]").val();
        assertEquals(
                303,
                erin.post(session + "/steps", Map.of("etag", etag, steps.get(0), "on"))
                        .status());
        page = Jsoup.parse(erin.page(session).body());
        List<String> checked = page.select("input[type=checkbox][checked]").eachAttr("name");
        assertEquals(List.of(steps.get(0)), checked);

        WebUser.Page completed = erin.post(
                session + "/complete",
                Map.of(
                        "etag",
                        page.select("input[name=etag]").val(),
                        steps.get(0),
                        "on",
                        steps.get(1),
                        "on",
                        "rating",
                        "4"));
        assertEquals(303, completed.status(), completed::body);
        page = Jsoup.parse(erin.page(session).body());
        assertTrue(page.text().contains("2 of " + steps.size() + " steps covered"), page.text());
        assertFalse(
                page.select("fieldset[disabled] input[name^=step:]").isEmpty(),
                "a finished session's checklist is read-only");

        Document stats = Jsoup.parse(erin.page("/practice/stats").body());
        assertTrue(stats.text().contains("1 completed attempts"), stats.text());
        assertEquals(1, stats.select("figure.chart").first().select("circle").size(), "one attempt, one point");
        assertFalse(stats.select("#phases-h + table tbody tr").isEmpty(), "phases missed most often");
        Document list = Jsoup.parse(erin.page("/practice").body());
        assertEquals("completed", list.select("td[data-label=State]").first().text());
    }

    @Test
    void anAbandonedSessionIsListedButLeavesTheStatsAlone() throws Exception {
        WebUser erin = web.signedIn("eng-quit", "Quitter");
        String source = Jsoup.parse(erin.page("/practice").body())
                .select("#source option")
                .first()
                .val();
        String session =
                erin.post("/practice", Map.of("source", source, "minutes", "5")).location();
        String etag = Jsoup.parse(erin.page(session).body())
                .select("input[name=etag]")
                .val();
        WebUser.Page abandoned = erin.post(session + "/abandon", Map.of("etag", etag));
        assertEquals(303, abandoned.status(), abandoned::body);
        assertEquals("/practice", abandoned.location());
        Document list = Jsoup.parse(erin.page("/practice").body());
        assertEquals("abandoned", list.select("td[data-label=State]").first().text());
        assertTrue(
                Jsoup.parse(erin.page("/practice/stats").body()).text().contains("0 completed attempts, 1 abandoned"));
        assertEquals(409, erin.post(session + "/abandon", Map.of("etag", etag)).status(), "only an active session");
    }

    /** The recall page with JavaScript off: the answer sits in a closed disclosure, a rating is a plain form post. */
    @Test
    void theRecallPageAsksRevealsAndTakesARatingWithoutJavaScript() throws Exception {
        String[] user = web.newUser("eng-rita", "Rita");
        WebUser rita = web.signedIn(user);
        web.as(user[1])
                .recall()
                .createCard(CreateCardRequest.newBuilder()
                        .setFront("What is <i>idempotency</i>?")
                        .setBack("The same request twice has the effect of once")
                        .build());
        Document home = Jsoup.parse(rita.page("/").body());
        assertFalse(home.select("a[href=/recall]").isEmpty(), "the navigation links to the recall page");

        Document page = Jsoup.parse(rita.page("/recall").body());
        assertTrue(
                page.select("#recall-counts").text().startsWith("1 cards due now"),
                page.select("#recall-counts").text());
        assertEquals("What is <i>idempotency</i>?", page.select("#recall-front").text(), "the front is text");
        assertTrue(page.select("#recall-front i").isEmpty(), "never markup");
        assertFalse(page.select("details#recall-reveal").hasAttr("open"), "the answer waits behind a disclosure");
        assertEquals(
                "The same request twice has the effect of once",
                page.select("details#recall-reveal #recall-back").text());
        assertEquals(
                List.of("1 Again", "2 Hard", "3 Good", "4 Easy"),
                page.select("details#recall-reveal form button[name=rating]").eachText());

        Element form = page.select("details#recall-reveal form").first();
        WebUser.Page rated = rita.post(
                form.attr("action"),
                Map.of("rating", "3", "etag", form.select("input[name=etag]").val()));
        assertEquals(303, rated.status(), rated::body);
        assertEquals("/recall", rated.location());
        Document after = Jsoup.parse(rita.page("/recall").body());
        assertTrue(
                after.select(".flash").text().contains("Good: due again in 10 minutes"),
                after.select(".flash").text());
        assertFalse(after.select("#recall-done").isEmpty(), "nothing else is due");
        assertEquals(400, rita.post(form.attr("action"), Map.of("rating", "5")).status(), "a rating is 1 to 4");
    }

    @Test
    void someoneElsesPlanIsNotFound() throws Exception {
        WebUser erin = web.signedIn("eng-own", "Owner");
        String plan = createPlan(erin);
        WebUser other = web.signedIn("eng-nosy", "Nosy");
        assertEquals(404, other.get(plan).status());
        assertEquals(404, other.get("/users/X%21/plans/1").status(), "a malformed handle is simply not found");
        assertEquals(
                404, other.post(plan + "/items/1/log", Map.of("minutes", "5")).status());
    }
}
