package dev.ascent.tracker.mentorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CancelReviewRequestRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GetPlan and the progress summary keep their answers per plan stamp (PlanReadCache). Every write here goes through
 * a second tracker instance and every read through the first, after the first has already answered the same read:
 * the first can only see a change through the stamp it reads from the database. One case per kind of change that
 * shows on a plan without being a plan or item edit of its own: an item's review request opened, withdrawn, decided
 * (on an item already DONE, so its status does not move) and cancelled by the mentorship's end; private notes in
 * the mentor's view; time logged. After every write the plan's last activity time is set back to one value, as a
 * clock that did not move between two writes would leave it, so only the plan's version can tell the reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeptReadsContract {

    private TrackerHarness tracker;
    private RunningService writer;
    private Mentors reads;
    private Mentors writes;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        writer = tracker.startAnotherInstance(
                Map.of("ascent.content.target", ContentProcess.shared().target()));
        reads = new Mentors(tracker.service().channel());
        writes = new Mentors(writer.channel());
    }

    @AfterAll
    void stop() {
        if (writer != null) {
            writer.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void everyChangeShownOnAPlanReachesAnInstanceThatKeptTheOldAnswer() {
        User mentee = reads.user("kept");
        User mentor = reads.user("keeper");
        Plan plan = writes.plan(mentee);
        Mentorship mentorship = writes.activate(mentee, mentor);
        PlanItem first = plan.getItems(0);
        PlanItem second = plan.getItems(1);
        PlanItem third = plan.getItems(2);
        frozen(plan);
        readBoth(mentee, mentor, plan);

        ReviewRequest asked = ask(mentee, first);
        frozen(plan);
        assertEquals(asked.getName(), item(mentee, plan, 0).getOpenReviewRequest());
        assertEquals(asked.getName(), item(mentor, plan, 0).getOpenReviewRequest());
        assertEquals(1, summary(mentee, plan).getAwaitingReviewCount());
        assertEquals(1, summary(mentor, plan).getAwaitingReviewCount());

        writes.reviews(mentee)
                .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                        .setName(asked.getName())
                        .build());
        frozen(plan);
        assertEquals("", item(mentee, plan, 0).getOpenReviewRequest());
        assertEquals("", item(mentor, plan, 0).getOpenReviewRequest());
        assertEquals(0, summary(mentee, plan).getAwaitingReviewCount());
        assertEquals(0, summary(mentor, plan).getAwaitingReviewCount());

        writes.plans(mentee)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(second.toBuilder().clearEtag().setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                        .build());
        ReviewRequest done = ask(mentee, second);
        frozen(plan);
        readBoth(mentee, mentor, plan);
        writes.reviews(mentor)
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(done.getName())
                        .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                        .build());
        frozen(plan);
        PlanItem verified = item(mentee, plan, 1);
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, verified.getStatus());
        assertTrue(verified.getVerified(), "the approval shows on the kept plan");
        assertEquals("", verified.getOpenReviewRequest());
        assertEquals(1, summary(mentor, plan).getVerifiedCount());

        writes.plans(mentee)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(third.toBuilder()
                                .clearEtag()
                                .setNotes("only mine")
                                .setNotesPrivate(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes").addPaths("notes_private"))
                        .build());
        assertEquals("only mine", item(mentee, plan, 2).getNotes());
        assertEquals("", item(mentor, plan, 2).getNotes(), "the owner's kept view never reaches the mentor");

        writes.plans(mentee)
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(third.getName())
                        .setMinutes(25)
                        .build());
        assertEquals(25, item(mentee, plan, 2).getLoggedMinutes());
        assertEquals(25, summary(mentee, plan).getLoggedMinutesTotal());

        ask(mentee, third);
        frozen(plan);
        readBoth(mentee, mentor, plan);
        writes.end(mentee, mentorship);
        frozen(plan);
        assertEquals("", item(mentee, plan, 2).getOpenReviewRequest(), "ending the mentorship cancelled the request");
        assertEquals(0, summary(mentee, plan).getAwaitingReviewCount());
        assertEquals(
                writes.plans(mentee)
                        .getPlan(GetPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build())
                        .getPlan(),
                reads.plans(mentee)
                        .getPlan(GetPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build())
                        .getPlan(),
                "both instances answer the same plan");
    }

    /**
     * Readers on the first instance share stamp queries (CoalescedReads): eight threads read four owners' plans and
     * summaries without pause, so one query answers several plans, while time is logged on one of them through the
     * second instance. Each reader must get its own plan, and every write must show on the next read after it. (That a
     * shared query never answers a call that began after the query did is CoalescedReadsTest's to show: here the
     * window for it is too short to hit.)
     */
    @Test
    void readsSharingStampQueriesEachGetTheirOwnPlanAndSeeEveryWrite() throws Exception {
        List<User> owners = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            owners.add(reads.user("shared"));
            plans.add(writes.plan(owners.get(i)));
        }
        User owner = owners.get(0);
        Plan plan = plans.get(0);
        PlanItem item = plan.getItems(0);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> background = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            User u = owners.get(t % 4);
            Plan p = plans.get(t % 4);
            background.add(pool.submit(() -> {
                while (!stop.get()) {
                    assertEquals(p.getItems(0).getName(), item(u, p, 0).getName());
                    assertEquals(p.getName(), summary(u, p).getPlan());
                }
                return null;
            }));
        }
        try {
            for (int i = 1; i <= 40; i++) {
                writes.plans(owner)
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(item.getName())
                                .setMinutes(1)
                                .build());
                assertEquals(i, item(owner, plan, 0).getLoggedMinutes(), "GetPlan after write " + i);
                assertEquals(i, summary(owner, plan).getLoggedMinutesTotal(), "summary after write " + i);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : background) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }

    /** Sets the plan's last activity time to one fixed value, as a clock that stood still would have left it. */
    private void frozen(Plan plan) {
        long id = Long.parseLong(plan.getName().substring(plan.getName().lastIndexOf('/') + 1));
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement("UPDATE plan SET last_activity_time = 1 WHERE id = ?")) {
            ps.setLong(1, id);
            assertEquals(1, ps.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReviewRequest ask(User mentee, PlanItem item) {
        return writes.reviews(mentee)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(item.getName())
                        .addEvidenceLinks("https://example.com/work")
                        .build())
                .getReviewRequest();
    }

    /** Reads the plan and its summary as both users, so the reading instance keeps them. */
    private void readBoth(User mentee, User mentor, Plan plan) {
        for (User u : new User[] {mentee, mentor}) {
            item(u, plan, 0);
            summary(u, plan);
        }
    }

    private PlanItem item(User u, Plan plan, int i) {
        return reads.plans(u)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItems(i);
    }

    private ProgressSummary summary(User u, Plan plan) {
        return reads.progress(u)
                .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                        .setPlan(plan.getName())
                        .build())
                .getProgressSummary();
    }
}
