package dev.ascent.tracker.bench;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.MentorshipServiceGrpc;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GetPracticeStats, ListMentees and ListReviewRequests (issue 13), each with a short and a long history side by side
 * in one database: a user with 10 sessions and one with 10^4 (4 sources, 8 steps each); a mentor whose page of 50
 * mentees (3 plans of 40 items each, one open review request each) has 10 events per mentee, and one whose 50
 * mentees have 2,000 events each (10^5 in all), 200 closed review requests each (10^4) and 400 days of rollups per
 * plan; a mentor with one mentee, for scale. Calls are warmed up, then timed in rounds that take turns, so the
 * shared machine's load falls on every case alike. Prints a Markdown table; on H2 also the SQL queries each call
 * runs (H2's QUERY_STATISTICS), which do not change with the history.
 *
 * <pre>bench/tracker-bounded.sh</pre> runs it on H2; with ASCENT_TEST_MYSQL_URL set on MySQL as well.
 */
public final class BoundedReadsBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 1_000);

    /**
     * How much history: mentees per mentor (and page size), sessions of the long-history practiser, events, closed
     * review requests per long-history mentee, and days of rollups per plan.
     */
    public record Scale(int mentees, int sessions, int events, int closedReviews, int days) {
        static final Scale FULL = new Scale(50, 10_000, 2_000, 200, 400);
    }

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /** Cohorts of mentees: a short history, a long one, and one mentee alone. */
    private static final int SHORT = 0;

    private static final int LONG = 1;
    private static final int SOLO = 2;
    private static final int PLANS = 3;
    private static final String[] PHASES = {"REQUIREMENTS", "ESTIMATES", "HIGH_LEVEL_DESIGN", "SCALING"};

    public static void main(String[] args) throws Exception {
        System.out.println(
                "| engine | call | history | p50 ms | p99 ms | p99 / short history | SQL queries per call (H2) |");
        System.out.println("|---|---|---|---|---|---|---|");
        // -Dbench.engines=MYSQL runs one engine only (for a profile of its statements).
        String engines = System.getProperty("bench.engines", "H2,MYSQL");
        if (engines.contains("H2")) {
            run(TestDatabase.Engine.H2);
        }
        if (engines.contains("MYSQL") && System.getenv("ASCENT_TEST_MYSQL_URL") != null) {
            run(TestDatabase.Engine.MYSQL);
        }
    }

    private record Figure(double p50, double p99, double statements) {}

    private static void run(TestDatabase.Engine engine) throws Exception {
        Scale scale = Scale.FULL;
        try (TestDatabase db = TestDatabase.create(engine);
                RunningService tracker = ProgressBenchmark.startTracker(db)) {
            Map<String, Figure> f = measure(db, seed(db, tracker, scale));
            print(engine, "GetPracticeStats", "10 sessions", f.get("stats-s"), f.get("stats-s"));
            print(engine, "GetPracticeStats", "10,000 sessions", f.get("stats-l"), f.get("stats-s"));
            print(engine, "ListMentees, page of 50", "10 events per mentee", f.get("mentees-s"), f.get("mentees-s"));
            print(
                    engine,
                    "ListMentees, page of 50",
                    "2,000 events per mentee, 10^4 closed reviews, 400 days " + "of rollups per plan",
                    f.get("mentees-l"),
                    f.get("mentees-s"));
            print(engine, "ListMentees, page of 1 (for scale)", "10 events", f.get("mentees-1"), f.get("mentees-1"));
            print(engine, "ListReviewRequests, page of 50", "50 open requests", f.get("queue-s"), f.get("queue-s"));
            print(
                    engine,
                    "ListReviewRequests, page of 50",
                    "50 open + 10^4 closed requests",
                    f.get("queue-l"),
                    f.get("queue-s"));
        }
    }

    /**
     * H2 only: the SQL queries each call runs ({@code stats-s}, {@code stats-l}, {@code mentees-s}, {@code mentees-l},
     * {@code mentees-1}, {@code queue-s}, {@code queue-l}, {@code queue-1}) at {@code scale}, after a few warm-up calls.
     */
    public static Map<String, Double> queriesPerCall(TestDatabase db, RunningService tracker, Scale scale)
            throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Runnable> call : seed(db, tracker, scale).entrySet()) {
            for (int i = 0; i < 3; i++) {
                call.getValue().run();
            }
            // The least of three counts: a background statement not filtered out lands in one window, not all.
            double least = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                least = Math.min(least, statementsPerCall(db, call.getValue()));
            }
            out.put(call.getKey(), least);
        }
        return out;
    }

    /** Users, mentorships, plans, events, reviews and sessions at {@code scale}; returns the calls by key. */
    private static Map<String, Runnable> seed(TestDatabase db, RunningService tracker, Scale scale) throws Exception {
        int mentees = scale.mentees();
        var admin = ProgressBenchmark.admin(tracker);
        Map<String, String> tokens = new HashMap<>();
        List<String> handles = new ArrayList<>(
                List.of("practiser-s", "practiser-l", "mentor-s", "mentor-l", "solo-mentor", mentee(SOLO, 0)));
        for (int i = 0; i < mentees; i++) {
            handles.add(mentee(SHORT, i));
            handles.add(mentee(LONG, i));
        }
        for (String handle : handles) {
            tokens.put(
                    handle,
                    admin.createUser(CreateUserRequest.newBuilder()
                                    .setHandle(handle)
                                    .setDisplayName(handle)
                                    .build())
                            .getToken());
        }
        Map<String, Long> ids = ids(db);
        int today = (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
        try (Connection c = db.connect()) {
            seedMentees(c, ids, SHORT, "mentor-s", mentees, today);
            seedMentees(c, ids, LONG, "mentor-l", mentees, today);
            seedMentees(c, ids, SOLO, "solo-mentor", 1, today);
            growMenteeHistory(c, ids, LONG, "mentor-l", today, scale);
            insertSessions(c, ids.get("practiser-s"), 0, 10);
            insertSessions(c, ids.get("practiser-l"), 100, scale.sessions());
            rebuildPracticeRollups(c);
        }
        Map<String, Runnable> calls = new LinkedHashMap<>();
        for (String cohort : List.of("s", "l")) {
            var practice = PracticeServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(tokens.get("practiser-" + cohort)));
            var mentor = MentorshipServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(tokens.get("mentor-" + cohort)));
            var reviews = ReviewServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(tokens.get("mentor-" + cohort)));
            calls.put("stats-" + cohort, () -> practice.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance()));
            calls.put(
                    "mentees-" + cohort,
                    () -> check(
                            mentor.listMentees(ListMenteesRequest.newBuilder()
                                            .setPageSize(mentees)
                                            .build())
                                    .getMenteesCount(),
                            mentees));
            calls.put(
                    "queue-" + cohort,
                    () -> check(
                            reviews.listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                            .setPageSize(mentees)
                                            .setState(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN)
                                            .build())
                                    .getReviewRequestsCount(),
                            mentees));
        }
        var solo = MentorshipServiceGrpc.newBlockingStub(tracker.channel())
                .withCallCredentials(Bearer.token(tokens.get("solo-mentor")));
        calls.put(
                "mentees-1",
                () -> check(
                        solo.listMentees(ListMenteesRequest.newBuilder()
                                        .setPageSize(mentees)
                                        .build())
                                .getMenteesCount(),
                        1));
        var queue = ReviewServiceGrpc.newBlockingStub(tracker.channel())
                .withCallCredentials(Bearer.token(tokens.get("mentor-s")));
        calls.put(
                "queue-1",
                () -> check(
                        queue.listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                        .setPageSize(1)
                                        .setState(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN)
                                        .build())
                                .getReviewRequestsCount(),
                        1));
        return calls;
    }

    private static void check(int got, int want) {
        if (got != want) {
            throw new IllegalStateException("expected " + want + " rows, got " + got);
        }
    }

    private static void print(TestDatabase.Engine engine, String call, String history, Figure f, Figure base) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %.2f | %.2f | %.2fx | %s |%n",
                engine,
                call,
                history,
                f.p50(),
                f.p99(),
                f.p99() / base.p99(),
                Double.isNaN(f.statements()) ? "" : String.format(Locale.ROOT, "%.1f", f.statements()));
    }

    /**
     * Every call warmed up, then timed in {@link #ROUNDS} rounds that take turns (short history, long history, ...),
     * so a change in the shared machine's load falls on every case alike.
     */
    private static Map<String, Figure> measure(TestDatabase db, Map<String, Runnable> calls) throws Exception {
        Map<String, Double> statements = new HashMap<>();
        for (Map.Entry<String, Runnable> call : calls.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                call.getValue().run();
            }
            statements.put(call.getKey(), statementsPerCall(db, call.getValue()));
        }
        Map<String, long[]> nanos = new HashMap<>();
        int perRound = CALLS / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Runnable> call : calls.entrySet()) {
                long[] times = ProgressBenchmark.times(call.getValue(), perRound);
                long[] all = nanos.getOrDefault(call.getKey(), new long[0]);
                long[] joined = Arrays.copyOf(all, all.length + times.length);
                System.arraycopy(times, 0, joined, all.length, times.length);
                nanos.put(call.getKey(), joined);
            }
        }
        Map<String, Figure> out = new HashMap<>();
        nanos.forEach((key, times) -> {
            double[] p = ProgressBenchmark.percentiles(times);
            out.put(key, new Figure(p[0], p[1], statements.get(key)));
        });
        return out;
    }

    /**
     * H2 only: SQL queries run by 20 calls, per call, authentication included (token and user lookups); COMMIT,
     * H2's read-only marker and the activity stream's poller are left out.
     */
    private static double statementsPerCall(TestDatabase db, Runnable call) throws Exception {
        if (db.engine() != TestDatabase.Engine.H2) {
            return Double.NaN;
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS TRUE");
            for (int i = 0; i < 20; i++) {
                call.run();
            }
            long total = 0;
            try (ResultSet rs = s.executeQuery(
                    "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM " + "INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    String sql = rs.getString(1);
                    // Transaction plumbing and the activity stream's poller are not the call's queries.
                    // "SELECT 1" is the pool's and the health probe's check of a connection.
                    if (sql.startsWith("COMMIT")
                            || sql.startsWith("CALL READONLY")
                            || sql.startsWith("SELECT a.seq")
                            || sql.equals("SELECT 1")) {
                        continue;
                    }
                    total += rs.getLong(2);
                    if (Boolean.getBoolean("bench.show-sql")) {
                        System.err.printf(Locale.ROOT, "%5.1f  %s%n", rs.getLong(2) / 20.0, rs.getString(1));
                    }
                }
            }
            s.execute("SET QUERY_STATISTICS FALSE");
            return total / 20.0;
        }
    }

    private static Map<String, Long> ids(TestDatabase db) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT handle, id FROM app_user")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String mentee(int cohort, int i) {
        return String.format(Locale.ROOT, "mentee-%d-%03d", cohort, i);
    }

    /** {@code count} active mentees of {@code mentor}, 3 plans of 40 items each, 10 events, one open review. */
    private static void seedMentees(
            Connection c, Map<String, Long> ids, int cohort, String mentorHandle, int count, int today)
            throws Exception {
        long now = InstantMicros.toMicros(Instant.now());
        long mentor = ids.get(mentorHandle);
        for (int i = 0; i < count; i++) {
            long mentee = ids.get(mentee(cohort, i));
            update(
                    c,
                    "INSERT INTO mentorship (id, mentor_id, mentee_id, state, message, create_time) "
                            + "VALUES (?, ?, ?, 'ACTIVE', '', ?)",
                    1_000 + cohort * 100 + i,
                    mentor,
                    mentee,
                    now);
            for (int p = 0; p < PLANS; p++) {
                long plan = planId(cohort, i, p);
                ProgressBenchmark.insertPlan(c, mentee, plan, today - 30, plan * 100);
            }
            insertEvents(c, mentee, planId(cohort, i, 0), today, 10);
            update(
                    c,
                    "INSERT INTO review_request (id, user_id, mentor_id, plan_id, item_id, target, target_title, "
                            + "state, open_key, evidence_links, note, decision_comment, step_scores, version, create_time) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'Item 0', 'OPEN', ?, '', '', '', '', 1, ?)",
                    5_000 + cohort * 100 + i,
                    mentee,
                    mentor,
                    planId(cohort, i, 0),
                    planId(cohort, i, 0) * 100,
                    target(cohort, i),
                    target(cohort, i),
                    now + i);
        }
    }

    private static String target(int cohort, int mentee) {
        long plan = planId(cohort, mentee, 0);
        return "users/" + mentee(cohort, mentee) + "/plans/" + plan + "/items/" + plan * 100;
    }

    private static long planId(int cohort, int mentee, int plan) {
        return 10_000 + cohort * 1_000 + mentee * 10L + plan;
    }

    /** Events and closed review requests per mentee, and days of rollups on every plan, as {@code scale} says. */
    private static void growMenteeHistory(
            Connection c, Map<String, Long> ids, int cohort, String mentorHandle, int today, Scale scale)
            throws Exception {
        long now = InstantMicros.toMicros(Instant.now());
        c.setAutoCommit(false);
        try (PreparedStatement r = c.prepareStatement("INSERT INTO review_request (id, user_id, mentor_id, plan_id, "
                        + "item_id, target, target_title, state, open_key, evidence_links, note, decision_comment, "
                        + "step_scores, version, create_time, review_time) VALUES (?, ?, ?, ?, ?, ?, 'Item 0', 'APPROVED', "
                        + "NULL, '', '', '', '', 2, ?, ?)");
                PreparedStatement d = c.prepareStatement("INSERT INTO plan_day (user_id, plan_id, on_day, minutes, "
                        + "actions) VALUES (?, ?, ?, 30, 1)")) {
            long id = 100_000;
            for (int i = 0; i < scale.mentees(); i++) {
                long mentee = ids.get(mentee(cohort, i));
                for (int k = 0; k < scale.closedReviews(); k++) {
                    r.setLong(1, id++);
                    r.setLong(2, mentee);
                    r.setLong(3, ids.get(mentorHandle));
                    r.setLong(4, planId(cohort, i, 0));
                    r.setLong(5, planId(cohort, i, 0) * 100 + k % ProgressBenchmark.ITEMS);
                    r.setString(6, target(cohort, i));
                    r.setLong(7, now - 1_000_000L * (k + 1));
                    r.setLong(8, now);
                    r.addBatch();
                }
                for (int p = 0; p < PLANS; p++) {
                    for (int day = today - scale.days(); day <= today; day++) {
                        d.setLong(1, mentee);
                        d.setLong(2, planId(cohort, i, p));
                        d.setInt(3, day);
                        d.addBatch();
                    }
                }
                r.executeBatch();
                d.executeBatch();
                c.commit();
                insertEvents(c, mentee, planId(cohort, i, 0), today, scale.events() - 10);
            }
        }
        c.setAutoCommit(true);
    }

    private static void insertEvents(Connection c, long userId, long planId, int today, int count) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long now = InstantMicros.toMicros(Instant.now());
        try (PreparedStatement a = c.prepareStatement("INSERT INTO activity (user_id, plan_id, item_id, actor_id, "
                + "type, summary, old_status, new_status, minutes, on_day, subject, create_time) VALUES (?, ?, ?, ?, "
                + "'TIME_LOGGED', 'Logged 5 min', '', '', 5, ?, '', ?)")) {
            for (int i = 0; i < count; i++) {
                a.setLong(1, userId);
                a.setLong(2, planId);
                a.setLong(3, planId * 100 + i % ProgressBenchmark.ITEMS);
                a.setLong(4, userId);
                a.setInt(5, today - i % 400);
                a.setLong(6, now + i);
                a.addBatch();
            }
            a.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    /**
     * Sessions {@code from} to {@code from + count - 1} of one user over 4 design prompts, 8 steps each: 85 %
     * COMPLETED, 10 % ABANDONED, 5 % EXPIRED.
     */
    private static void insertSessions(Connection c, long userId, int from, int count) throws Exception {
        c.setAutoCommit(false);
        long base = InstantMicros.toMicros(Instant.now()) - 3_600_000_000L * 24 * 400;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO practice_session (id, user_id, source, title, "
                        + "scenario, state, time_box_minutes, start_time, deadline_time, end_time, step_count, checked_count, "
                        + "self_rating, notes, plan_id, plan_item_id, version, update_time) VALUES (?, ?, ?, ?, '', ?, 45, ?, "
                        + "?, ?, 8, ?, ?, '', NULL, NULL, 2, ?)");
                PreparedStatement st = c.prepareStatement("INSERT INTO practice_step (id, user_id, session_id, "
                        + "position, source_step, phase, title, body, checked, notes, mentor_score) VALUES (?, ?, ?, ?, "
                        + "?, ?, ?, '', ?, '', 0)")) {
            for (int n = from; n < from + count; n++) {
                long id = 1_000_000L + n;
                String source = "designPrompts/prompt-" + n % 4;
                String state = n % 20 < 17 ? "COMPLETED" : n % 20 < 19 ? "ABANDONED" : "EXPIRED";
                long start = base + n * 60_000_000L;
                int checked = 0;
                for (int p = 1; p <= 8; p++) {
                    boolean on = (n + p) % 3 != 0;
                    checked += on ? 1 : 0;
                    st.setLong(1, id * 10 + p);
                    st.setLong(2, userId);
                    st.setLong(3, id);
                    st.setInt(4, p);
                    st.setString(5, source + "/steps/" + p);
                    st.setString(6, PHASES[(p - 1) / 2]);
                    st.setString(7, "Step " + p);
                    st.setBoolean(8, on);
                    st.addBatch();
                }
                s.setLong(1, id);
                s.setLong(2, userId);
                s.setString(3, source);
                s.setString(4, "Prompt " + n % 4);
                s.setString(5, state);
                s.setLong(6, start);
                s.setLong(7, start + 45 * 60_000_000L);
                s.setLong(8, start + 40 * 60_000_000L);
                s.setInt(9, checked);
                s.setInt(10, state.equals("COMPLETED") ? 1 + n % 5 : 0);
                s.setLong(11, start);
                s.addBatch();
                if (n % 500 == 499) {
                    s.executeBatch();
                    st.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            st.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** The rollups of every session inserted, rebuilt by the V9 migration's own backfill statements. */
    private static void rebuildPracticeRollups(Connection c) throws Exception {
        List<String> backfill = backfill();
        if (!backfill.isEmpty()) {
            update(c, "DELETE FROM practice_step_rollup");
            update(c, "DELETE FROM practice_source_rollup");
        }
        for (String sql : backfill) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }
    }

    /** The INSERT and UPDATE statements after "-- Backfill" in V9__create_practice_rollups.sql. */
    private static List<String> backfill() throws Exception {
        String script;
        try (InputStream in =
                BoundedReadsBenchmark.class.getResourceAsStream("/db/migration/V9__create_practice_rollups.sql")) {
            if (in == null) {
                return List.of(); // code from before the rollups, run for comparison
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tail = script.substring(script.indexOf("-- Backfill"));
        List<String> out = new ArrayList<>();
        for (String part : tail.split(";")) {
            String sql = part.lines()
                    .filter(l -> !l.trim().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .trim();
            if (!sql.isEmpty()) {
                out.add(sql);
            }
        }
        return out;
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
