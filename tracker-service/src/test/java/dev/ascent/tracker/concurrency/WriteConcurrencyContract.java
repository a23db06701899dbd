package dev.ascent.tracker.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipState;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent writers on one plan, one item, one practice session, one mentorship and one review request, through one
 * tracker instance and through two on one database. After each load the stored counters must equal the sums of
 * their raw rows, versions must have moved once per write, racing writers with one etag must produce exactly one
 * winner, and state machines must end in one of the states a serial order allows. On MySQL/InnoDB this is what a
 * REPEATABLE READ snapshot taken before the plan lock used to break (issue 18); H2 runs the same checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class WriteConcurrencyContract {

    private static final int WRITERS = 16;

    private TrackerHarness tracker;
    private RunningService second;
    private ExecutorService pool;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        String content = ContentProcess.shared().target();
        tracker = TrackerHarness.start(engine(), Map.of("ascent.content.target", content));
        second = tracker.startAnotherInstance(Map.of("ascent.content.target", content));
        pool = Executors.newFixedThreadPool(2 * WRITERS);
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (second != null) {
            second.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    /** Call {@code i} goes to one instance, or alternates between the two. */
    private IntFunction<Mentors> route(int instances) {
        Mentors a = new Mentors(tracker.service().channel());
        Mentors b = new Mentors(second.channel());
        return i -> instances == 1 || i % 2 == 0 ? a : b;
    }

    private Mentors first() {
        return new Mentors(tracker.service().channel());
    }

    // ---- plans and items ----

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void logTimeOnOneItemCountsEveryMinute(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("logger");
        Plan plan = first().plan(eng);
        PlanItem item = plan.getItems(0);
        int calls = 200;
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            requestIds.add(instances == 2 ? UUID.randomUUID().toString() : "");
        }
        runAll(calls, i -> via.apply(i).plans(eng).logTime(logTime(item, requestIds.get(i))));
        if (instances == 2) {
            // Every request retried through the other instance changes nothing.
            runAll(calls, i -> via.apply(i + 1).plans(eng).logTime(logTime(item, requestIds.get(i))));
        }

        long planId = id(plan.getName());
        long itemId = id(item.getName());
        assertEquals(calls, (long) query("SELECT SUM(minutes) FROM time_entry WHERE item_id = ?", itemId));
        assertEquals(
                calls,
                (long) query("SELECT logged_minutes FROM plan_item WHERE id = ?", itemId),
                "the item's counter equals its time entries");
        assertEquals(calls, (long) query("SELECT logged_minutes FROM plan WHERE id = ?", planId));
        assertEquals(calls, (long) query("SELECT SUM(minutes) FROM plan_day WHERE plan_id = ?", planId));
        assertEquals(
                1 + calls,
                (long) query("SELECT version FROM plan_item WHERE id = ?", itemId),
                "the item's version moved once per write");
        assertEquals(
                1 + calls,
                (long) query("SELECT version FROM plan WHERE id = ?", planId),
                "the plan's version moved once per write");
        assertCountersMatchRawRows(planId);
    }

    /**
     * 32 writers of 100 minutes each on one item and day race for the 1440 minutes a day holds: exactly 14 fit,
     * every other gets FAILED_PRECONDITION, and the day's entries add up to 1400, never more.
     */
    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void theDailyCapHoldsUnderConcurrentWriters(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("capped");
        Plan plan = first().plan(eng);
        PlanItem item = plan.getItems(0);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int calls = 2 * WRITERS;
        runAll(calls, i -> {
            try {
                via.apply(i)
                        .plans(eng)
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(item.getName())
                                .setMinutes(100)
                                .build());
                ok.incrementAndGet();
            } catch (StatusRuntimeException e) {
                assertEquals(
                        Status.Code.INVALID_ARGUMENT,
                        e.getStatus().getCode(),
                        e.getStatus().toString());
                assertTrue(
                        e.getStatus().getDescription().contains("at most 40 more fit"),
                        e.getStatus().getDescription());
                refused.incrementAndGet();
            }
            return null;
        });
        long itemId = id(item.getName());
        assertEquals(14, ok.get(), "writers that fit in 1440 minutes");
        assertEquals(calls - 14, refused.get());
        assertEquals(1400, query("SELECT SUM(minutes) FROM time_entry WHERE item_id = ?", itemId));
        assertEquals(1400, query("SELECT logged_minutes FROM plan_item WHERE id = ?", itemId));
        assertCountersMatchRawRows(id(plan.getName()));
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void mixedWritesOnOnePlanKeepEveryCounterAndPosition(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("mixed");
        Plan plan = first().plan(eng);
        List<PlanItem> items = plan.getItemsList().subList(0, Math.min(8, plan.getItemsCount()));
        AtomicInteger minutes = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        int calls = 320;
        runAll(calls, i -> {
            Random random = new Random(i);
            PlanItem item = items.get(random.nextInt(items.size()));
            var stub = via.apply(i).plans(eng);
            switch (i % 8) {
                case 0, 1, 2 -> {
                    // At most 5 minutes: 120 such calls fit an item's 1440 minutes a day even on one item.
                    int m = 1 + random.nextInt(5);
                    stub.logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(item.getName())
                            .setMinutes(m)
                            .build());
                    minutes.addAndGet(m);
                }
                case 3 ->
                    stub.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(PlanItem.newBuilder()
                                    .setName(item.getName())
                                    .setNotes("note " + i))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                            .build());
                case 4 ->
                    stub.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(PlanItem.newBuilder()
                                    .setName(item.getName())
                                    .setStatus(
                                            random.nextBoolean()
                                                    ? PlanItemStatus.PLAN_ITEM_STATUS_DONE
                                                    : PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                            .build());
                case 5 ->
                    stub.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(PlanItem.newBuilder()
                                    .setName(item.getName())
                                    .setEstimatedMinutes(30 + random.nextInt(300)))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("estimated_minutes"))
                            .build());
                case 6 -> {
                    stub.addPlanItem(AddPlanItemRequest.newBuilder()
                            .setParent(plan.getName())
                            .setPlanItem(PlanItem.newBuilder().setTitle("Extra " + i))
                            .setPosition(1)
                            .build());
                    added.incrementAndGet();
                }
                default -> {
                    List<String> names = new ArrayList<>(stub
                            .getPlan(GetPlanRequest.newBuilder()
                                    .setName(plan.getName())
                                    .build())
                            .getPlan()
                            .getItemsList()
                            .stream()
                            .map(PlanItem::getName)
                            .toList());
                    Collections.shuffle(names, random);
                    try {
                        stub.reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                                .setName(plan.getName())
                                .addAllItemNames(names)
                                .build());
                    } catch (StatusRuntimeException e) {
                        // An item added between the read and the reorder: the reorder must name every item.
                        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
                    }
                }
            }
            return null;
        });

        long planId = id(plan.getName());
        assertEquals(minutes.get(), (long) query("SELECT logged_minutes FROM plan WHERE id = ?", planId));
        assertEquals(plan.getItemsCount() + added.get(), (long)
                query("SELECT COUNT(*) FROM plan_item WHERE plan_id = ?", planId));
        assertCountersMatchRawRows(planId);
        List<Long> positions = column("SELECT position FROM plan_item WHERE plan_id = ? ORDER BY position", planId);
        for (int p = 0; p < positions.size(); p++) {
            assertEquals(p, positions.get(p), "positions are 0..n-1 with no gap or duplicate");
        }
        // Every item the plan's API shows is the stored item: read back through the other instance.
        Plan after = via.apply(1)
                .plans(eng)
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan();
        assertEquals(positions.size(), after.getItemsCount());
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void twoWritersWithOneItemEtagProduceExactlyOneWinner(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("etag");
        Plan plan = first().plan(eng);
        PlanItem item = plan.getItems(0);
        int rounds = 40;
        for (int round = 0; round < rounds; round++) {
            PlanItem current = first().plans(eng)
                    .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                    .getPlan()
                    .getItems(0);
            String etag = current.getEtag();
            int r = round;
            List<Outcome> outcomes = race(
                    WRITERS,
                    w -> via.apply(w)
                            .plans(eng)
                            .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                    .setPlanItem(PlanItem.newBuilder()
                                            .setName(item.getName())
                                            .setNotes("round " + r + " writer " + w)
                                            .setEtag(etag))
                                    .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                                    .build()));
            assertExactlyOneWinner(outcomes, "round " + round);
            String winner = "round " + round + " writer " + outcomes.indexOf(Outcome.WON);
            assertEquals(winner, queryString("SELECT notes FROM plan_item WHERE id = ?", id(item.getName())));
        }
        assertEquals(
                1 + rounds,
                (long) query("SELECT version FROM plan_item WHERE id = ?", id(item.getName())),
                "one write per round moved the version");
    }

    // ---- practice ----

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void concurrentStepUpdatesKeepTheSessionsCoverage(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("steps");
        PracticeSession session = first().practice(eng)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource("designPrompts/feature-store")
                        .setTimeBoxMinutes(240)
                        .build())
                .getPracticeSession();
        int steps = session.getStepsCount();
        int calls = 256;
        runAll(calls, i -> {
            int step = 1 + (i % steps);
            via.apply(i)
                    .practice(eng)
                    .updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                            .setName(session.getName())
                            .addStepUpdates(PracticeStepUpdate.newBuilder()
                                    .setStep(session.getName() + "/steps/" + step)
                                    .setChecked(i / steps % 2 == 0)
                                    .setNotes("call " + i))
                            .build());
            return null;
        });
        long sessionId = id(session.getName());
        assertEquals(
                query("SELECT COUNT(*) FROM practice_step WHERE session_id = ? AND checked = TRUE", sessionId),
                query("SELECT checked_count FROM practice_session WHERE id = ?", sessionId),
                "checked_count equals the checked steps");
        assertEquals(
                1 + calls,
                (long) query("SELECT version FROM practice_session WHERE id = ?", sessionId),
                "the session's version moved once per write");
        PracticeSession read = first().practice(eng)
                .getPracticeSession(GetPracticeSessionRequest.newBuilder()
                        .setName(session.getName())
                        .build())
                .getPracticeSession();
        assertEquals(read.getStepsList().stream().filter(s -> s.getChecked()).count(), read.getCheckedCount());
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void racingCompleteAndAbandonLeaveOneEndState(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User eng = first().user("ends");
        for (int round = 0; round < 12; round++) {
            PracticeSession session = first().practice(eng)
                    .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                            .setSource("designPrompts/feature-store")
                            .build())
                    .getPracticeSession();
            String etag = session.getEtag();
            List<Outcome> outcomes = race(
                    WRITERS,
                    w -> w % 2 == 0
                            ? via.apply(w)
                                    .practice(eng)
                                    .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                                            .setName(session.getName())
                                            .setSelfRating(3)
                                            .build())
                            : via.apply(w)
                                    .practice(eng)
                                    .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                                            .setName(session.getName())
                                            .setEtag(etag)
                                            .build()));
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.WON).count(), outcomes.toString());
            PracticeSessionState state = first().practice(eng)
                    .getPracticeSession(GetPracticeSessionRequest.newBuilder()
                            .setName(session.getName())
                            .build())
                    .getPracticeSession()
                    .getState();
            PracticeSessionState expected = outcomes.indexOf(Outcome.WON) % 2 == 0
                    ? PracticeSessionState.PRACTICE_SESSION_STATE_COMPLETED
                    : PracticeSessionState.PRACTICE_SESSION_STATE_ABANDONED;
            assertEquals(expected, state);
            assertEquals(
                    1,
                    (long) query(
                            "SELECT COUNT(*) FROM activity WHERE user_id = (SELECT user_id FROM "
                                    + "practice_session WHERE id = ?) AND subject = ? AND type IN ('PRACTICE_COMPLETED', "
                                    + "'PRACTICE_ABANDONED')",
                            id(session.getName()),
                            session.getName()),
                    "exactly one end event");
        }
    }

    /**
     * Four times as many concurrent writers as pooled connections, with request_ids (each write's transaction opens
     * early) and practice writes that expire overdue sessions first: every call finishes, none times out waiting for
     * a second connection while holding one.
     */
    @Test
    void fourTimesThePoolSizeOfWritersAllFinish() throws Exception {
        int pool = 4;
        RunningService small = tracker.startAnotherInstance(Map.of(
                "ascent.content.target",
                ContentProcess.shared().target(),
                "datasources.default.maximum-pool-size",
                pool));
        try {
            Mentors via = new Mentors(small.channel());
            Mentors.User eng = via.user("pool");
            Plan plan = via.plan(eng);
            List<PracticeSession> sessions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sessions.add(via.practice(eng)
                        .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                                .setSource("designPrompts/feature-store")
                                .setTimeBoxMinutes(240)
                                .build())
                        .getPracticeSession());
            }
            int calls = 8 * 4 * pool;
            ExecutorService writers = Executors.newFixedThreadPool(4 * pool);
            try {
                List<Future<Object>> done = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    int n = i;
                    done.add(writers.submit(() -> switch (n % 4) {
                        case 0 ->
                            via.plans(eng)
                                    .logTime(LogTimeRequest.newBuilder()
                                            .setPlanItem(plan.getItems(n % 8).getName())
                                            .setMinutes(1)
                                            .setRequestId(UUID.randomUUID().toString())
                                            .build());
                        case 1 ->
                            via.practice(eng)
                                    .updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                                            .setName(sessions.get(n % 4).getName())
                                            .setNotes("n" + n)
                                            .setRequestId(UUID.randomUUID().toString())
                                            .build());
                        case 2 ->
                            via.practice(eng)
                                    .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                                            .setSource("designPrompts/feature-store")
                                            .setPlanItem(plan.getItems(8).getName())
                                            .setRequestId(UUID.randomUUID().toString())
                                            .build());
                        default ->
                            via.plans(eng)
                                    .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                            .setPlanItem(PlanItem.newBuilder()
                                                    .setName(
                                                            plan.getItems(n % 8).getName())
                                                    .setNotes("n" + n))
                                            .setUpdateMask(
                                                    FieldMask.newBuilder().addPaths("notes"))
                                            .setRequestId(UUID.randomUUID().toString())
                                            .build());
                    }));
                }
                for (Future<Object> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                writers.shutdownNow();
            }
            assertCountersMatchRawRows(id(plan.getName()));
        } finally {
            small.close();
        }
    }

    /**
     * Practice expiry takes its locks in the documented order: every overdue session (in id order), then the plans
     * its events name, then the rollups. A writer here holds the second of two overdue sessions of one plan, as a
     * completion of it does, while the owner's next practice call expires them; then that writer locks the plan, as
     * the completion does next. Had expiry locked the plan (through the first session's event) before the second
     * session, each would wait on the other and the database would abort one: this writer's plan update, or the
     * expiry.
     */
    @Test
    void practiceExpiryLocksEveryOverdueSessionBeforeItsPlans() throws Exception {
        Mentors via = first();
        Mentors.User eng = via.user("expiry");
        Plan plan = via.plan(eng);
        List<Long> overdue = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            overdue.add(id(via.practice(eng)
                    .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                            .setSource("designPrompts/feature-store")
                            .setPlanItem(plan.getItems(8).getName())
                            .build())
                    .getPracticeSession()
                    .getName()));
        }
        Collections.sort(overdue);
        long planId = id(plan.getName());
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = prepare(
                        c,
                        "UPDATE practice_session SET deadline_time = deadline_time - ? WHERE user_id = "
                                + "(SELECT id FROM app_user WHERE handle = ?)",
                        26 * 3_600_000_000L,
                        eng.handle())) {
            assertEquals(2, ps.executeUpdate());
        }
        try (Connection completion = tracker.database().connect()) {
            completion.setAutoCommit(false);
            try (var st = completion.createStatement()) {
                st.execute(
                        engine() == TestDatabase.Engine.H2
                                ? "SET LOCK_TIMEOUT 30000"
                                : "SET SESSION innodb_lock_wait_timeout = 30");
            }
            try (PreparedStatement ps = prepare(
                            completion, "SELECT id FROM practice_session WHERE id = ? FOR UPDATE", overdue.get(1));
                    ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
            }
            Future<?> expiry =
                    pool.submit(() -> via.practice(eng).getPracticeStats(GetPracticeStatsRequest.getDefaultInstance()));
            awaitExpiryWaitingOnALock(completion, expiry);
            try (PreparedStatement ps = prepare(
                    completion, "UPDATE plan SET last_activity_time = last_activity_time WHERE id = ?", planId)) {
                assertEquals(1, ps.executeUpdate(), "the plan is free: expiry has not locked it yet");
            }
            completion.commit();
            expiry.get(1, TimeUnit.MINUTES);
        }
        for (long session : overdue) {
            assertEquals("EXPIRED", queryString("SELECT state FROM practice_session WHERE id = ?", session));
            assertEquals(
                    1,
                    query(
                            "SELECT COUNT(*) FROM activity WHERE plan_id = ? AND type = 'PRACTICE_EXPIRED' "
                                    + "AND subject LIKE ?",
                            planId,
                            "%/practiceSessions/" + session),
                    "one expiry event per session");
        }
    }

    /**
     * Waits until the expiry's transaction waits for a row lock (the second session's, held by {@code holder}):
     * H2 names the blocking session; MySQL shows the expiring UPDATE still running on two looks 100 ms apart (one
     * that does not wait takes microseconds).
     */
    private void awaitExpiryWaitingOnALock(Connection holder, Future<?> expiry) throws Exception {
        String sql = engine() == TestDatabase.Engine.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                        + "AND INFO LIKE 'UPDATE practice_session SET state = ''EXPIRED''%'";
        int seen = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen < 2) {
            assertFalse(expiry.isDone(), "the expiry waits for the session the holder locked");
            assertTrue(System.nanoTime() < until, "the expiry never waited for the held session");
            try (PreparedStatement ps = holder.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                seen = rs.getLong(1) > 0 ? seen + 1 : 0;
            }
            Thread.sleep(100);
        }
    }

    // ---- mentorship and reviews ----

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void racingAnswersToOneInvitationLeaveOneState(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        for (int round = 0; round < 10; round++) {
            Mentors.User mentee = first().user("mentee");
            Mentors.User mentor = first().user("mentor");
            Mentorship invitation = first().invite(mentee, mentor);
            List<Outcome> outcomes = race(
                    WRITERS,
                    w -> via.apply(w)
                            .mentorships(mentor)
                            .respondToInvitation(RespondToInvitationRequest.newBuilder()
                                    .setName(invitation.getName())
                                    .setAccept(w % 2 == 0)
                                    .setEtag(invitation.getEtag())
                                    .build()));
            assertExactlyOneWinner(outcomes, "round " + round);
            MentorshipState expected = outcomes.indexOf(Outcome.WON) % 2 == 0
                    ? MentorshipState.MENTORSHIP_STATE_ACTIVE
                    : MentorshipState.MENTORSHIP_STATE_DECLINED;
            assertEquals(
                    expected,
                    first().mentorships(mentor)
                            .getMentorship(dev.ascent.proto.tracker.v1.GetMentorshipRequest.newBuilder()
                                    .setName(invitation.getName())
                                    .build())
                            .getMentorship()
                            .getState());
            assertEquals(2, (long) query("SELECT version FROM mentorship WHERE id = ?", id(invitation.getName())));
        }
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void racingReviewRequestsAndDecisionsLeaveOneOutcome(int instances) throws Exception {
        IntFunction<Mentors> via = route(instances);
        Mentors.User mentee = first().user("reviewed");
        Mentors.User mentor = first().user("reviewer");
        first().activate(mentee, mentor);
        Plan plan = first().plan(mentee);
        for (int round = 0; round < 8; round++) {
            PlanItem item = plan.getItems(round);
            List<Outcome> asked = race(
                    WRITERS,
                    w -> via.apply(w)
                            .reviews(mentee)
                            .requestReview(RequestReviewRequest.newBuilder()
                                    .setTarget(item.getName())
                                    .setNote("writer " + w)
                                    .build()));
            assertExactlyOneWinner(asked, "request round " + round);
            ReviewRequest open = first()
                    .reviews(mentor)
                    .listReviewRequests(dev.ascent.proto.tracker.v1.ListReviewRequestsRequest.newBuilder()
                            .build())
                    .getReviewRequestsList()
                    .stream()
                    .filter(r -> r.getTarget().equals(item.getName()))
                    .findFirst()
                    .orElseThrow();
            List<Outcome> decided = race(
                    WRITERS,
                    w -> via.apply(w)
                            .reviews(mentor)
                            .submitReview(SubmitReviewRequest.newBuilder()
                                    .setName(open.getName())
                                    .setDecision(
                                            w % 2 == 0
                                                    ? ReviewDecision.REVIEW_DECISION_APPROVED
                                                    : ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED)
                                    .setComment("decision " + w)
                                    .build()));
            assertExactlyOneWinner(decided, "decision round " + round);
            PlanItem after = first().plans(mentee)
                    .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                    .getPlan()
                    .getItems(round);
            if (decided.indexOf(Outcome.WON) % 2 == 0) {
                assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, after.getStatus());
                assertTrue(after.getVerified());
            } else {
                assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS, after.getStatus());
            }
        }
        assertCountersMatchRawRows(id(plan.getName()));
    }

    // ---- helpers ----

    enum Outcome {
        WON,
        REFUSED
    }

    private static LogTimeRequest logTime(PlanItem item, String requestId) {
        return LogTimeRequest.newBuilder()
                .setPlanItem(item.getName())
                .setMinutes(1)
                .setRequestId(requestId)
                .build();
    }

    /** Runs {@code calls} calls, {@value #WRITERS} at a time, and fails on the first error. */
    private void runAll(int calls, CallBody body) throws Exception {
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int n = i;
            tasks.add(() -> body.call(n));
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (Future<Object> f : writers.invokeAll(tasks, 4, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Starts {@code n} calls at once and says which succeeded; any status other than the expected refusals fails. */
    private List<Outcome> race(int n, CallBody body) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        List<Future<Object>> futures = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                try {
                    body.call(writer);
                    return Outcome.WON;
                } catch (StatusRuntimeException e) {
                    return e;
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            Object result = f.get(2, TimeUnit.MINUTES);
            if (result instanceof StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                assertTrue(
                        code == Status.Code.ABORTED
                                || code == Status.Code.FAILED_PRECONDITION
                                || code == Status.Code.ALREADY_EXISTS,
                        "a losing writer is refused, not failed: " + e);
                outcomes.add(Outcome.REFUSED);
            } else {
                outcomes.add((Outcome) result);
            }
        }
        return outcomes;
    }

    private static void assertExactlyOneWinner(List<Outcome> outcomes, String what) {
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.WON).count(), what + ": " + outcomes);
    }

    /** Counters kept beside raw rows: items and plan against time entries, day rollups against time entries. */
    private void assertCountersMatchRawRows(long planId) throws SQLException {
        Map<Long, Long> logged = pairs("SELECT id, logged_minutes FROM plan_item WHERE plan_id = ?", planId);
        Map<Long, Long> entries =
                pairs("SELECT item_id, SUM(minutes) FROM time_entry WHERE plan_id = ? " + "GROUP BY item_id", planId);
        logged.forEach((item, minutes) -> assertEquals(
                entries.getOrDefault(item, 0L),
                minutes,
                "item " + item + ": logged_minutes equals the sum of its time entries"));
        long total = entries.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(total, (long) query("SELECT logged_minutes FROM plan WHERE id = ?", planId));
        assertEquals(
                pairs("SELECT entry_day, SUM(minutes) FROM time_entry WHERE plan_id = ? GROUP BY entry_day", planId),
                pairs("SELECT on_day, minutes FROM plan_day WHERE plan_id = ? AND minutes > 0", planId));
    }

    private static long id(String name) {
        return Long.parseLong(name.substring(name.lastIndexOf('/') + 1));
    }

    private long query(String sql, Object... args) throws SQLException {
        List<Long> values = column(sql, args);
        return values.isEmpty() || values.get(0) == null ? 0 : values.get(0);
    }

    private String queryString(String sql, Object... args) throws SQLException {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<Long> column(String sql, Object... args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1) == null ? null : rs.getLong(1));
            }
        }
        return out;
    }

    private Map<Long, Long> pairs(String sql, Object... args) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    @FunctionalInterface
    interface CallBody {
        Object call(int i) throws Exception;
    }
}
