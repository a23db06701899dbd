package dev.ascent.tracker.mentorship;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityType;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.CancelReviewRequestRequest;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetReviewRequestRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsResponse;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.MenteeSummary;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A mentee asks, a mentor reviews, over a real channel; runs once per database engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReviewFlowContract {

    private TrackerHarness tracker;
    private Mentors m;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        m = new Mentors(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private ReviewRequest ask(User mentee, PlanItem item, String requestId) {
        return m.reviews(mentee)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(item.getName())
                        .addEvidenceLinks("https://github.com/example/pr/1")
                        .setNote("please look")
                        .setRequestId(requestId)
                        .build())
                .getReviewRequest();
    }

    private PlanItem item(User u, Plan plan, int i) {
        return m.plans(u)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItems(i);
    }

    @Test
    void changesRequestedThenApprovedEndToEnd() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        Plan plan = m.plan(mentee);
        m.activate(mentee, mentor);
        PlanItem target = plan.getItems(0);

        ReviewRequest open = ask(mentee, target, "ask-1");
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN, open.getState());
        assertEquals(mentor.name(), open.getMentor(), "the only active mentor is chosen");
        assertEquals(open.getName(), ask(mentee, target, "ask-1").getName(), "a retry returns the first result");
        assertStatus(Status.Code.ALREADY_EXISTS, () -> ask(mentee, target, ""));
        assertEquals(open.getName(), item(mentee, plan, 0).getOpenReviewRequest());
        assertEquals(1, summary(mentee, plan).getAwaitingReviewCount());
        MenteeSummary row = m.mentorships(mentor)
                .listMentees(ListMenteesRequest.getDefaultInstance())
                .getMentees(0);
        assertEquals(1, row.getAwaitingReviewCount());
        assertEquals(1, row.getPlanCount());
        assertTrue(row.hasLastActivityTime());

        assertInvalidField("comment", () -> decide(mentor, open, ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED, ""));
        assertInvalidField(
                "step_scores",
                () -> m.reviews(mentor)
                        .submitReview(SubmitReviewRequest.newBuilder()
                                .setName(open.getName())
                                .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                                .addStepScores(StepScore.newBuilder()
                                        .setStep(target.getName() + "/steps/1")
                                        .setScore(3))
                                .build()));
        assertInvalidField(
                "step_scores[0].score",
                () -> m.reviews(mentor)
                        .submitReview(SubmitReviewRequest.newBuilder()
                                .setName(open.getName())
                                .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                                .addStepScores(StepScore.newBuilder().setScore(9))
                                .build()));
        ReviewRequest changes = decide(
                mentor, open, ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED, "Add a section on failure modes");
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_CHANGES_REQUESTED, changes.getState());
        assertEquals(
                PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS,
                item(mentee, plan, 0).getStatus());
        assertEquals("", item(mentee, plan, 0).getOpenReviewRequest());
        Mentors.refused(
                Status.Code.FAILED_PRECONDITION,
                () -> decide(mentor, open, ReviewDecision.REVIEW_DECISION_APPROVED, ""),
                "no longer awaiting review");
        List<Comment> thread = m.reviews(mentee)
                .listComments(ListCommentsRequest.newBuilder()
                        .setParent(target.getName())
                        .build())
                .getCommentsList();
        assertEquals("Add a section on failure modes", thread.get(0).getBody());
        assertEquals(open.getName(), thread.get(0).getReviewRequest());

        ReviewRequest again = ask(mentee, target, "ask-2");
        ReviewRequest approved = decide(mentor, again, ReviewDecision.REVIEW_DECISION_APPROVED, "");
        assertEquals(ReviewRequestState.REVIEW_REQUEST_STATE_APPROVED, approved.getState());
        PlanItem verified = item(mentee, plan, 0);
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, verified.getStatus());
        assertTrue(verified.getVerified());
        assertEquals(mentor.name(), verified.getVerifiedBy());
        ProgressSummary s = summary(mentor, plan);
        assertEquals(1, s.getVerifiedCount());
        assertEquals(1, s.getDoneCount());
        assertEquals(0, s.getAwaitingReviewCount());

        List<ActivityEvent> history = m.progress(mentee)
                .listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPageSize(100)
                        .build())
                .getActivityEventsList();
        ActivityEvent decision = history.stream()
                .filter(e -> e.getType() == ActivityType.ACTIVITY_TYPE_REVIEW_SUBMITTED)
                .findFirst()
                .orElseThrow();
        assertEquals(mentor.name(), decision.getActor());
        assertEquals(mentee.name(), decision.getOwner());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, decision.getNewStatus());
    }

    @Test
    void theQueueIsOldestFirstPagedAndFilteredByMentee() {
        User mentor = m.user("max");
        User first = m.user("mia");
        User second = m.user("moe");
        Plan p1 = m.plan(first);
        Plan p2 = m.plan(second);
        m.activate(first, mentor);
        m.activate(second, mentor);
        ReviewRequest a = ask(first, p1.getItems(0), "");
        ReviewRequest b = ask(second, p2.getItems(0), "");
        ReviewRequest c = ask(first, p1.getItems(1), "");
        ListReviewRequestsResponse page1 = m.reviews(mentor)
                .listReviewRequests(
                        ListReviewRequestsRequest.newBuilder().setPageSize(2).build());
        assertEquals(
                List.of(a.getName(), b.getName()),
                page1.getReviewRequestsList().stream()
                        .map(ReviewRequest::getName)
                        .toList());
        // The page's users are looked up in one query: each row still names its own mentee and mentor.
        assertEquals(
                List.of(first.name() + " " + mentor.name(), second.name() + " " + mentor.name()),
                page1.getReviewRequestsList().stream()
                        .map(r -> r.getMentee() + " " + r.getMentor())
                        .toList());
        assertEquals(List.of(a, b), page1.getReviewRequestsList());
        assertEquals(3, page1.getTotalSize(), "every open request to the mentor, not the page");
        ListReviewRequestsResponse page2 = m.reviews(mentor)
                .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                        .setPageSize(2)
                        .setPageToken(page1.getNextPageToken())
                        .build());
        assertEquals(
                List.of(c.getName()),
                page2.getReviewRequestsList().stream()
                        .map(ReviewRequest::getName)
                        .toList());
        assertEquals("", page2.getNextPageToken());
        assertEquals(3, page2.getTotalSize(), "counted on every page");
        assertEquals(
                2,
                m.reviews(mentor)
                        .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                .setMentee(first.name())
                                .setPageSize(1)
                                .build())
                        .getTotalSize(),
                "the total follows the filters");
        assertEquals(
                List.of(a.getName(), c.getName()),
                m
                        .reviews(mentor)
                        .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                .setMentee(first.name())
                                .build())
                        .getReviewRequestsList()
                        .stream()
                        .map(ReviewRequest::getName)
                        .toList());
        assertInvalidField(
                "page_token",
                () -> m.reviews(mentor)
                        .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                .setMentee(first.name())
                                .setPageToken(page1.getNextPageToken())
                                .build()));
        assertEquals(
                2,
                m.reviews(first)
                        .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                .setMentee(first.name())
                                .build())
                        .getReviewRequestsCount(),
                "a mentee sees their own requests");
    }

    @Test
    void requestsAreWithdrawnOrCancelledWhenTheMentorshipEnds() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        Plan plan = m.plan(mentee);
        Mentorship ms = m.activate(mentee, mentor);
        ReviewRequest one = ask(mentee, plan.getItems(0), "");
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> m.reviews(mentor)
                        .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                                .setName(one.getName())
                                .build()));
        assertEquals(
                ReviewRequestState.REVIEW_REQUEST_STATE_CANCELLED,
                m.reviews(mentee)
                        .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                                .setName(one.getName())
                                .build())
                        .getReviewRequest()
                        .getState());
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> m.reviews(mentee)
                        .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                                .setName(one.getName())
                                .build()));

        ReviewRequest two = ask(mentee, plan.getItems(1), "");
        m.end(mentee, ms);
        assertEquals(
                ReviewRequestState.REVIEW_REQUEST_STATE_CANCELLED,
                m.reviews(mentee)
                        .getReviewRequest(GetReviewRequestRequest.newBuilder()
                                .setName(two.getName())
                                .build())
                        .getReviewRequest()
                        .getState());
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> m.reviews(mentor)
                        .getReviewRequest(GetReviewRequestRequest.newBuilder()
                                .setName(two.getName())
                                .build()));
        Mentors.refused(Status.Code.FAILED_PRECONDITION, () -> ask(mentee, plan.getItems(2), ""), "no active mentor");
    }

    @Test
    void badReviewInputIsNamed() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        Plan plan = m.plan(mentee);
        m.activate(mentee, mentor);
        String item = plan.getItems(0).getName();
        assertInvalidField(
                "evidence_links[0]",
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(item)
                                .addEvidenceLinks("ftp://example.com/x")
                                .build()));
        assertInvalidField(
                "note",
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(item)
                                .setNote("x".repeat(4001))
                                .build()));
        assertInvalidField(
                "target",
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget("plans/1")
                                .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(mentee.name() + "/practiceSessions/1")
                                .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(item)
                                .setMentor("users/nobody-here")
                                .build()));
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> m.reviews(mentee)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(item)
                                .setMentor(m.user("sam").name())
                                .build()));
        assertInvalidField(
                "body",
                () -> m.reviews(mentor)
                        .addComment(AddCommentRequest.newBuilder()
                                .setParent(item)
                                .setBody("x".repeat(4001))
                                .build()));
        assertInvalidField(
                "body",
                () -> m.reviews(mentor)
                        .addComment(AddCommentRequest.newBuilder()
                                .setParent(item)
                                .setBody("  ")
                                .build()));
        assertEquals(
                0,
                m.reviews(mentee)
                        .listComments(
                                ListCommentsRequest.newBuilder().setParent(item).build())
                        .getCommentsCount(),
                "nothing half-written");
        Comment c = m.reviews(mentor)
                .addComment(AddCommentRequest.newBuilder()
                        .setParent(item)
                        .setBody("Nice start")
                        .build())
                .getComment();
        assertEquals(mentor.name(), c.getAuthor());
        assertTrue(c.getName().startsWith(item + "/comments/"));
    }

    /** One command used to erase a mentor's approval silently; now it takes an explicit flag and is on record. */
    @Test
    void reopeningAVerifiedItemNeedsTheFlagAndIsRecordedAsSuch() {
        User mentee = m.user("rhea");
        User mentor = m.user("rex");
        Plan plan = m.plan(mentee);
        m.activate(mentee, mentor);
        PlanItem target = plan.getItems(0);
        decide(mentor, ask(mentee, target, ""), ReviewDecision.REVIEW_DECISION_APPROVED, "solid");
        assertTrue(item(mentee, plan, 0).getVerified());

        UpdatePlanItemRequest.Builder reopen = UpdatePlanItemRequest.newBuilder()
                .setPlanItem(PlanItem.newBuilder()
                        .setName(target.getName())
                        .setStatus(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS))
                .setUpdateMask(FieldMask.newBuilder().addPaths("status"));
        var refused = assertStatus(
                Status.Code.FAILED_PRECONDITION, () -> m.plans(mentee).updatePlanItem(reopen.build()));
        assertEquals(
                "ITEM_VERIFIED",
                dev.ascent.common.testing.GrpcAssertions.errorInfo(refused)
                        .orElseThrow()
                        .getReason());
        assertTrue(refused.getStatus().getDescription().contains("allow_reopen_verified"), refused::toString);
        PlanItem unchanged = item(mentee, plan, 0);
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, unchanged.getStatus());
        assertTrue(unchanged.getVerified());
        // Other fields of a verified item change without the flag.
        m.plans(mentee)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(
                                PlanItem.newBuilder().setName(target.getName()).setNotes("kept"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                        .build());
        assertTrue(item(mentee, plan, 0).getVerified());

        PlanItem reopened = m.plans(mentee)
                .updatePlanItem(reopen.setAllowReopenVerified(true).build())
                .getPlanItem();
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS, reopened.getStatus());
        assertTrue(!reopened.getVerified() && reopened.getVerifiedBy().isEmpty());
        assertEquals(0, summary(mentee, plan).getVerifiedCount());
        ActivityEvent event = m.progress(mentor)
                .listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPageSize(1)
                        .build())
                .getActivityEvents(0);
        assertEquals(ActivityType.ACTIVITY_TYPE_VERIFIED_ITEM_REOPENED, event.getType());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, event.getOldStatus());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS, event.getNewStatus());
        assertEquals(target.getName(), event.getItem());
        assertTrue(
                event.getSummary().startsWith("Reopened verified \"")
                        && event.getSummary().contains("approval by " + mentor.name() + " withdrawn"),
                event.getSummary());
        // An item that is no longer verified moves freely again.
        m.plans(mentee)
                .updatePlanItem(reopen.setAllowReopenVerified(false)
                        .setPlanItem(PlanItem.newBuilder()
                                .setName(target.getName())
                                .setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE))
                        .build());
    }

    /**
     * The mentor's table and the mentee's progress used to disagree on "this week" (a calendar week against the plan
     * week). The plan's weeks here start on another weekday than Monday, with time logged on every day since its
     * start: one week is a strict part of the other, so the two definitions give different sums.
     */
    @Test
    void menteeMinutesThisWeekEqualTheProgressSummarys() {
        User mentee = m.user("wes");
        User mentor = m.user("wil");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        LocalDate start = today.minusDays(13);
        if (start.plusDays(7).equals(monday)) {
            start = start.plusDays(1);
        }
        Plan plan = m.plans(mentee)
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(Mentors.ROLE)
                        .setHoursPerWeek(6)
                        .setStartDate(start.toString())
                        .build())
                .getPlan();
        int minutes = 1;
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            m.plans(mentee)
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(plan.getItems(0).getName())
                            .setMinutes(minutes)
                            .setDay(d.toString())
                            .build());
            minutes++;
        }
        m.activate(mentee, mentor);
        ProgressSummary progress = summary(mentor, plan);
        MenteeSummary row = m.mentorships(mentor)
                .listMentees(ListMenteesRequest.getDefaultInstance())
                .getMentees(0);
        assertEquals(progress.getMinutesThisWeek(), row.getMinutesThisWeek());
        assertEquals(progress.getPercentComplete(), row.getPercentComplete());
        assertEquals(progress.getPace(), row.getPace());
        long calendarWeek = 0;
        int m2 = 1;
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            calendarWeek += d.isBefore(monday) ? 0 : m2;
            m2++;
        }
        assertTrue(calendarWeek != row.getMinutesThisWeek(), "the test must tell the two weeks apart");
    }

    private ReviewRequest decide(User mentor, ReviewRequest r, ReviewDecision d, String comment) {
        return m.reviews(mentor)
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(r.getName())
                        .setDecision(d)
                        .setComment(comment)
                        .build())
                .getReviewRequest();
    }

    private ProgressSummary summary(User u, Plan plan) {
        return m.progress(u)
                .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                        .setPlan(plan.getName())
                        .build())
                .getProgressSummary();
    }
}
