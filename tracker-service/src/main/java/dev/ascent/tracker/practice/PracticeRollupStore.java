package dev.ascent.tracker.practice;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The practice rollups in {@code practice_source_rollup} and {@code practice_step_rollup}. Every session write
 * adds its delta in its own transaction, after its other locks (session, then plan), as the last thing it
 * locks: counters move in SQL ({@code x = x + ?}) with an upsert, so concurrent writers of one user and source
 * never lose an update and never wait on each other in a cycle. See docs/ARCHITECTURE.md.
 */
@Singleton
public class PracticeRollupStore {

    /** The later of two copies, as a SQL condition on the stored row and the new copy's (start, id). */
    private static final String SOURCE_LATER = "(? > last_start_time OR (? = last_start_time AND ? > last_session_id))";

    private static final String STEP_LATER = "(? > last_end_time OR (? = last_end_time AND (? > last_session_id OR "
            + "(? = last_session_id AND ? >= last_position))))";

    private final JdbcOperations jdbc;
    private final boolean embedded;

    public PracticeRollupStore(JdbcOperations jdbc, @Value("${datasources.default.url}") String url) {
        this.jdbc = jdbc;
        this.embedded = url.startsWith("jdbc:h2:");
    }

    /**
     * Adds a delta (from {@link PracticeRollups#started} or {@link PracticeRollups#finished}) to the user's row
     * for its source, creating the row if needed. MySQL assigns left to right and later assignments see earlier
     * ones, so the "later" columns are assigned in an order where that cannot change the outcome (the time last).
     */
    public void add(long userId, PracticeRollups.Source d) {
        String later = "CASE WHEN " + SOURCE_LATER + " THEN ? ELSE ";
        jdbc.prepareStatement(
                "INSERT INTO practice_source_rollup (user_id, source, last_start_time, last_session_id, "
                        + "title, completed_count, abandoned_count, coverage_sum, best_coverage, rating_sum, duration_micros) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "completed_count = completed_count + ?, abandoned_count = abandoned_count + ?, "
                        + "coverage_sum = coverage_sum + ?, best_coverage = GREATEST(best_coverage, ?), "
                        + "rating_sum = rating_sum + ?, duration_micros = duration_micros + ?, "
                        + "title = " + later + "title END, last_session_id = " + later + "last_session_id END, "
                        + "last_start_time = " + later + "last_start_time END",
                ps -> {
                    long start = InstantMicros.toMicros(d.lastStartTime());
                    int i = bindCounters(ps, bindSource(ps, 1, userId, d), d);
                    Object[] values = {d.title(), d.lastSessionId(), start};
                    for (Object value : values) {
                        ps.setLong(i++, start);
                        ps.setLong(i++, start);
                        ps.setLong(i++, d.lastSessionId());
                        ps.setObject(i++, value);
                    }
                    return ps.executeUpdate();
                });
    }

