package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mentor's pages over HTTP: invitations, the mentee table, a mentee's plan read-only, the review queue. */
class MentorPagesTest {

    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    /** Erin invites the mentor, who accepts through the invitations page. */
    static void mentor(WebUser mentee, WebUser mentor) throws Exception {
        mentee.page("/mentorships");
        assertEquals(303, mentee.post("/mentorships", Map.of("mentor", mentor.handle(),
                "message", "Will you review my plan?")).status());
        Document dashboard = Jsoup.parse(mentor.page("/").body());
        assertTrue(dashboard.select("a[href=/mentorships]").text().contains("1 mentoring invitation"),
                dashboard.text());
        Document invitations = Jsoup.parse(mentor.page("/mentorships").body());
        Element form = invitations.select("form[action^=/mentorships/]").first();
        assertTrue(invitations.text().contains("Will you review my plan?"));
        WebUser.Page accepted = mentor.post(form.attr("action"), Map.of("answer", "accept",
                "etag", form.select("input[name=etag]").val()));
        assertEquals(303, accepted.status(), accepted::body);
    }

    @Test
    void aMentorAcceptsSeesTheMenteeAndApprovesARequestedReview() throws Exception {
        WebUser erin = web.signedIn("men-erin", "Erin Mentee");
        WebUser mo = web.signedIn("men-mo", "Mo Mentor");
        mentor(erin, mo);
        String plan = EngineerPagesTest.createPlan(erin);

        Document mentees = Jsoup.parse(mo.page("/mentees").body());
        Element row = mentees.select("tbody tr").first();
        assertTrue(row.text().contains("Erin Mentee"), row.text());
        assertFalse(row.select(".pace").attr("class").isBlank());
        assertEquals("0", row.select("td[data-label=Awaiting review]").text());

        Document page = Jsoup.parse(erin.page(plan).body());
        String first = page.select("li.item").first().id().substring("item-".length());
        String item = plan + "/items/" + first;
        assertEquals(List.of("Mo Mentor"), page.select("#item-" + first + " select[name=mentor] option").eachText());
        WebUser.Page requested = erin.post(item + "/review", Map.of("mentor", "users/" + mo.handle(),
                "note", "Done with the API", "links", "https://example.com/pr/1"));
        assertEquals(303, requested.status(), requested::body);

        row = Jsoup.parse(mo.page("/mentees").body()).select("tbody tr").first();
        assertEquals("1", row.select("td[data-label=Awaiting review]").text());

        Document readOnly = Jsoup.parse(mo.page(plan).body());
        assertTrue(readOnly.text().contains("read-only"), readOnly.select("main > p").text());
        assertTrue(readOnly.select("form[action$=/status], form[action$=/log], form[action$=/move]").isEmpty(),
                "a mentor gets no editing forms");
        assertEquals(303, mo.post(item + "/comments", Map.of("body", "Looks close; check the drift alert"))
                .status());
        assertEquals(403, mo.post(item + "/status", Map.of("status", "done")).status(),
                "a mentor's status change is refused by the tracker (PERMISSION_DENIED)");

        Document queue = Jsoup.parse(mo.page("/reviewRequests").body());
        Element review = queue.select("article.card").first();
        assertTrue(review.text().contains("Done with the API") && review.text().contains("https://example.com/pr/1"));
        String action = review.select("form").attr("action");
        String etag = review.select("input[name=etag]").val();
        WebUser.Page noComment = mo.postRaw(action, Map.of("_csrf", mo.csrf(), "decision", "changes",
                "etag", etag), false);
        assertEquals(400, noComment.status(), "changes need a comment: " + noComment.body());
        assertEquals(303, mo.post(action, Map.of("decision", "approve", "etag", etag, "comment", "Solid")).status());
        assertTrue(Jsoup.parse(mo.page("/reviewRequests").body()).select("article.card").isEmpty());

        Document after = Jsoup.parse(erin.page(plan).body());
        assertTrue(after.select("#item-" + first + " .meta").text().contains("verified by " + mo.handle()),
                after.select("#item-" + first + " .meta").text());
        assertTrue(after.select("#item-" + first + " .comments").text().contains("check the drift alert"));
        Document requests = Jsoup.parse(erin.page("/reviewRequests").body());
        assertTrue(requests.text().contains("approved — Solid"), requests.text());
    }

    @Test
    void aPracticeSessionReviewCarriesStepScores() throws Exception {
        WebUser erin = web.signedIn("men-prac", "Practising Mentee");
        WebUser mo = web.signedIn("men-scorer", "Scoring Mentor");
        mentor(erin, mo);
        String source = Jsoup.parse(erin.page("/practice").body()).select("#source option").first().val();
        String session = erin.post("/practice", Map.of("source", source)).location();
        Document page = Jsoup.parse(erin.page(session).body());
        List<String> steps = page.select("input[name^=step:]").eachAttr("name");
        erin.post(session + "/complete", Map.of(steps.get(0), "on", "rating", "3"));
        page = Jsoup.parse(erin.page(session).body());
        assertEquals(303, erin.post(session + "/review", Map.of("mentor", "users/" + mo.handle(),
                "note", "how did I do?")).status());

        Element review = Jsoup.parse(mo.page("/reviewRequests").body()).select("article.card").first();
        List<String> scores = review.select("select[name^=score:]").eachAttr("name");
        assertEquals(steps.size(), scores.size());
        WebUser.Page scored = mo.post(review.select("form").attr("action"), Map.of("decision", "approve",
                "etag", review.select("input[name=etag]").val(), scores.get(0), "4", scores.get(1), "2"));
        assertEquals(303, scored.status(), scored::body);
        String text = Jsoup.parse(erin.page(session).body()).text();
        assertTrue(text.contains("Mentor score: 4/5") && text.contains("Mentor score: 2/5"), text);
    }

    @Test
    void aDeclinedInvitationGivesNoAccess() throws Exception {
        WebUser erin = web.signedIn("men-decl", "Declined Mentee");
        WebUser mo = web.signedIn("men-busy", "Busy Mentor");
        String plan = EngineerPagesTest.createPlan(erin);
        erin.page("/mentorships");
        erin.post("/mentorships", Map.of("mentor", mo.handle()));
        Element form = Jsoup.parse(mo.page("/mentorships").body()).select("form[action^=/mentorships/]").first();
        assertEquals(303, mo.post(form.attr("action"), Map.of("answer", "decline",
                "etag", form.select("input[name=etag]").val())).status());
        assertTrue(Jsoup.parse(mo.page("/mentees").body()).select("tbody tr").isEmpty());
        assertEquals(404, mo.get(plan).status());
        assertTrue(Jsoup.parse(erin.page("/mentorships").body()).text().contains("invitation declined"));
        assertEquals(400, erin.post("/mentorships", Map.of("mentor", "Not A Handle")).status());
    }
}
