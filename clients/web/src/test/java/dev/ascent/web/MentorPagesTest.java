package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
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
        assertEquals(
                303,
                mentee.post("/mentorships", Map.of("mentor", mentor.handle(), "message", "Will you review my plan?"))
                        .status());
        Document dashboard = Jsoup.parse(mentor.page("/").body());
        assertTrue(
                dashboard.select("a[href=/mentorships]").text().contains("1 mentoring invitation"), dashboard.text());
        Document invitations = Jsoup.parse(mentor.page("/mentorships").body());
        Element form = invitations.select("form[action^=/mentorships/]").first();
        assertTrue(invitations.text().contains("Will you review my plan?"));
        WebUser.Page accepted = mentor.post(
                form.attr("action"),
                Map.of(
                        "answer",
                        "accept",
                        "etag",
                        form.select("input[name=etag]").val()));
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
        assertEquals(
                List.of("Mo Mentor"),
                page.select("#item-" + first + " select[name=mentor] option").eachText());
        WebUser.Page requested = erin.post(
                item + "/review",
                Map.of(
                        "mentor",
                        "users/" + mo.handle(),
                        "note",
                        "Done with the API",
                        "links",
                        "https://example.com/pr/1"));
        assertEquals(303, requested.status(), requested::body);

        row = Jsoup.parse(mo.page("/mentees").body()).select("tbody tr").first();
        assertEquals("1", row.select("td[data-label=Awaiting review]").text());

        Document readOnly = Jsoup.parse(mo.page(plan).body());
        assertTrue(
                readOnly.text().contains("read-only"),
                readOnly.select("main > p").text());
        assertTrue(
                readOnly.select("form[action$=/status], form[action$=/log], form[action$=/move]")
                        .isEmpty(),
                "a mentor gets no editing forms");
        assertEquals(
                303,
                mo.post(item + "/comments", Map.of("body", "Looks close; check the drift alert"))
                        .status());
        assertEquals(
                403,
                mo.post(item + "/status", Map.of("status", "done")).status(),
                "a mentor's status change is refused by the tracker (PERMISSION_DENIED)");

        Document queue = Jsoup.parse(mo.page("/reviewRequests").body());
        Element review = queue.select("article.card").first();
        assertTrue(review.text().contains("Done with the API") && review.text().contains("https://example.com/pr/1"));
        String action = review.select("form").attr("action");
        String etag = review.select("input[name=etag]").val();
        WebUser.Page noComment =
                mo.postRaw(action, Map.of("_csrf", mo.csrf(), "decision", "changes", "etag", etag), false);
        assertEquals(400, noComment.status(), "changes need a comment: " + noComment.body());
        assertEquals(
                303,
                mo.post(action, Map.of("decision", "approve", "etag", etag, "comment", "Solid"))
                        .status());
        assertTrue(Jsoup.parse(mo.page("/reviewRequests").body())
                .select("article.card")
                .isEmpty());

        Document after = Jsoup.parse(erin.page(plan).body());
        assertTrue(
                after.select("#item-" + first + " .meta").text().contains("verified by " + mo.handle()),
                after.select("#item-" + first + " .meta").text());
        assertTrue(after.select("#item-" + first + " .comments").text().contains("check the drift alert"));
        Document requests = Jsoup.parse(erin.page("/reviewRequests").body());
        assertTrue(requests.text().contains("approved — Solid"), requests.text());
    }

    /**
     * A verified item leaves done only when its owner ticks "Withdraw the approval": without it the plain form and
     * the htmx one say so and change nothing; with it the item moves and the activity records the reopen.
     */
    @Test
    void aVerifiedItemLeavesDoneOnlyWhenTheApprovalIsWithdrawn() throws Exception {
        String[] rhea = web.newUser("men-rhea", "Rhea Reopener");
        String[] rex = web.newUser("men-rex", "Rex Approver");
        PlanItem verified = web.verifiedItem(rhea[1], rex);
        WebUser owner = web.signedIn(rhea);
        String item = "/" + verified.getName();
        String plan = item.substring(0, item.indexOf("/items/"));
        String id = item.substring(item.lastIndexOf('/') + 1);

        Document page = Jsoup.parse(owner.page(plan).body());
        Element form = page.select("#item-" + id + " form[action$=/status]").first();
        assertEquals(
                "Verified by " + rex[0] + ": another status withdraws the approval.",
                form.select("#reopen-" + id).text());
        assertEquals("reopen-" + id, form.select("select[name=status]").attr("aria-describedby"));
        assertEquals(
                "Withdraw the approval",
                form.select("label:has(input[name=withdraw_approval])").text());
        assertFalse(form.select("input[name=withdraw_approval]").hasAttr("checked"), "never ticked in advance");
        assertEquals(1, page.select("input[name=withdraw_approval]").size(), "only the verified item asks");

        WebUser.Page kept = owner.post(item + "/status", Map.of("status", "in-progress"));
        assertEquals(303, kept.status(), kept::body);
        assertEquals(plan + "#item-" + id, kept.location());
        page = Jsoup.parse(owner.page(plan).body());
        assertTrue(
                page.select(".flash.error").text().startsWith("Nothing changed: a mentor verified this item")
                        && page.select(".flash.error").text().contains("tick \"Withdraw the approval\""),
                page.select(".flashes").text());
        assertDoneAndVerified(page, id, rex[0]);
        Document swapped = Jsoup.parse(
                owner.postHtmx(item + "/status", Map.of("status", "skipped")).body());
        assertTrue(
                swapped.select("#flashes .flash.error").text().startsWith("Nothing changed"),
                swapped.select("#flashes").outerHtml());
        assertDoneAndVerified(swapped, id, rex[0]);
        PlanItem still = web.as(rhea[1])
                .plans()
                .getPlan(GetPlanRequest.newBuilder().setName(plan.substring(1)).build())
                .getPlan()
                .getItems(0);
        assertTrue(still.getVerified() && still.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_DONE, still::toString);
        assertTrue(Jsoup.parse(owner.page("/").body())
                .select("#feed li.event-verified-item-reopened")
                .isEmpty());

        WebUser.Page moved = owner.post(item + "/status", Map.of("status", "in-progress", "withdraw_approval", "on"));
        assertEquals(303, moved.status(), moved::body);
        page = Jsoup.parse(owner.page(plan).body());
        assertEquals("Status changed.", page.select(".flash").text());
        assertEquals("in progress", page.select("#item-" + id + " .status").text());
        assertFalse(page.select("#item-" + id + " .meta").text().contains("verified by"));
        assertTrue(page.select("input[name=withdraw_approval]").isEmpty(), "nothing left to withdraw");

        Elements reopened = Jsoup.parse(owner.page("/").body()).select("#feed li.event-verified-item-reopened");
        assertEquals(1, reopened.size(), "the reopen is on record once");
        assertTrue(
                reopened.text().contains("Reopened verified \"" + verified.getTitle() + "\"")
                        && reopened.text().contains("withdrawn"),
                reopened.text());
    }

    private static void assertDoneAndVerified(Document page, String id, String mentor) {
        assertEquals("done", page.select("#item-" + id + " .status").text());
        assertTrue(
                page.select("#item-" + id + " .meta").text().contains("verified by " + mentor),
                page.select("#item-" + id + " .meta").text());
        assertEquals(
                1, page.select("#item-" + id + " input[name=withdraw_approval]").size());
    }

    @Test
    void aPracticeSessionReviewCarriesStepScores() throws Exception {
        WebUser erin = web.signedIn("men-prac", "Practising Mentee");
        WebUser mo = web.signedIn("men-scorer", "Scoring Mentor");
        mentor(erin, mo);
        String source = Jsoup.parse(erin.page("/practice").body())
                .select("#source option")
                .first()
                .val();
        String session = erin.post("/practice", Map.of("source", source)).location();
        Document page = Jsoup.parse(erin.page(session).body());
        List<String> steps = page.select("input[name^=step:]").eachAttr("name");
        erin.post(session + "/complete", Map.of(steps.get(0), "on", "rating", "3"));
        page = Jsoup.parse(erin.page(session).body());
        assertEquals(
                303,
                erin.post(session + "/review", Map.of("mentor", "users/" + mo.handle(), "note", "how did I do?"))
                        .status());

        Element review = Jsoup.parse(mo.page("/reviewRequests").body())
                .select("article.card")
                .first();
        List<String> scores = review.select("select[name^=score:]").eachAttr("name");
        assertEquals(steps.size(), scores.size());
        WebUser.Page scored = mo.post(
                review.select("form").attr("action"),
                Map.of(
                        "decision",
                        "approve",
                        "etag",
                        review.select("input[name=etag]").val(),
                        scores.get(0),
                        "4",
                        scores.get(1),
                        "2"));
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
        Element form = Jsoup.parse(mo.page("/mentorships").body())
                .select("form[action^=/mentorships/]")
                .first();
        assertEquals(
                303,
                mo.post(
                                form.attr("action"),
                                Map.of(
                                        "answer",
                                        "decline",
                                        "etag",
                                        form.select("input[name=etag]").val()))
                        .status());
        assertTrue(Jsoup.parse(mo.page("/mentees").body()).select("tbody tr").isEmpty());
        assertEquals(404, mo.get(plan).status());
        assertTrue(Jsoup.parse(erin.page("/mentorships").body()).text().contains("invitation declined"));
        assertEquals(
                400, erin.post("/mentorships", Map.of("mentor", "Not A Handle")).status());
    }
}
