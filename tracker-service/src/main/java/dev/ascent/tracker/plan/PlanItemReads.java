package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's items in position order, read by column index. GetPlan, the progress summary and every plan write read
 * them; mapped by the repository, each row resolved its columns by name through the naming strategy, which was a
 * quarter of the tracker's profile under load (docs/PERFORMANCE.md, third round).
 */
@Singleton
public class PlanItemReads {

    private static final String COLUMNS = "id, user_id, plan_id, kind, title, description, source_content, "
            + "source_text, source_name, source_line, estimated_minutes, week, due_day, due_pinned, status, verified, "
            + "verified_by, position, notes, notes_private, logged_minutes, version, create_time, update_time, "
            + "complete_time";
    private static final String SELECT =
            "SELECT " + COLUMNS + " FROM plan_item WHERE user_id = ? AND plan_id = ? ORDER BY position";
    private final JdbcOperations jdbc;

    PlanItemReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The items of the plan in position order, in one query (by {@code ix_plan_item_plan}). */
    public List<PlanItemRow> inPlan(long userId, long planId) {
        return jdbc.prepareStatement(SELECT, ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, planId);
            List<PlanItemRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    static PlanItemRow row(ResultSet rs) throws SQLException {
        long completeMicros = rs.getLong(25);
        Instant completeTime = rs.wasNull() ? null : InstantMicros.fromMicros(completeMicros);
        return new PlanItemRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                rs.getInt(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getBoolean(14),
                ItemStatus.valueOf(rs.getString(15)),
                rs.getBoolean(16),
                rs.getString(17),
                rs.getInt(18),
                rs.getString(19),
                rs.getBoolean(20),
                rs.getLong(21),
                rs.getInt(22),
                InstantMicros.fromMicros(rs.getLong(23)),
                InstantMicros.fromMicros(rs.getLong(24)),
                completeTime);
    }
}
