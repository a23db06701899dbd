package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A plan row by id, outside any transaction, read by column index. A repository's finder outside a transaction
 * opens one of its own (autocommit off, COMMIT, autocommit on: three round trips around one SELECT), and maps the
 * row through the naming strategy; GetPlan and the progress summary read a plan on every call (docs/PERFORMANCE.md,
 * third round).
 */
@Singleton
public class PlanReads {

    private static final String SELECT = "SELECT id, user_id, title, target_role, role_title, role_revision, "
            + "minutes_per_week, start_day, target_day, time_zone, skill_ratings, archived, logged_minutes, "
            + "last_activity_time, version, create_time, update_time FROM plan WHERE id = ?";

    private final JdbcOperations jdbc;

    PlanReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanRow> byId(long id) {
        return jdbc.prepareStatement(SELECT, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<PlanRow>empty();
            }
        });
    }

    private static PlanRow row(ResultSet rs) throws SQLException {
        int targetDay = rs.getInt(9);
        Integer target = rs.wasNull() ? null : targetDay;
        return new PlanRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                target,
                rs.getString(10),
                rs.getString(11),
                rs.getBoolean(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getInt(15),
                InstantMicros.fromMicros(rs.getLong(16)),
                InstantMicros.fromMicros(rs.getLong(17)));
    }
}
