package dev.ascent.tracker.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc.PracticeServiceBlockingStub;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStats;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The practice rollups (V9): GetPracticeStats read from them equals the stats computed from every raw row, after
 * API writes of every kind (start, complete, abandon, expire, concurrent completions) and after the migration's
 * backfill of rows stored before it. Runs once per engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PracticeRollupContract {

    private PracticeFixture f;
    private String prompt;
    private String checklist;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        f = PracticeFixture.start(engine());
        prompt = f.firstDesignPrompt();
        checklist = f.content()
                .listChecklists(dev.ascent.proto.content.v1.ListChecklistsRequest.newBuilder()
                        .setRole(f.testRole())
                        .build())
                .getChecklists(0)
                .getName();
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void statsFromRollupsEqualStatsFromEveryRawRow() throws Exception {
        PracticeServiceBlockingStub roy = f.practice(f.user("roy"));
        int n = PracticeContract.start(roy, prompt).getStepCount(); // left ACTIVE: an attempt time, no counts
        for (int i = 0; i < 23; i++) {
            PracticeSession s = PracticeContract.start(roy, i % 4 == 0 ? checklist : prompt);
            int[] checked = new int[(i * 7) % Math.min(n, s.getStepCount())];
            for (int c = 0; c < checked.length; c++) {
                checked[c] = (c * 3 + i) % s.getStepCount() + 1;
            }
            s = checked.length == 0
                    ? s
                    : PracticeContract.check(
                            roy,
                            s,
                            java.util.stream.IntStream.of(checked).distinct().toArray());
            if (i % 6 == 5) {
                roy.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .build());
            } else {
                PracticeContract.complete(roy, s, i % 5 + 1);
            }
        }
        // One overdue session, expired by the next call (its deadline moved back; its start time stays).
        PracticeSession overdue = PracticeContract.check(roy, PracticeContract.start(roy, prompt), 1);
        f.sql(
                "UPDATE practice_session SET deadline_time = deadline_time - ? WHERE id = ?",
                26 * 3_600_000_000L,
                id(overdue));
        // Sixteen completions of one source at once: they share its rollup rows.
        List<PracticeSession> racing = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racing.add(PracticeContract.check(roy, PracticeContract.start(roy, prompt), i % n + 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < racing.size(); i++) {
            PracticeSession s = racing.get(i);
            int rating = i % 5 + 1;
            calls.add(pool.submit(() -> PracticeContract.complete(roy, s, rating)));
        }
        for (Future<?> call : calls) {
            call.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        for (String source : List.of("", prompt, checklist)) {
            PracticeStats got = roy.getPracticeStats(GetPracticeStatsRequest.newBuilder()
                            .setSource(source)
                            .build())
                    .getPracticeStats();
            PracticeStats want = PracticeProtoMapper.stats(
                    "roy",
                    PracticeStatsCalculator.compute(sessions(userId("roy"), source), steps(userId("roy"), source)));
            assertClose(want, got, source.isEmpty() ? "all" : source);
        }
        assertEquals(
                1,
                f.column("SELECT id FROM practice_session WHERE state = 'EXPIRED' AND id = ?", id(overdue))
                        .size(),
                "the overdue session expired");
        assertRollupsMatch(f.tracker().database(), userId("roy"));
    }

    /**
     * The trend reads the last sessions of a source backwards through {@code ix_practice_session_completed}
     * instead of sorting all of them: asked of the service's own connection pool (its connection settings
     * decide MariaDB's plan), with one user owning 3,000 completed sessions of a source.
     */
    @Test
    void theTrendReadsItsIndexBackwardsInsteadOfSorting() throws Exception {
        f.user("tess");
        long tess = userId("tess");
        try (Connection c = f.tracker().database().connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO practice_session (id, user_id, source, title, "
                        + "scenario, state, time_box_minutes, start_time, deadline_time, end_time, step_count, "
                        + "checked_count, self_rating, notes, version, update_time) VALUES (?, ?, ?, 't', 's', "
                        + "'COMPLETED', 45, ?, ?, ?, 8, 5, 3, '', 1, ?)")) {
            for (int i = 0; i < 3_000; i++) {
                long start = 1_700_000_000_000_000L + i * 60_000_000L;
                ps.setLong(1, 9_000_000_000L + i);
                ps.setLong(2, tess);
                ps.setString(3, i % 2 == 0 ? prompt : checklist);
                ps.setLong(4, start);
                ps.setLong(5, start + 45 * 60_000_000L);
                ps.setLong(6, start + 30 * 60_000_000L);
                ps.setLong(7, start);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        DataSource pool = f.tracker()
                .service()
                .context()
                .getBean(DataSourceResolver.class)
                .resolve(f.tracker().service().context().getBean(DataSource.class));
        String sql = PracticeRollupStore.trendsSql(2, engine() == TestDatabase.Engine.H2);
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            for (String source : List.of(prompt, checklist)) {
                ps.setLong(i++, tess);
                ps.setString(i++, source);
                ps.setInt(i++, PracticeStatsCalculator.TREND_POINTS);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        plan.append(rs.getString(col)).append(' ');
                    }
                    plan.append('\n');
                }
            }
            if (engine() == TestDatabase.Engine.H2) {
                assertEquals(2, plan.toString().split("index sorted", -1).length - 1, plan.toString());
            } else {
                assertTrue(plan.toString().contains("ix_practice_session_completed"), plan.toString());
                assertTrue(!plan.toString().contains("filesort"), plan.toString());
            }
        }
    }

    /** Rows stored before V9 (inserted at V8), then V9: its backfill equals the rollups of those rows. */
    @Test
    void theMigrationBackfillsRollupsFromTheRowsAlreadyStored() throws Exception {
        try (TestDatabase db = TestDatabase.create(engine())) {
            Flyway.configure()
                    .dataSource(db.url(), db.user(), db.password())
                    .locations("classpath:db/migration")
                    .target("8")
                    .load()
                    .migrate();
            Random random = new Random(13);
            String[] states = {"COMPLETED", "COMPLETED", "COMPLETED", "ABANDONED", "EXPIRED", "ACTIVE"};
            String[] phases = {"REQUIREMENTS", "ESTIMATES", "SCALING", ""};
            long base = 1_700_000_000_000_000L;
            try (Connection c = db.connect();
                    PreparedStatement session = c.prepareStatement("INSERT INTO practice_session (id, user_id, source, "
                            + "title, scenario, state, time_box_minutes, start_time, deadline_time, end_time, step_count, "
                            + "checked_count, self_rating, notes, plan_id, plan_item_id, version, update_time) "
                            + "VALUES (?, ?, ?, ?, '', ?, 45, ?, ?, ?, ?, ?, ?, '', NULL, NULL, 1, ?)");
                    PreparedStatement step = c.prepareStatement("INSERT INTO practice_step (id, user_id, session_id, "
                            + "position, source_step, phase, title, body, checked, notes, mentor_score) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, '', 0)")) {
                long stepId = 1;
                for (long id = 1; id <= 240; id++) {
                    long user = 1 + id % 2;
                    String source = "designPrompts/p" + (id % 3);
                    String state = states[random.nextInt(states.length)];
                    long start = base + random.nextInt(50) * 60_000_000L; // equal start times happen
                    int count = random.nextInt(6); // sessions with no steps too
                    int checked = 0;
                    for (int p = 1; p <= count; p++) {
                        boolean on = random.nextBoolean();
                        checked += on ? 1 : 0;
                        step.setLong(1, stepId++);
                        step.setLong(2, user);
                        step.setLong(3, id);
                        step.setInt(4, p);
                        step.setString(5, source + "/steps/" + (1 + random.nextInt(5)));
                        step.setString(6, phases[random.nextInt(phases.length)]);
                        step.setString(7, "Step title " + random.nextInt(3));
                        step.setBoolean(8, on);
                        step.addBatch();
                    }
                    session.setLong(1, id);
                    session.setLong(2, user);
                    session.setString(3, source);
                    session.setString(4, "Title " + id);
                    session.setString(5, state);
                    session.setLong(6, start);
                    session.setLong(7, start + 45 * 60_000_000L);
                    if (state.equals("ACTIVE")) {
                        session.setNull(8, java.sql.Types.BIGINT);
                    } else {
                        session.setLong(8, start + random.nextInt(3) * 600_000_000L);
                    }
                    session.setInt(9, count);
                    session.setInt(10, checked);
                    session.setInt(11, state.equals("COMPLETED") ? 1 + random.nextInt(5) : 0);
                    session.setLong(12, start);
                    session.executeUpdate();
                    step.executeBatch();
                }
            }
            Flyway.configure()
                    .dataSource(db.url(), db.user(), db.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            assertRollupsMatch(db, 1);
            assertRollupsMatch(db, 2);
        }
    }

    // ---- helpers ----

    private long userId(String handle) throws Exception {
        return Long.parseLong(
                f.column("SELECT id FROM app_user WHERE handle = ?", handle).get(0));
    }

    private static long id(PracticeSession s) {
        return Long.parseLong(s.getName().substring(s.getName().lastIndexOf('/') + 1));
    }

    private List<PracticeSessionRow> sessions(long userId, String source) throws SQLException {
        return sessions(f.tracker().database(), userId, source);
    }

    private List<PracticeStepRow> steps(long userId, String source) throws SQLException {
        return steps(f.tracker().database(), userId, source);
    }

    private static List<PracticeSessionRow> sessions(TestDatabase db, long userId, String source) throws SQLException {
        List<PracticeSessionRow> out = new ArrayList<>();
        query(
                db,
                "SELECT id, source, title, state, start_time, deadline_time, end_time, step_count, checked_count, "
                        + "self_rating FROM practice_session WHERE user_id = ? AND (? = '' OR source = ?) ORDER BY id",
                userId,
                source,
                rs -> {
                    long end = rs.getLong(7);
                    boolean noEnd = rs.wasNull();
                    out.add(new PracticeSessionRow(
                            rs.getLong(1),
                            userId,
                            rs.getString(2),
                            rs.getString(3),
                            "",
                            rs.getString(4),
                            45,
                            InstantMicros.fromMicros(rs.getLong(5)),
                            InstantMicros.fromMicros(rs.getLong(6)),
                            noEnd ? null : InstantMicros.fromMicros(end),
                            rs.getInt(8),
                            rs.getInt(9),
                            rs.getInt(10),
                            "",
                            null,
                            null,
                            1,
                            InstantMicros.fromMicros(rs.getLong(5))));
                });
        return out;
    }

    private static List<PracticeStepRow> steps(TestDatabase db, long userId, String source) throws SQLException {
        List<PracticeStepRow> out = new ArrayList<>();
        query(
                db,
                "SELECT st.id, st.session_id, st.position, st.source_step, st.phase, st.title, st.checked "
                        + "FROM practice_step st JOIN practice_session s ON s.id = st.session_id WHERE st.user_id = ? "
                        + "AND (? = '' OR s.source = ?) ORDER BY st.session_id, st.position",
                userId,
                source,
                rs -> out.add(new PracticeStepRow(
                        rs.getLong(1),
                        userId,
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        "",
                        rs.getBoolean(7),
                        "",
                        0)));
        return out;
    }

    /** The stored rollup rows equal {@link PracticeRollups#of} of the raw rows (doubles to 1e-9). */
    static void assertRollupsMatch(TestDatabase db, long userId) throws SQLException {
        PracticeRollups.All want = PracticeRollups.of(sessions(db, userId, ""), steps(db, userId, ""));
        List<PracticeRollups.Source> sources = new ArrayList<>();
        query(
                db,
                "SELECT source, last_start_time, last_session_id, title, completed_count, abandoned_count, "
                        + "coverage_sum, best_coverage, rating_sum, duration_micros FROM practice_source_rollup "
                        + "WHERE user_id = ? AND ? = ? ORDER BY source",
                userId,
                "",
                rs -> sources.add(new PracticeRollups.Source(
                        rs.getString(1),
                        InstantMicros.fromMicros(rs.getLong(2)),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getDouble(7),
                        rs.getDouble(8),
                        rs.getLong(9),
                        rs.getLong(10))));
        List<PracticeRollups.Step> steps = new ArrayList<>();
        query(
                db,
                "SELECT source, source_step, phase, attempt_count, missed_count, last_end_time, last_session_id, "
                        + "last_position, title FROM practice_step_rollup WHERE user_id = ? AND ? = ? "
                        + "ORDER BY source, source_step, phase",
                userId,
                "",
                rs -> steps.add(new PracticeRollups.Step(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        InstantMicros.fromMicros(rs.getLong(6)),
                        rs.getLong(7),
                        rs.getInt(8),
                        rs.getString(9))));
        List<PracticeRollups.Source> wantSources = want.sources().stream()
                .sorted(Comparator.comparing(PracticeRollups.Source::source))
                .toList();
        assertEquals(wantSources.size(), sources.size(), "source rows of user " + userId);
        for (int i = 0; i < sources.size(); i++) {
            PracticeRollups.Source w = wantSources.get(i);
            PracticeRollups.Source g = sources.get(i);
            assertEquals(w.coverageSum(), g.coverageSum(), 1e-9, w.source());
            assertEquals(w.bestCoverage(), g.bestCoverage(), 1e-9, w.source());
            assertEquals(
                    w,
                    new PracticeRollups.Source(
                            g.source(),
                            g.lastStartTime(),
                            g.lastSessionId(),
                            g.title(),
                            g.completedCount(),
                            g.abandonedCount(),
                            w.coverageSum(),
                            w.bestCoverage(),
                            g.ratingSum(),
                            g.durationMicros()));
        }
        assertEquals(
                want.steps().stream()
                        .sorted(Comparator.comparing(PracticeRollups.Step::source)
                                .thenComparing(PracticeRollups.Step::sourceStep)
                                .thenComparing(PracticeRollups.Step::phase))
                        .toList(),
                steps,
                "step rows of user " + userId);
        assertTrue(!steps.isEmpty(), "the data has completed steps");
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(TestDatabase db, String sql, long userId, String source, RowReader reader)
            throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setString(2, source);
            ps.setString(3, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** Field by field; doubles within 1e-9 (relative), since sums of percentages depend on the order added. */
    static void assertClose(Message want, Message got, String path) {
        assertEquals(want.getDescriptorForType(), got.getDescriptorForType(), path);
        for (FieldDescriptor field : want.getDescriptorForType().getFields()) {
            String at = path + "." + field.getName();
            if (field.isRepeated()) {
                assertEquals(want.getRepeatedFieldCount(field), got.getRepeatedFieldCount(field), at);
                for (int i = 0; i < want.getRepeatedFieldCount(field); i++) {
                    assertValueClose(
                            want.getRepeatedField(field, i), got.getRepeatedField(field, i), at + "[" + i + "]");
                }
            } else {
                assertValueClose(want.getField(field), got.getField(field), at);
            }
        }
    }

    private static void assertValueClose(Object want, Object got, String at) {
        if (want instanceof Message w) {
            assertClose(w, (Message) got, at);
        } else if (want instanceof Double w) {
            assertEquals(w, (Double) got, 1e-9 * Math.max(1, Math.abs(w)), at);
        } else {
            assertEquals(want, got, at);
        }
    }
}
