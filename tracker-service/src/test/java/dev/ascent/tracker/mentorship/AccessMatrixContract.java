package dev.ascent.tracker.mentorship;

import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CancelReviewRequestRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.DeletePlanRequest;
import dev.ascent.proto.tracker.v1.GetMentorshipRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetReviewRequestRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every read and write RPC of plans, progress, mentorship and reviews, called on one mentee's data by the owner, an
 * active mentor, a pending mentor, an ended mentor, a stranger and the administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessMatrixContract {

    private TrackerHarness tracker;
    private Mentors m;
    private User owner;
    private User active;
    private User pending;
    private User ended;
    private User stranger;
    private User admin;
    private Plan plan;
    private Mentorship activeMentorship;
    private ReviewRequest review;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        m = new Mentors(tracker.service().channel());
        owner = m.user("mia");
        active = m.user("max");
        pending = m.user("pam");
        ended = m.user("eddie");
        stranger = m.user("sam");
        admin = new User("admin", TrackerHarness.ADMIN_TOKEN);
        plan = m.plan(owner);
        activeMentorship = m.activate(owner, active);
        m.invite(owner, pending);
        m.end(ended, m.activate(owner, ended));
        m.plans(owner)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(plan.getItems(0).toBuilder()
                                .setNotes("my salary is too low")
                                .setNotesPrivate(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes").addPaths("notes_private"))
                        .build());
        review = m.reviews(owner)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(plan.getItems(1).getName())
                        .setMentor(active.name())
                        .build())
                .getReviewRequest();
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private Map<String, Consumer<User>> reads() {
        String item = plan.getItems(0).getName();
        Map<String, Consumer<User>> calls = new LinkedHashMap<>();
        calls.put(
                "GetPlan",
                u -> m.plans(u)
                        .getPlan(GetPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build()));
        calls.put(
                "ListPlans",
                u -> m.plans(u)
                        .listPlans(ListPlansRequest.newBuilder()
                                .setParent(owner.name())
                                .build()));
        calls.put(
                "GetProgressSummary",
                u -> m.progress(u)
                        .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                .setPlan(plan.getName())
                                .build()));
        calls.put(
                "ListActivity",
                u -> m.progress(u)
                        .listActivity(ListActivityRequest.newBuilder()
                                .setParent(plan.getName())
                                .build()));
        calls.put(
                "ListComments",
                u -> m.reviews(u)
                        .listComments(
                                ListCommentsRequest.newBuilder().setParent(item).build()));
        calls.put(
                "GetReviewRequest",
                u -> m.reviews(u)
                        .getReviewRequest(GetReviewRequestRequest.newBuilder()
                                .setName(review.getName())
                                .build()));
        calls.put(
                "GetMentorship",
                u -> m.mentorships(u)
                        .getMentorship(GetMentorshipRequest.newBuilder()
                                .setName(activeMentorship.getName())
                                .build()));
        return calls;
    }

    /** Writes only the owner may make; an active mentor gets PERMISSION_DENIED. */
    private Map<String, Consumer<User>> ownerWrites() {
        PlanItem item = plan.getItems(2);
        Map<String, Consumer<User>> calls = new LinkedHashMap<>();
        calls.put(
                "CreatePlan",
                u -> m.plans(u)
                        .createPlan(CreatePlanRequest.newBuilder()
                                .setParent(owner.name())
                                .setTargetRole(Mentors.ROLE)
                                .setHoursPerWeek(5)
                                .build()));
        calls.put(
                "UpdatePlan",
                u -> m.plans(u)
                        .updatePlan(UpdatePlanRequest.newBuilder()
                                .setPlan(Plan.newBuilder()
                                        .setName(plan.getName())
                                        .setTitle("hijacked"))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("title"))
                                .build()));
        calls.put(
                "DeletePlan",
                u -> m.plans(u)
                        .deletePlan(DeletePlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build()));
        calls.put(
                "AddPlanItem",
                u -> m.plans(u)
                        .addPlanItem(AddPlanItemRequest.newBuilder()
                                .setParent(plan.getName())
                                .setPlanItem(PlanItem.newBuilder().setTitle("x"))
                                .build()));
        calls.put(
                "UpdatePlanItem",
                u -> m.plans(u)
                        .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                .setPlanItem(PlanItem.newBuilder()
                                        .setName(item.getName())
                                        .setNotes("x"))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                                .build()));
        calls.put(
                "LogTime",
                u -> m.plans(u)
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(item.getName())
                                .setMinutes(5)
                                .build()));
        calls.put(
                "ReorderPlanItems",
                u -> m.plans(u)
                        .reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                                .setName(plan.getName())
                                .addAllItemNames(plan.getItemsList().stream()
                                        .map(PlanItem::getName)
                                        .toList())
                                .build()));
        calls.put(
                "RequestReview",
                u -> m.reviews(u)
                        .requestReview(RequestReviewRequest.newBuilder()
                                .setTarget(item.getName())
                                .setMentor(active.name())
                                .build()));
        calls.put(
                "CancelReviewRequest",
                u -> m.reviews(u)
                        .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                                .setName(review.getName())
                                .build()));
        return calls;
    }

    @Test
    void theOwnerAndAnActiveMentorRead() {
        for (User reader : List.of(owner, active)) {
            reads().forEach((rpc, call) -> call.accept(reader));
        }
    }

    @Test
    void anActiveMentorCannotWriteTheMenteesData() {
        ownerWrites()
                .forEach((rpc, call) -> Mentors.refused(Status.Code.PERMISSION_DENIED, () -> call.accept(active), rpc));
        // The mentee cannot decide on their own review either.
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> m.reviews(owner)
                        .submitReview(SubmitReviewRequest.newBuilder()
                                .setName(review.getName())
                                .setDecision(dev.ascent.proto.tracker.v1.ReviewDecision.REVIEW_DECISION_APPROVED)
                                .build()));
    }

    @Test
    void everyoneElseGetsNotFoundForEveryCall() {
        Map<String, Consumer<User>> all = new LinkedHashMap<>(reads());
        all.putAll(ownerWrites());
        all.put(
                "AddComment",
                u -> m.reviews(u)
                        .addComment(AddCommentRequest.newBuilder()
                                .setParent(plan.getItems(0).getName())
                                .setBody("hello")
                                .build()));
        all.put(
                "SubmitReview",
                u -> m.reviews(u)
                        .submitReview(SubmitReviewRequest.newBuilder()
                                .setName(review.getName())
                                .setDecision(dev.ascent.proto.tracker.v1.ReviewDecision.REVIEW_DECISION_APPROVED)
                                .build()));
        for (User outsider : List.of(pending, ended, stranger, admin)) {
            all.forEach((rpc, call) -> {
                if (outsider == ended && rpc.equals("GetMentorship")) {
                    return; // the ended mentor is a party to their own (ended) mentorship, not this one
                }
                Mentors.refused(Status.Code.NOT_FOUND, () -> call.accept(outsider), outsider.handle() + " " + rpc);
            });
        }
    }

    @Test
    void privateNotesAreNeverShownToAMentor() {
        PlanItem mine = m.plans(owner)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItems(0);
        assertEquals("my salary is too low", mine.getNotes());
        PlanItem theirs = m.plans(active)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItems(0);
        assertEquals("", theirs.getNotes());
        assertTrue(theirs.getNotesPrivate());
        m.progress(active)
                .listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPageSize(100)
                        .build())
                .getActivityEventsList()
                .forEach(e -> assertTrue(!e.getSummary().contains("salary"), e.getSummary()));
    }
}
