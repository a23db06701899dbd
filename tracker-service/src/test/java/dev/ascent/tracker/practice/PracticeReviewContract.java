package dev.ascent.tracker.practice;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.tracker.practice.PracticeContract.check;
import static dev.ascent.tracker.practice.PracticeContract.complete;
import static dev.ascent.tracker.practice.PracticeContract.get;
import static dev.ascent.tracker.practice.PracticeContract.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc.PracticeServiceBlockingStub;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Mentor reviews of practice sessions, with step scores, over a real channel; runs once per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PracticeReviewContract {

    private PracticeFixture f;
    private Mentors m;
    private String prompt;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void startServices() throws Exception {
        f = PracticeFixture.start(engine());
        m = new Mentors(f.tracker().service().channel());
        prompt = f.firstDesignPrompt();
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private PracticeServiceBlockingStub practice(User u) {
        return f.practice(u.token());
    }

    private PracticeSession startLinked(User u, PlanItem item) {
        return practice(u)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(item.getName())
                        .build())
                .getPracticeSession();
    }

    private ReviewRequest ask(User mentee, PracticeSession s, String requestId) {
        return m.reviews(mentee)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(s.getName())
                        .addEvidenceLinks("https://example.com/design.png")
                        .setNote("my design")
                        .setRequestId(requestId)
                        .build())
                .getReviewRequest();
    }

    private static StepScore score(PracticeSession s, int position, int score) {
        return StepScore.newBuilder()
                .setStep(s.getName() + "/steps/" + position)
                .setScore(score)
                .build();
    }

    private ReviewRequest decide(
            User mentor, ReviewRequest r, ReviewDecision d, String comment, String requestId, StepScore... scores) {
        return m.reviews(mentor)
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(r.getName())
                        .setDecision(d)
                        .setComment(comment)
                        .addAllStepScores(List.of(scores))
                        .setRequestId(requestId)
                        .build())
                .getReviewRequest();
    }

    private PlanItem item(User u, String name) {
        return m
                .plans(u)
                .getPlan(GetPlanRequest.newBuilder()
                        .setName(name.substring(0, name.indexOf("/items/")))
                        .build())
                .getPlan()
                .getItemsList()
                .stream()
                .filter(i -> i.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<Integer> scores(PracticeSession s) {
        return s.getStepsList().stream().map(PracticeStep::getMentorScore).toList();
    }

    private List<String> events(String requestName) throws Exception {
        return f.column("SELECT type FROM activity WHERE subject = ? ORDER BY seq", requestName);
    }

    @Test
    void aCompletedSessionIsReviewedAndScoredEndToEnd() throws Exception {
        User mentee = m.user("pia");
        User mentor = m.user("pam");
        Plan plan = m.plan(mentee);
        m.activate(mentee, mentor);
        PlanItem todo = plan.getItems(0);
        PracticeSession s = startLinked(mentee, todo);
        Mentors.refused(Status.Code.FAILED_PRECONDITION, () -> ask(mentee, s, ""), "an ACTIVE session");
        PracticeSession done = complete(practice(mentee), check(practice(mentee), s, 1), 3);
        assertTrue(done.getStepCount() >= 3, "the prompt has enough steps to score");

        ReviewRequest open = ask(mentee, done, "ask-session-1");
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN, open.getState());
        assertEquals(done.getName(), open.getTarget());
        assertEquals(done.getTitle(), open.getTargetTitle());
        assertEquals(mentor.name(), open.getMentor());
        assertEquals(open.getName(), ask(mentee, done, "ask-session-1").getName(), "a retry returns the first result");
        Mentors.refused(Status.Code.ALREADY_EXISTS, () -> ask(mentee, done, ""), "a second open request");
        assertEquals(open.getName(), get(practice(mentee), done.getName()).getOpenReviewRequest());
        assertEquals(open.getName(), get(practice(mentor), done.getName()).getOpenReviewRequest());
        assertEquals(
                open.getName(),
                practice(mentor)
                        .listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                                .setParent(mentee.name())
                                .build())
                        .getPracticeSessions(0)
                        .getOpenReviewRequest());
        assertEquals("", item(mentee, todo.getName()).getOpenReviewRequest(), "the item itself was not asked about");
        assertEquals(List.of("REVIEW_REQUESTED"), events(open.getName()));
        String planId = plan.getName().substring(plan.getName().lastIndexOf('/') + 1);
        assertEquals(
                List.of(planId),
                f.column("SELECT plan_id FROM activity WHERE subject = ?", open.getName()),
                "filed under the session's plan");

        ReviewRequest approved = decide(
                mentor,
                open,
                ReviewDecision.REVIEW_DECISION_APPROVED,
                "Solid",
                "dec-1",
                score(done, 1, 4),
                score(done, 3, 5));
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_APPROVED, approved.getState());
        assertEquals(List.of(score(done, 1, 4), score(done, 3, 5)), approved.getStepScoresList());
        assertEquals(
                approved,
                decide(
                        mentor,
                        open,
                        ReviewDecision.REVIEW_DECISION_APPROVED,
                        "Solid",
                        "dec-1",
                        score(done, 1, 4),
                        score(done, 3, 5)),
                "a retry returns the first result");

        PracticeSession mine = get(practice(mentee), done.getName());
        assertEquals(mine, get(practice(mentor), done.getName()), "mentee and mentor see the same session");
        List<Integer> expected = new java.util.ArrayList<>(java.util.Collections.nCopies(done.getStepCount(), 0));
        expected.set(0, 4);
        expected.set(2, 5);
        assertEquals(expected, scores(mine));
        assertEquals("", mine.getOpenReviewRequest());
        assertTrue(!mine.getEtag().equals(done.getEtag()), "scoring moves the session's etag");

        PlanItem verified = item(mentee, todo.getName());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, verified.getStatus());
        assertTrue(verified.getVerified());
        assertEquals(mentor.name(), verified.getVerifiedBy());
        assertEquals(List.of("REVIEW_REQUESTED", "REVIEW_SUBMITTED"), events(open.getName()));
        assertEquals(
                List.of("DONE"),
                f.column(
                        "SELECT new_status FROM activity WHERE subject = ? " + "AND type = 'REVIEW_SUBMITTED'",
                        open.getName()));
        assertEquals(
                "Solid",
                m.reviews(mentee)
                        .listComments(ListCommentsRequest.newBuilder()
                                .setParent(todo.getName())
                                .build())
                        .getComments(0)
                        .getBody(),
                "the comment lands in the item's thread");
    }

    @Test
    void badScoresAreNamedAndNothingIsWritten() throws Exception {
        User mentee = m.user("pia");
        User mentor = m.user("pam");
        m.activate(mentee, mentor);
        PracticeSession done = complete(practice(mentee), start(practice(mentee), prompt), 4);
        PracticeSession other = complete(practice(mentee), start(practice(mentee), prompt), 4);
        ReviewRequest open = ask(mentee, done, "");
        ReviewDecision approve = ReviewDecision.REVIEW_DECISION_APPROVED;

        var e = assertInvalidField(
                "step_scores[2].score",
                () -> decide(mentor, open, approve, "", "", score(done, 1, 4), score(done, 2, 5), score(done, 3, 6)));
        assertInvalidField("step_scores[0].score", () -> decide(mentor, open, approve, "", "", score(done, 1, 0)));
        assertInvalidField(
                "step_scores[1].step",
                () -> decide(mentor, open, approve, "", "", score(done, 1, 4), score(done, 1, 5)));
        assertInvalidField(
                "step_scores[1].step",
                () -> decide(
                        mentor, open, approve, "", "", score(done, 1, 4), score(done, done.getStepCount() + 1, 5)));
        assertInvalidField("step_scores[0].step", () -> decide(mentor, open, approve, "", "", score(other, 1, 4)));
        assertInvalidField(
                "step_scores[0].step",
                () -> decide(
                        mentor,
                        open,
                        approve,
                        "",
                        "",
                        StepScore.newBuilder().setStep("steps/1").setScore(3).build()));
        assertTrue(e.getStatus().getDescription() != null);

        assertEquals(
                done,
                get(practice(mentee), done.getName()).toBuilder()
                        .clearOpenReviewRequest()
                        .build(),
                "no score written");
        ReviewRequest still = m.reviews(mentee)
                .getReviewRequest(dev.ascent.proto.tracker.v1.GetReviewRequestRequest.newBuilder()
                        .setName(open.getName())
                        .build())
                .getReviewRequest();
        assertEquals(open, still, "the request is untouched");
        assertEquals(List.of("REVIEW_REQUESTED"), events(open.getName()));

        // CHANGES_REQUESTED needs a comment; an unlinked session has no item to move.
        assertInvalidField(
                "comment", () -> decide(mentor, open, ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED, "", ""));
        ReviewRequest changes = decide(
                mentor,
                open,
                ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED,
                "Estimate the storage",
                "",
                score(done, 2, 2));
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_CHANGES_REQUESTED, changes.getState());
        assertEquals("Estimate the storage", changes.getDecisionComment());
        assertEquals(2, get(practice(mentee), done.getName()).getSteps(1).getMentorScore());
        assertEquals(
                List.of(""),
                f.column(
                        "SELECT COALESCE(CAST(plan_id AS CHAR), '') FROM activity "
                                + "WHERE subject = ? AND type = 'REVIEW_SUBMITTED'",
                        open.getName()),
                "no plan to file it under");
        // Once decided, a new request may be made for the same session.
        assertEquals(
                ReviewRequestState.REVIEW_REQUEST_STATE_OPEN,
                ask(mentee, done, "").getState());
    }

    @Test
    void changesRequestedMovesTheLinkedItemBack() {
        User mentee = m.user("pia");
        User mentor = m.user("pam");
        Plan plan = m.plan(mentee);
        m.activate(mentee, mentor);
        PracticeSession s = startLinked(mentee, plan.getItems(1));
        practice(mentee)
                .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setSelfRating(5)
                        .setMarkItemDone(true)
                        .build());
        assertEquals(
                PlanItemStatus.PLAN_ITEM_STATUS_DONE,
                item(mentee, s.getPlanItem()).getStatus());
        ReviewRequest open = ask(mentee, s, "");
        decide(mentor, open, ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED, "Cover failure modes", "");
        PlanItem back = item(mentee, s.getPlanItem());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS, back.getStatus());
        assertTrue(!back.getVerified());
        assertEquals(
                "Cover failure modes",
                m.reviews(mentee)
                        .listComments(ListCommentsRequest.newBuilder()
                                .setParent(s.getPlanItem())
                                .build())
                        .getComments(0)
                        .getBody());
    }

    @Test
    void onlyTheOwnersCompletedSessionsAndActiveMentorsQualify() throws Exception {
        User mentee = m.user("pia");
        User mentor = m.user("pam");
        User stranger = m.user("pat");
        Mentorship ms = m.activate(mentee, mentor);
        PracticeSession abandoned = practice(mentee)
                .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(start(practice(mentee), prompt).getName())
                        .build())
                .getPracticeSession();
        Mentors.refused(Status.Code.FAILED_PRECONDITION, () -> ask(mentee, abandoned, ""), "an ABANDONED session");
        PracticeSession done = complete(practice(mentee), start(practice(mentee), prompt), 4);
        Mentors.refused(Status.Code.NOT_FOUND, () -> ask(stranger, done, ""), "a stranger's request");
        Mentors.refused(Status.Code.PERMISSION_DENIED, () -> ask(mentor, done, ""), "the mentor asking");
        Mentors.refused(
                Status.Code.NOT_FOUND,
                () -> ask(
                        mentee,
                        PracticeSession.newBuilder()
                                .setName(mentee.name() + "/practiceSessions/1")
                                .build(),
                        ""),
                "an unknown session");
        Mentors.refused(
                Status.Code.FAILED_PRECONDITION,
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(done.getName())
                                .setMentor(stranger.name())
                                .build()),
                "not a mentor");

        ReviewRequest open = ask(mentee, done, "");
        Mentors.refused(
                Status.Code.NOT_FOUND,
                () -> decide(stranger, open, ReviewDecision.REVIEW_DECISION_APPROVED, "", "", score(done, 1, 5)),
                "a stranger's review");
        Mentors.refused(
                Status.Code.PERMISSION_DENIED,
                () -> decide(mentee, open, ReviewDecision.REVIEW_DECISION_APPROVED, "", "", score(done, 1, 5)),
                "the mentee's review");
        m.end(mentee, ms);
        Mentors.refused(
                Status.Code.FAILED_PRECONDITION,
                () -> decide(mentor, open, ReviewDecision.REVIEW_DECISION_APPROVED, "", "", score(done, 1, 5)),
                "an ended mentor's review");
        Mentors.refused(Status.Code.NOT_FOUND, () -> get(practice(mentor), done.getName()), "an ended mentor's read");
        PracticeSession after = get(practice(mentee), done.getName());
        assertEquals(List.of(0), scores(after).stream().distinct().toList(), "nothing scored");
        assertEquals("", after.getOpenReviewRequest(), "ending the mentorship cancelled the request");
        assertEquals(List.of("REVIEW_REQUESTED", "REVIEW_CANCELLED"), events(open.getName()));
    }

    @Test
    void aReviewDecisionReschedulesThePlanLikeAStatusChange() {
        User mentee = m.user("pia");
        User mentor = m.user("pam");
        m.activate(mentee, mentor);
        Plan byHand = m.plan(mentee);
        Plan byReview = m.plan(mentee);
        m.plans(mentee)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(PlanItem.newBuilder()
                                .setName(byHand.getItems(0).getName())
                                .setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                        .build());
        ReviewRequest r = m.reviews(mentee)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(byReview.getItems(0).getName())
                        .build())
                .getReviewRequest();
        decide(mentor, r, ReviewDecision.REVIEW_DECISION_APPROVED, "", "");
        List<String> expected = dueDates(mentee, byHand);
        assertTrue(
                !expected.equals(
                        byHand.getItemsList().stream().map(PlanItem::getDueDate).toList()),
                "finishing the first item moves the others' due dates");
        assertEquals(expected, dueDates(mentee, byReview));
    }

    private List<String> dueDates(User u, Plan plan) {
        return m
                .plans(u)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItemsList()
                .stream()
                .map(PlanItem::getDueDate)
                .toList();
    }
}
