package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.time.Instant;

/** Time entries are write-once rows; plain SQL is all they need. */
final class TimeEntries {

    private TimeEntries() {}

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