    /**
     * Adds the steps of one completed session, in key order so two sessions' writers lock rows in the same order
     * (they already serialize on the source row, which {@link #add(long, PracticeRollups.Source)} locks first).
     */
    public void add(long userId, Collection<PracticeRollups.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        String later = "CASE WHEN " + STEP_LATER + " THEN ? ELSE ";
        List<PracticeRollups.Step> sorted = steps.stream()
                .sorted(Comparator.comparing(PracticeRollups.Step::sourceStep)
                        .thenComparing(PracticeRollups.Step::phase))
                .toList();
        jdbc.prepareStatement(
                "INSERT INTO practice_step_rollup (user_id, source, source_step, phase, attempt_count, "
                        + "missed_count, last_end_time, last_session_id, last_position, title) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "attempt_count = attempt_count + ?, missed_count = missed_count + ?, "
                        + "title = " + later + "title END, last_position = " + later + "last_position END, "
                        + "last_session_id = " + later + "last_session_id END, "
                        + "last_end_time = " + later + "last_end_time END",
                ps -> {
                    for (PracticeRollups.Step s : sorted) {
                        long end = InstantMicros.toMicros(s.lastEndTime());
                        int i = bindStep(ps, 1, userId, s);
                        ps.setInt(i++, s.attemptCount());
                        ps.setInt(i++, s.missedCount());
                        Object[] values = {s.title(), s.lastPosition(), s.lastSessionId(), end};
                        for (Object value : values) {
                            ps.setLong(i++, end);
                            ps.setLong(i++, end);
                            ps.setLong(i++, s.lastSessionId());
                            ps.setLong(i++, s.lastSessionId());
                            ps.setInt(i++, s.lastPosition());
                            ps.setObject(i++, value);
                        }
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** The user's rollups, of one source when {@code source} is not empty: two queries on primary keys. */
    public PracticeRollups.All read(long userId, String source) {
        String where = " WHERE user_id = ? AND (? = '' OR source = ?)";
        List<PracticeRollups.Source> sources = jdbc.prepareStatement(
                "SELECT source, last_start_time, last_session_id, "
                        + "title, completed_count, abandoned_count, coverage_sum, best_coverage, rating_sum, duration_micros "
                        + "FROM practice_source_rollup" + where + " ORDER BY source",
                ps -> {
                    bindScope(ps, userId, source);
                    List<PracticeRollups.Source> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new PracticeRollups.Source(
                                    rs.getString(1),
                                    InstantMicros.fromMicros(rs.getLong(2)),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getDouble(7),
                                    rs.getDouble(8),
                                    rs.getLong(9),
                                    rs.getLong(10)));
                        }
                    }
                    return out;
                });
        List<PracticeRollups.Step> steps = jdbc.prepareStatement(
                "SELECT source, source_step, phase, attempt_count, "
                        + "missed_count, last_end_time, last_session_id, last_position, title FROM practice_step_rollup"
                        + where + " ORDER BY source, source_step, phase",
                ps -> {
                    bindScope(ps, userId, source);
                    List<PracticeRollups.Step> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new PracticeRollups.Step(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    InstantMicros.fromMicros(rs.getLong(6)),
                                    rs.getLong(7),
                                    rs.getInt(8),
                                    rs.getString(9)));
                        }
                    }
                    return out;
                });
        return new PracticeRollups.All(sources, steps);
    }

    /**
     * The last {@code points} COMPLETED sessions of each source, oldest first, in one statement: one index range
     * read backwards per source ({@code ix_practice_session_completed}), however many sessions there are.
     */
    public Map<String, List<PracticeStatsCalculator.Point>> trends(long userId, List<String> sources, int points) {
        Map<String, List<PracticeStatsCalculator.Point>> out = new HashMap<>();
        if (sources.isEmpty()) {
            return out;
        }
        String sql = trendsSql(sources.size(), embedded);
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (String source : sources) {
                ps.setLong(i++, userId);
                ps.setString(i++, source);
                ps.setInt(i++, points);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PracticeStatsCalculator.Point(
                                    rs.getLong(2), InstantMicros.fromMicros(rs.getLong(3)),
                                    PracticeStatsCalculator.percent(rs.getInt(5), rs.getInt(4)), rs.getInt(6)));
                }
            }
            out.values()
                    .forEach(list -> list.sort(Comparator.comparing(PracticeStatsCalculator.Point::endTime)
                            .thenComparingLong(PracticeStatsCalculator.Point::sessionId)));
            return out;
        });
    }

    /**
     * The trend statement for {@code sources} sources: a UNION ALL of one branch per source, each naming
     * {@code ix_practice_session_completed} (MariaDB sometimes sorted the source's rows from another index instead).
     * The two engines need the ORDER BY spelled differently to read that index backwards instead of sorting every
     * completed session of the source (docs/PERFORMANCE.md): H2 only when it lists every column of the index, the
     * equality columns too; MariaDB only when it leaves the string equality columns out, because when the
     * connection's collation differs from the column's (Connector/J's utf8mb4_general_ci against utf8mb4_bin) it
     * no longer treats them as constant and sorts.
     */
    static String trendsSql(int sources, boolean embedded) {
        String order =
                embedded ? "user_id DESC, source DESC, state DESC, end_time DESC, id DESC" : "end_time DESC, id DESC";
        String branch = "(SELECT source, id, end_time, step_count, checked_count, self_rating FROM practice_session "
                + "USE INDEX (ix_practice_session_completed) WHERE user_id = ? AND source = ? AND state = 'COMPLETED' "
                + "ORDER BY " + order + " LIMIT ?)";
        return String.join(" UNION ALL ", Collections.nCopies(sources, branch));
    }

    // ---- for the consistency checker: exact values, under the row locks it took ----

    /**
     * Locks the user's row for {@code source}, creating an empty one if there is none, so a recount from raw rows
     * cannot interleave with a session write (which adds to this row last, in its own transaction).
     */
    public void lock(long userId, String source) {
        add(userId, PracticeRollups.empty(source));
    }

    /** Replaces the user's rollups for {@code source} with {@code expected} (null deletes them). */
    public void replace(long userId, String source, PracticeRollups.Source expected, List<PracticeRollups.Step> steps) {
        for (String table : new String[] {"practice_step_rollup", "practice_source_rollup"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND source = ?", ps -> {
                ps.setLong(1, userId);
                ps.setString(2, source);
                return ps.executeUpdate();
            });
        }
        if (expected != null) {
            add(userId, expected);
            add(userId, steps);
        }
    }

    private static int bindSource(PreparedStatement ps, int i, long userId, PracticeRollups.Source d)
            throws SQLException {
        ps.setLong(i++, userId);
        ps.setString(i++, d.source());
        ps.setLong(i++, InstantMicros.toMicros(d.lastStartTime()));
        ps.setLong(i++, d.lastSessionId());
        ps.setString(i++, d.title());
        return bindCounters(ps, i, d);
    }

    private static int bindCounters(PreparedStatement ps, int i, PracticeRollups.Source d) throws SQLException {
        ps.setInt(i++, d.completedCount());
        ps.setInt(i++, d.abandonedCount());
        ps.setDouble(i++, d.coverageSum());
        ps.setDouble(i++, d.bestCoverage());
        ps.setLong(i++, d.ratingSum());
        ps.setLong(i++, d.durationMicros());
        return i;
    }

    private static int bindStep(PreparedStatement ps, int i, long userId, PracticeRollups.Step s) throws SQLException {
        ps.setLong(i++, userId);
        ps.setString(i++, s.source());
        ps.setString(i++, s.sourceStep());
        ps.setString(i++, s.phase());
        ps.setInt(i++, s.attemptCount());
        ps.setInt(i++, s.missedCount());
        ps.setLong(i++, InstantMicros.toMicros(s.lastEndTime()));
        ps.setLong(i++, s.lastSessionId());
        ps.setInt(i++, s.lastPosition());
        ps.setString(i++, s.title());
        return i;
    }

    private static void bindScope(PreparedStatement ps, long userId, String source) throws SQLException {
        ps.setLong(1, userId);
        ps.setString(2, source);
        ps.setString(3, source);
    }
}
