package dev.ascent.tracker.bench;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.tracker.TrackerApplication;
import dev.ascent.tracker.TrackerHarness;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Shows that a progress summary does not get slower as a plan's history grows: one plan with 40 items, measured
 * with 10^3 and then 10^6 activity rows (and as many time entries) behind it. Prints a Markdown table.
 *
 * <pre>bench/tracker-progress.sh</pre> runs it on H2; with ASCENT_TEST_MYSQL_URL set it runs on MySQL too.
 */
public final class ProgressBenchmark {

    static final int ITEMS = 40;
    private static final int CALLS = 2_000;

    public static void main(String[] args) throws Exception {
        System.out.println("| engine | activity rows | GetProgressSummary p50 ms | p99 ms | GetPlan p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        run(TestDatabase.Engine.H2);
        if (System.getenv("ASCENT_TEST_MYSQL_URL") != null) {
            run(TestDatabase.Engine.MYSQL);
        }
    }

    private static void run(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine);
                RunningService tracker = startTracker(db)) {
            var admin = admin(tracker);
            var created = admin.createUser(CreateUserRequest.newBuilder()
                    .setHandle("bench")
                    .setDisplayName("Bench")
                    .build());
            long userId;
            try (Connection c = db.connect();
                    var rs = c.createStatement().executeQuery("SELECT id FROM app_user WHERE handle = 'bench'")) {
                rs.next();
                userId = rs.getLong(1);
            }
            long planId = 42;
            int today = (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
            try (Connection c = db.connect()) {
                insertPlan(c, userId, planId, today - 400, 1000);
            }
            var progress = ProgressServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(created.getToken()));
            var plans = PlanServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(created.getToken()));
            String name = "users/bench/plans/" + planId;
            long inserted = 0;
            for (long target : new long[] {1_000, 1_000_000}) {
                try (Connection c = db.connect()) {
                    inserted += insertHistory(c, userId, planId, today, inserted, target - inserted);
                }
                double[] summary = measure(() -> progress.getProgressSummary(
                        GetProgressSummaryRequest.newBuilder().setPlan(name).build()));
                double[] get = measure(() ->
                        plans.getPlan(GetPlanRequest.newBuilder().setName(name).build()));
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n",
                        engine,
                        target,
                        summary[0],
                        summary[1],
                        get[0],
                        get[1]);
            }
        }
    }

    /** An in-process tracker on {@code db} with no content service (the benchmarks never call it). */
    static RunningService startTracker(TestDatabase db) throws Exception {
        return RunningService.start(
                TrackerApplication.SPEC,
                db,
                Files.createTempDirectory("ascent-bench"),
                Map.of("ascent.admin-token", TrackerHarness.ADMIN_TOKEN, "ascent.content.target", "127.0.0.1:1"));
    }

    static AccountServiceGrpc.AccountServiceBlockingStub admin(RunningService tracker) {
        return AccountServiceGrpc.newBlockingStub(tracker.channel())
                .withCallCredentials(Bearer.token(TrackerHarness.ADMIN_TOKEN));
    }

    private static double[] measure(Runnable call) {
        return measure(call, 5_000, CALLS);
    }

    /** p50 and p99 in ms of {@code calls} timed calls after {@code warmup} untimed ones; nearest rank. */
    static double[] measure(Runnable call, int warmup, int calls) {
        // Long enough for the JIT to settle, so the first row is not a warm-up figure.
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        return percentiles(times(call, calls));
    }

    /** The nanoseconds of each of {@code calls} calls. */
    static long[] times(Runnable call, int calls) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    /** p50 and p99 in ms, nearest rank. */
    static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6};
    }

    /** A plan of {@link #ITEMS} items with ids from {@code firstItemId}, every third one DONE. */
    static void insertPlan(Connection c, long userId, long planId, int startDay, long firstItemId) throws Exception {
        long now = InstantMicros.toMicros(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan (id, user_id, title, target_role, role_title, "
                + "role_revision, minutes_per_week, start_day, target_day, time_zone, skill_ratings, archived, "
                + "logged_minutes, last_activity_time, version, create_time, update_time) VALUES (?, ?, 'Bench', "
                + "'roles/bench', 'Bench', 1, 600, ?, NULL, 'UTC', '', FALSE, 0, ?, 1, ?, ?)")) {
            ps.setLong(1, planId);
            ps.setLong(2, userId);
            ps.setInt(3, startDay);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_item (id, user_id, plan_id, kind, title, "
                + "description, source_content, source_text, source_name, source_line, estimated_minutes, week, "
                + "due_day, due_pinned, status, verified, verified_by, position, notes, notes_private, "
                + "logged_minutes, version, create_time, update_time, complete_time) VALUES (?, ?, ?, 'NEXT_STEP', "
                + "?, '', '', '', '', 0, 120, ?, ?, FALSE, ?, FALSE, '', ?, '', FALSE, 0, 1, ?, ?, NULL)")) {
            for (int i = 0; i < ITEMS; i++) {
                ps.setLong(1, firstItemId + i);
                ps.setLong(2, userId);
                ps.setLong(3, planId);
                ps.setString(4, "Item " + i);
                ps.setInt(5, i / 5 + 1);
                ps.setInt(6, startDay + (i / 5 + 1) * 7 - 1);
                ps.setString(7, i % 3 == 0 ? "DONE" : "TODO");
                ps.setInt(8, i);
                ps.setLong(9, now);
                ps.setLong(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Activity and time entries spread over the last 400 days, with the day rollups the service keeps. */
    private static long insertHistory(Connection c, long userId, long planId, int today, long from, long count)
            throws Exception {
        c.setAutoCommit(false);
        long now = InstantMicros.toMicros(Instant.now());
        try (PreparedStatement a =
                        c.prepareStatement("INSERT INTO activity (user_id, plan_id, item_id, actor_id, type, "
                                + "summary, old_status, new_status, minutes, on_day, subject, create_time) VALUES (?, ?, ?, ?, "
                                + "'TIME_LOGGED', 'Logged 5 min', '', '', 5, ?, '', ?)");
                PreparedStatement t = c.prepareStatement("INSERT INTO time_entry (id, user_id, plan_id, item_id, "
                        + "minutes, entry_day, note, create_time) VALUES (?, ?, ?, ?, 5, ?, '', ?)")) {
            for (long i = 0; i < count; i++) {
                int day = today - (int) ((from + i) % 400);
                a.setLong(1, userId);
                a.setLong(2, planId);
                a.setLong(3, 1000 + (i % ITEMS));
                a.setLong(4, userId);
                a.setInt(5, day);
                a.setLong(6, now);
                a.addBatch();
                t.setLong(1, 10_000_000 + from + i);
                t.setLong(2, userId);
                t.setLong(3, planId);
                t.setLong(4, 1000 + (i % ITEMS));
                t.setInt(5, day);
                t.setLong(6, now);
                t.addBatch();
                if (i % 5_000 == 4_999) {
                    a.executeBatch();
                    t.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            t.executeBatch();
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM plan_day WHERE plan_id = ?")) {
            d.setLong(1, planId);
            d.executeUpdate();
        }
        try (PreparedStatement r =
                        c.prepareStatement("INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) "
                                + "SELECT user_id, plan_id, entry_day, SUM(minutes), COUNT(*) FROM time_entry WHERE plan_id = ? "
                                + "GROUP BY user_id, plan_id, entry_day");
                PreparedStatement p = c.prepareStatement("UPDATE plan SET logged_minutes = "
                        + "(SELECT SUM(minutes) FROM time_entry WHERE plan_id = ?) WHERE id = ?")) {
            r.setLong(1, planId);
            r.executeUpdate();
            p.setLong(1, planId);
            p.setLong(2, planId);
            p.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        return count;
    }
}
