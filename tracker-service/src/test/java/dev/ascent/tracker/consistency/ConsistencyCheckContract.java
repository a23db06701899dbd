package dev.ascent.tracker.consistency;

import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.AdminServiceGrpc;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.ConsistencyDrift;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code AdminService.CheckConsistency}: finds counters that differ from their raw rows, and repairs them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class ConsistencyCheckContract {

    private TrackerHarness tracker;
    private Mentors mentors;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        mentors = new Mentors(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void corruptedCountersAreReportedThenRepaired() throws Exception {
        assertTrue(checkAll(false).isEmpty(), "a fresh database is consistent");
        Mentors.User eng = mentors.user("drift");
        Plan plan = mentors.plan(eng);
        for (int i = 0; i < 3; i++) {
            mentors.plans(eng)
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(plan.getItems(i).getName())
                            .setMinutes(10 + i)
                            .build());
        }
        PracticeSession session = mentors.practice(eng)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource("designPrompts/feature-store")
                        .build())
                .getPracticeSession();
        assertTrue(checkAll(false).isEmpty(), "writes through the API leave every counter consistent");

        long planId = id(plan.getName());
        long item0 = id(plan.getItems(0).getName());
        long item1 = id(plan.getItems(1).getName());
        long item2 = id(plan.getItems(2).getName());
        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        long planVersion = single("SELECT version FROM plan WHERE id = " + planId);
        sql(
                "UPDATE plan_item SET logged_minutes = 3 WHERE id = " + item0,
                "UPDATE plan_item SET position = 999 WHERE id = " + item1,
                "UPDATE plan_item SET logged_day_minutes = 7 WHERE id = " + item2,
                "UPDATE plan SET logged_minutes = 1000 WHERE id = " + planId,
                "UPDATE plan_day SET minutes = 5 WHERE plan_id = " + planId + " AND on_day = " + today,
                "UPDATE practice_session SET checked_count = 4 WHERE id = " + id(session.getName()));

        String planName = plan.getName();
        List<String> found = checkAll(false).stream()
                .map(d -> d.getResource() + " " + d.getField() + " " + d.getStored() + "->" + d.getExpected())
                .sorted()
                .toList();
        List<String> expected = new ArrayList<>(List.of(
                planName + " days/" + LocalDate.ofEpochDay(today) + "/minutes 5->33",
                planName + " logged_minutes 1000->33",
                planName + "/items/" + item0 + " logged_minutes 3->10",
                planName + "/items/" + item2 + " logged_day_minutes 7->12",
                session.getName() + " checked_count 4->0"));
        // position 999 moves item 1 to the end: every item after it moves up one place
        int items = plan.getItemsCount();
        for (int p = 2; p < items; p++) {
            expected.add(planName + "/items/" + id(plan.getItems(p).getName()) + " position " + p + "->" + (p - 1));
        }
        expected.add(planName + "/items/" + item1 + " position 999->" + (items - 1));
        assertEquals(expected.stream().sorted().toList(), found);
        assertEquals(
                planVersion,
                single("SELECT version FROM plan WHERE id = " + planId),
                "a check without repair writes nothing");

        assertEquals(found.size(), checkAll(true).size(), "the repair reports what it fixed");
        assertTrue(checkAll(false).isEmpty(), "after the repair nothing differs");
        assertEquals(10, single("SELECT logged_minutes FROM plan_item WHERE id = " + item0));
        assertEquals(11, single("SELECT logged_minutes FROM plan_item WHERE id = " + item1));
        assertEquals(items - 1, single("SELECT position FROM plan_item WHERE id = " + item1));
        assertEquals(1, single("SELECT position FROM plan_item WHERE id = " + item2));
        assertEquals(12, single("SELECT logged_day_minutes FROM plan_item WHERE id = " + item2));
        assertEquals(
                planVersion + 1,
                single("SELECT version FROM plan WHERE id = " + planId),
                "a repair moves the plan's etag");
    }

    @Test
    void corruptedPracticeRollupsAreReportedThenRepaired() throws Exception {
        Mentors.User eng = mentors.user("rollup");
        String prompt = "designPrompts/feature-store";
        PracticeSession done = mentors.practice(eng)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .build())
                .getPracticeSession();
        mentors.practice(eng)
                .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(done.getName())
                        .setSelfRating(4)
                        .build());
        PracticeSession left = mentors.practice(eng)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .build())
                .getPracticeSession();
        mentors.practice(eng)
                .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(left.getName())
                        .build());
        long user = single("SELECT id FROM app_user WHERE handle = '" + eng.handle() + "'");
        String stats = "users/" + eng.handle() + "/practiceStats";
        assertTrue(drifts(checkAll(false), stats).isEmpty(), "API writes keep the rollups consistent");

        var step0 = done.getSteps(0);
        var step1 = done.getSteps(1);
        String where = " WHERE user_id = " + user + " AND source = '" + prompt + "'";
        String stepRow = "sources/" + prompt + "/steps/";
        sql(
                "UPDATE practice_source_rollup SET completed_count = 7, abandoned_count = 0" + where,
                "UPDATE practice_step_rollup SET missed_count = 9" + where + " AND source_step = '"
                        + step0.getSourceStep() + "'",
                "DELETE FROM practice_step_rollup" + where + " AND source_step = '" + step1.getSourceStep() + "'",
                "INSERT INTO practice_source_rollup (user_id, source, last_start_time, last_session_id, title, "
                        + "completed_count, abandoned_count, coverage_sum, best_coverage, rating_sum, duration_micros)"
                        + " VALUES (" + user + ", 'checklists/999', 5, 6, 'gone', 1, 0, 50, 50, 3, 60000000)");
        long rows = single("SELECT COUNT(*) FROM practice_source_rollup WHERE user_id = " + user)
                + single("SELECT COUNT(*) FROM practice_step_rollup WHERE user_id = " + user);

        List<String> found = drifts(checkAll(false), stats);
        String missing = stepRow + step1.getSourceStep() + "/phases/" + step1.getPhase() + "/";
        for (String drift : List.of(
                "sources/" + prompt + "/completed_count 7->1",
                "sources/" + prompt + "/abandoned_count 0->1",
                stepRow + step0.getSourceStep() + "/phases/" + step0.getPhase() + "/missed_count 9->1",
                missing + "attempt_count 0->1",
                missing + "missed_count 0->1",
                missing + "title 0->1",
                "sources/checklists/999/completed_count 1->0",
                "sources/checklists/999/coverage_sum 50000000->0",
                "sources/checklists/999/duration_micros 60000000->0")) {
            assertTrue(found.contains(drift), drift + " is reported among " + found);
        }
        assertEquals(
                rows,
                single("SELECT COUNT(*) FROM practice_source_rollup WHERE user_id = " + user)
                        + single("SELECT COUNT(*) FROM practice_step_rollup WHERE user_id = " + user),
                "a check without repair writes nothing");

        assertEquals(found, drifts(checkAll(true), stats), "the repair reports what it fixed");
        assertTrue(drifts(checkAll(false), stats).isEmpty(), "after the repair nothing differs");
        assertEquals(1, single("SELECT completed_count FROM practice_source_rollup" + where));
        assertEquals(
                0,
                single("SELECT COUNT(*) FROM practice_source_rollup WHERE user_id = " + user
                        + " AND source = 'checklists/999'"));
        PracticeStats after = mentors.practice(eng)
                .getPracticeStats(GetPracticeStatsRequest.getDefaultInstance())
                .getPracticeStats();
        assertEquals(1, after.getOverall().getAttempts());
        assertEquals(1, after.getOverall().getAbandonedCount());
        assertEquals(
                List.of(prompt),
                after.getSourcesList().stream().map(s -> s.getSource()).toList());
    }

    private static List<String> drifts(List<ConsistencyDrift> all, String resource) {
        return all.stream()
                .filter(d -> d.getResource().equals(resource))
                .map(d -> d.getField() + " " + d.getStored() + "->" + d.getExpected())
                .sorted()
                .toList();
    }

    @Test
    void onlyTheAdministratorMayCheck() {
        Mentors.User eng = mentors.user("nosy");
        Mentors.refused(
                Status.Code.PERMISSION_DENIED,
                () -> admin(eng.token()).checkConsistency(CheckConsistencyRequest.getDefaultInstance()),
                "a user");
        Mentors.refused(
                Status.Code.UNAUTHENTICATED,
                () -> AdminServiceGrpc.newBlockingStub(tracker.service().channel())
                        .checkConsistency(CheckConsistencyRequest.getDefaultInstance()),
                "no token");
        Mentors.refused(
                Status.Code.INVALID_ARGUMENT,
                () -> admin(ADMIN_TOKEN)
                        .checkConsistency(CheckConsistencyRequest.newBuilder()
                                .setPageToken("bogus")
                                .build()),
                "a made-up page token");
        Mentors.refused(
                Status.Code.INVALID_ARGUMENT,
                () -> admin(ADMIN_TOKEN)
                        .checkConsistency(CheckConsistencyRequest.newBuilder()
                                .setPageSize(-1)
                                .build()),
                "a negative page size");
    }

    @Test
    void pagesCoverEveryPlanAndSession() {
        Mentors.User eng = mentors.user("pages");
        for (int i = 0; i < 5; i++) {
            mentors.plan(eng);
        }
        long plans = single("SELECT COUNT(*) FROM plan");
        long sessions = single("SELECT COUNT(*) FROM practice_session");
        int seenPlans = 0;
        int seenSessions = 0;
        String token = "";
        int pages = 0;
        do {
            CheckConsistencyResponse page = admin(ADMIN_TOKEN)
                    .checkConsistency(CheckConsistencyRequest.newBuilder()
                            .setPageSize(2)
                            .setPageToken(token)
                            .build());
            seenPlans += page.getPlansChecked();
            seenSessions += page.getSessionsChecked();
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 1000);
        assertEquals(plans, seenPlans);
        assertEquals(sessions, seenSessions);
    }

    /**
     * The drift issue 18 found, made again: a tracker on REPEATABLE READ (the old setting) under concurrent LogTime
     * calls on one item loses item minutes on InnoDB. The checker reports the item and repairs it.
     */
    @Test
    void findsAndRepairsTheLostUpdatesOfRepeatableRead() throws Exception {
        assumeTrue(engine() == TestDatabase.Engine.MYSQL, "InnoDB snapshots make this drift; H2 does not");
        // The write pattern issue 18 found, run by 16 writers at InnoDB's default REPEATABLE READ: a plain read
        // takes the transaction's snapshot, then the plan lock is waited for, then the counter read from the
        // snapshot is written back plus one, next to the time entry. The service no longer writes this way (its
        // first read in a write is now the lock, and it runs at READ COMMITTED), so the test makes the drift itself.
        Mentors.User eng = mentors.user("before");
        Plan plan = mentors.plan(eng);
        String itemName = plan.getItems(0).getName();
        long item = id(itemName);
        long planId = id(plan.getName());
        long userId = single("SELECT user_id FROM plan WHERE id = " + planId);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        AtomicLong ids = new AtomicLong(8_000_000_000L);
        for (int i = 0; i < 200; i++) {
            calls.add(pool.submit(() -> {
                try (Connection c = tracker.database().connect()) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setAutoCommit(false);
                    long seen = query(c, "SELECT logged_minutes FROM plan_item WHERE id = " + item);
                    query(c, "SELECT logged_minutes FROM plan WHERE id = " + planId + " FOR UPDATE");
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO time_entry (id, user_id, plan_id, item_id, minutes, entry_day, "
                                + "note, create_time) VALUES (" + ids.incrementAndGet() + ", " + userId + ", " + planId
                                + ", " + item + ", 1, 0, '', 0)");
                        st.executeUpdate("UPDATE plan_item SET logged_minutes = " + (seen + 1) + " WHERE id = " + item);
                        st.executeUpdate("UPDATE plan SET logged_minutes = logged_minutes + 1 WHERE id = " + planId);
                    }
                    c.commit();
                }
                return null;
            }));
        }
        for (Future<?> f : calls) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Map<String, ConsistencyDrift> drifts =
                checkAll(false).stream().collect(Collectors.toMap(d -> d.getResource() + " " + d.getField(), d -> d));
        ConsistencyDrift lost = drifts.get(itemName + " logged_minutes");
        assertTrue(
                lost != null && lost.getStored() < 200 && lost.getExpected() == 200,
                "the item's lost minutes are reported: " + drifts.values());
        System.out.printf("REPEATABLE READ lost %d of 200 item minutes; the check found it%n", 200 - lost.getStored());
        assertFalse(checkAll(true).isEmpty());
        assertTrue(checkAll(false).isEmpty());
        assertEquals(200, single("SELECT logged_minutes FROM plan_item WHERE id = " + item));
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- helpers ----

    private AdminServiceGrpc.AdminServiceBlockingStub admin(String token) {
        return as(AdminServiceGrpc.newBlockingStub(tracker.service().channel()), token)
                .withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private List<ConsistencyDrift> checkAll(boolean repair) {
        List<ConsistencyDrift> drifts = new ArrayList<>();
        String token = "";
        do {
            CheckConsistencyResponse page = admin(ADMIN_TOKEN)
                    .checkConsistency(CheckConsistencyRequest.newBuilder()
                            .setRepair(repair)
                            .setPageToken(token)
                            .build());
            drifts.addAll(page.getDriftsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return drifts;
    }

    private static long id(String name) {
        return Long.parseLong(name.substring(name.lastIndexOf('/') + 1));
    }

    private long single(String query) {
        try (Connection c = tracker.database().connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = tracker.database().connect();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                assertEquals(1, s.executeUpdate(statement), statement);
            }
        }
    }
}
