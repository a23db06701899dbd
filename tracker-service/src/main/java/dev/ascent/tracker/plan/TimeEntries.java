package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.time.Instant;

/** Time entries are write-once rows; plain SQL is all they need. */
final class TimeEntries {

    private TimeEntries() {}

    /** Minutes logged on {@code item} on {@code day}, over all its entries (by {@code ix_time_entry_day}). */
    static int minutesOn(JdbcOperations jdbc, PlanItemRow item, int day) {
        return jdbc.prepareStatement(
                "SELECT COALESCE(SUM(minutes), 0) FROM time_entry WHERE user_id = ? "
                        + "AND plan_id = ? AND item_id = ? AND entry_day = ?",
                ps -> {
                    ps.setLong(1, item.userId());
                    ps.setLong(2, item.planId());
                    ps.setLong(3, item.id());
                    ps.setInt(4, day);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                });
    }

    static void insert(JdbcOperations jdbc, long id, PlanItemRow item, int minutes, int day, String note, Instant now) {
        jdbc.prepareStatement(
                "INSERT INTO time_entry (id, user_id, plan_id, item_id, minutes, entry_day, note, create_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, item.userId());
                    ps.setLong(3, item.planId());
                    ps.setLong(4, item.id());
                    ps.setInt(5, minutes);
                    ps.setInt(6, day);
                    ps.setString(7, note);
                    ps.setLong(8, InstantMicros.toMicros(now));
                    return ps.executeUpdate();
                });
    }
}
