package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog pages, readable without signing in: roles, a role, a comparison, search, the design prompts. */
class CatalogPagesTest {

    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    @Test
    void rolesListAndARolesPageShowTheMergedStructure() throws Exception {
        WebUser visitor = web.visitor();
        Document roles = Jsoup.parse(visitor.page("/roles").body());
        List<String> links = roles.select(".card h2 a").eachAttr("href");
        assertTrue(links.contains("/roles/senior-machine-learning-engineer"), links::toString);

        Document role = Jsoup.parse(
                visitor.page("/roles/senior-machine-learning-engineer").body());
        assertEquals("Senior Machine Learning Engineer", role.select("h1").text());
        assertTrue(role.select("#skills-h + table tbody tr").size() > 5, "skills by weight");
        assertTrue(role.select("main > section[id^=roles-]").size() > 3, "one section per guide section");
        assertFalse(role.select("a[href^=/compare?from=]").isEmpty(), "links to compare with the other roles");
        assertTrue(role.select("a[href^=/plans/new]").isEmpty(), "a visitor gets no plan link");
        assertEquals(404, visitor.get("/roles/no-such-role").status());
    }

    @Test
    void twoRolesCompared() throws Exception {
        Document page = Jsoup.parse(web.visitor()
                .page("/compare?from=senior-machine-learning-scientist&to=senior-machine-learning-engineer")
                .body());
        assertEquals(
                "senior-machine-learning-scientist",
                page.select("#from option[selected]").val());
        assertTrue(page.text().contains("What Senior Machine Learning Engineer asks for that "), page.text());
        assertFalse(page.select("table tbody tr").isEmpty(), "missing skills");
        assertEquals(200, web.visitor().get("/compare").status(), "the empty form");
    }

    @Test
    void searchFindsAndLinksIntoTheRolePage() throws Exception {
        Document page =
                Jsoup.parse(web.visitor().page("/search?q=feature+store").body());
        List<String> hits = page.select("main ol li a").eachAttr("href");
        assertFalse(hits.isEmpty());
        assertTrue(hits.get(0).matches("/roles/[a-z0-9-]+#.+"), hits.get(0));
        String anchor = hits.get(0).substring(hits.get(0).indexOf('#') + 1);
        String rolePage = web.visitor()
                .page(hits.get(0).substring(0, hits.get(0).indexOf('#')))
                .body();
        assertTrue(rolePage.contains("id=\"" + anchor + "\""), "the hit's anchor exists on the role page: " + anchor);
        assertTrue(Jsoup.parse(web.visitor().page("/search?q=zzzqqq").body())
                .text()
                .contains("Nothing matches every word"));
    }

    @Test
    void designPromptsAndOnePromptWithItsSteps() throws Exception {
        Document prompts = Jsoup.parse(web.visitor().page("/designPrompts").body());
        String first = prompts.select(".card h2 a").first().attr("href");
        Document prompt = Jsoup.parse(web.visitor().page(first).body());
        assertTrue(prompt.select("ol.steps li").size() >= 6);
        assertTrue(prompt.select("form[action=/practice]").isEmpty(), "a visitor cannot start a session");
        WebUser erin = web.signedIn("cat-erin", "Catalog Erin");
        Document signedIn = Jsoup.parse(erin.page(first).body());
        assertEquals(
                first.substring(1),
                signedIn.select("form[action=/practice] input[name=source]").val());
    }
}
