package dev.ascent.tracker.activity;

import dev.ascent.common.db.BoundedCount;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the activity history by sequence (keyset pagination: stable while new events arrive). */
@Connectable
@Singleton
public class ActivityQueries {

    static final String SELECT = "SELECT a.seq, a.user_id, o.handle, a.plan_id, a.item_id, c.handle, a.type, "
            + "a.summary, a.old_status, a.new_status, a.minutes, a.on_day, a.subject, a.create_time FROM activity a "
            + "JOIN app_user o ON o.id = a.user_id JOIN app_user c ON c.id = a.actor_id ";

    /** Where {@link #countPlanHistory} stops counting (ListActivityResponse.total_size documents it). */
    public static final int MAX_COUNTED = BoundedCount.MAX;

    private final JdbcOperations jdbc;

    public ActivityQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan's events with a sequence below {@code beforeSeq}, newest first. */
    public List<ActivityRow> planHistory(long ownerId, long planId, long beforeSeq, int limit) {
        return jdbc.prepareStatement(
                SELECT + "WHERE a.user_id = ? AND a.plan_id = ? AND a.seq < ? " + "ORDER BY a.seq DESC LIMIT ?", ps -> {
                    ps.setLong(1, ownerId);
                    ps.setLong(2, planId);
                    ps.setLong(3, beforeSeq);
                    ps.setInt(4, limit);
                    return read(ps.executeQuery());
                });
    }

    /** A plan's events in all, counted up to {@link #MAX_COUNTED}: a bounded walk of the (user, plan) index. */
    public int countPlanHistory(long ownerId, long planId) {
        return BoundedCount.of(jdbc, "SELECT 1 FROM activity WHERE user_id = ? AND plan_id = ?", ps -> {
            ps.setLong(1, ownerId);
            ps.setLong(2, planId);
            return 3;
        });
    }

    static List<ActivityRow> read(ResultSet rs) throws SQLException {
        List<ActivityRow> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                long plan = rs.getLong(4);
                Long planId = rs.wasNull() ? null : plan;
                long item = rs.getLong(5);
                Long itemId = rs.wasNull() ? null : item;
                int day = rs.getInt(12);
                Integer dayValue = rs.wasNull() ? null : day;
                out.add(new ActivityRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        planId,
                        itemId,
                        rs.getString(6),
                        ActivityType.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getInt(11),
                        dayValue,
                        rs.getString(13),
                        rs.getLong(14)));
            }
        }
        return out;
    }
}
