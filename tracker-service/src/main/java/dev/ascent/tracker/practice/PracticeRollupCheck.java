package dev.ascent.tracker.practice;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes a user's practice rollups ({@code practice_source_rollup}, {@code practice_step_rollup}) from their
 * sessions and steps with {@link PracticeRollups#of}, the definition the service's writes follow, and reports (and
 * optionally repairs) every difference. The caller runs {@link #checkSource} in one transaction per user and
 * source (a check without repair rolls it back): it first locks that source's rollup row (creating an empty one if
 * it is missing), then reads the raw rows at READ COMMITTED. A session write adds to that row last in its own transaction, so it either committed before the
 * lock (and the raw rows include it) or adds its delta after the repair commits: no write in flight is reported or
 * lost.
 *
 * <p>Drifts name the field {@code sources/{source}/<column>} or {@code sources/{source}/steps/{source step}/phases/{phase}/<column>}.
 * Coverage sums are floating point: they are reported in millionths of a percent and differ only beyond 10^-6
 * (the service adds in completion order, the recount in start order). A title that differs is reported as
 * stored 0, expected 1.
 */
@Singleton
public class PracticeRollupCheck {

    /** A rollup column that differs from its recount (see the class comment for the field names and units). */
    public record Drift(String field, long stored, long expected) {}

    private final JdbcOperations jdbc;
    private final PracticeRollupStore store;
    private final PracticeSessions sessions;
    private final PracticeSteps steps;

    public PracticeRollupCheck(
            JdbcOperations jdbc, PracticeRollupStore store, PracticeSessions sessions, PracticeSteps steps) {
        this.jdbc = jdbc;
        this.store = store;
        this.sessions = sessions;
        this.steps = steps;
    }

    /** The sources the user has sessions or rollups for, in order; runs in the caller's transaction. */
    public TreeSet<String> sources(long userId) {
        return jdbc.prepareStatement(
                "SELECT source FROM practice_session "
                        + "WHERE user_id = ? UNION SELECT source FROM practice_source_rollup WHERE user_id = ? "
                        + "UNION SELECT source FROM practice_step_rollup WHERE user_id = ?",
                ps -> {
                    for (int i = 1; i <= 3; i++) {
                        ps.setLong(i, userId);
                    }
                    TreeSet<String> out = new TreeSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
    }

    /** Locks the user's rollup row for the source and compares (and optionally replaces) the rollups. */
    public List<Drift> checkSource(long userId, String source, boolean repair) {
        store.lock(userId, source);
        PracticeRollups.All expected =
                PracticeRollups.of(sessions.allForUser(userId, source), steps.completedSteps(userId, source));
        PracticeRollups.All stored = store.read(userId, source);
        String prefix = "sources/" + source + "/";
        List<Drift> drifts = new ArrayList<>();
        PracticeRollups.Source want = expected.sources().isEmpty()
                ? PracticeRollups.empty(source)
                : expected.sources().get(0);
        compare(drifts, prefix, fields(stored.sources().get(0)), fields(want));

        Map<String, PracticeRollups.Step> have = new TreeMap<>();
        stored.steps().forEach(s -> have.put(key(s), s));
        Map<String, PracticeRollups.Step> should = new TreeMap<>();
        expected.steps().forEach(s -> should.put(key(s), s));
        TreeSet<String> keys = new TreeSet<>(have.keySet());
        keys.addAll(should.keySet());
        for (String key : keys) {
            compare(drifts, prefix + key, fields(have.get(key)), fields(should.get(key)));
        }
        if (repair && !drifts.isEmpty()) {
            store.replace(userId, source, expected.sources().isEmpty() ? null : want, expected.steps());
        } else if (repair && expected.sources().isEmpty()) {
            store.replace(userId, source, null, List.of()); // the empty row lock() made
        }
        return drifts;
    }

    private static String key(PracticeRollups.Step s) {
        return "steps/" + s.sourceStep() + "/phases/" + s.phase() + "/";
    }

    /** Column name to {value, comparable form}; doubles in millionths, titles as text. */
    private static Map<String, Object> fields(PracticeRollups.Source s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("last_start_time", InstantMicros.toMicros(s.lastStartTime()));
        out.put("last_session_id", s.lastSessionId());
        out.put("title", s.title());
        out.put("completed_count", (long) s.completedCount());
        out.put("abandoned_count", (long) s.abandonedCount());
        out.put("coverage_sum", s.coverageSum());
        out.put("best_coverage", s.bestCoverage());
        out.put("rating_sum", s.ratingSum());
        out.put("duration_micros", s.durationMicros());
        return out;
    }

    private static Map<String, Object> fields(PracticeRollups.Step s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attempt_count", s == null ? 0L : (long) s.attemptCount());
        out.put("missed_count", s == null ? 0L : (long) s.missedCount());
        out.put("last_end_time", s == null ? 0L : InstantMicros.toMicros(s.lastEndTime()));
        out.put("last_session_id", s == null ? 0L : s.lastSessionId());
        out.put("last_position", s == null ? 0L : (long) s.lastPosition());
        out.put("title", s == null ? "" : s.title());
        return out;
    }

    private static void compare(
            List<Drift> drifts, String prefix, Map<String, Object> stored, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object have = stored.get(e.getKey());
            Object want = e.getValue();
            if (want instanceof Double w) {
                double h = (Double) have;
                if (Math.abs(h - w) > 1e-6 * Math.max(1, Math.abs(w))) {
                    drifts.add(new Drift(prefix + e.getKey(), Math.round(h * 1e6), Math.round(w * 1e6)));
                }
            } else if (want instanceof String) {
                if (!Objects.equals(have, want)) {
                    drifts.add(new Drift(prefix + e.getKey(), 0, 1));
                }
            } else if (!Objects.equals(have, want)) {
                drifts.add(new Drift(prefix + e.getKey(), (Long) have, (Long) want));
            }
        }
    }
}
