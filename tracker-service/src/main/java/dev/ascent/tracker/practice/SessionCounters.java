package dev.ascent.tracker.practice;

import static dev.ascent.common.db.SqlLongs.rows;
import static dev.ascent.common.db.SqlLongs.update;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks (and optionally repairs) a practice session's {@code step_count} and {@code checked_count} against its
 * steps. For the admin consistency check; runs in the caller's transaction, which must be a write.
 */
@Singleton
public class SessionCounters {

    /** A counter ({@code step_count} or {@code checked_count}) that differs from the session's steps. */
    public record Drift(String field, long stored, long expected) {}

    private final JdbcOperations jdbc;
    private final Clock clock;

    public SessionCounters(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the session's row, as every session write does, and compares its counters with its steps; a repair sets
     * both and moves the session's version. Empty when the session no longer exists or nothing drifted.
     */
    public List<Drift> check(long sessionId, boolean repair) {
        List<long[]> row = rows(
                jdbc, "SELECT step_count, checked_count FROM practice_session WHERE id = ? FOR UPDATE", 2, sessionId);
        if (row.isEmpty()) {
            return List.of();
        }
        long[] counts = rows(
                        jdbc,
                        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN checked THEN 1 ELSE 0 END), 0) "
                                + "FROM practice_step WHERE session_id = ?",
                        2,
                        sessionId)
                .get(0);
        List<Drift> drifts = new ArrayList<>();
        if (row.get(0)[0] != counts[0]) {
            drifts.add(new Drift("step_count", row.get(0)[0], counts[0]));
        }
        if (row.get(0)[1] != counts[1]) {
            drifts.add(new Drift("checked_count", row.get(0)[1], counts[1]));
        }
        if (repair && !drifts.isEmpty()) {
            update(
                    jdbc,
                    "UPDATE practice_session SET step_count = ?, checked_count = ?, version = version + 1, "
                            + "update_time = ? WHERE id = ?",
                    counts[0],
                    counts[1],
                    InstantMicros.toMicros(clock.instant()),
                    sessionId);
        }
        return drifts;
    }
}
