package dev.ascent.tracker.plan;

import dev.ascent.common.db.BatchInserts;
import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.time.Instant;
import java.util.Collection;

/** Time entries are write-once rows; plain SQL is all they need. */
public final class TimeEntries {

    /** A time entry to insert: {@code minutes} on {@code item} on {@code day}. */
    public record NewEntry(long id, PlanItemRow item, int minutes, int day, String note, Instant created) {}

    private TimeEntries() {}

    /** Inserts {@code entries} in one batch. */
    static void insertAll(JdbcOperations jdbc, Collection<NewEntry> entries) {
        BatchInserts.insert(
                jdbc,
                "INSERT INTO time_entry (id, user_id, plan_id, item_id, minutes, entry_day, note, create_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                (ps, e) -> {
                    ps.setLong(1, e.id());
                    ps.setLong(2, e.item().userId());
                    ps.setLong(3, e.item().planId());
                    ps.setLong(4, e.item().id());
                    ps.setInt(5, e.minutes());
                    ps.setInt(6, e.day());
                    ps.setString(7, e.note());
                    ps.setLong(8, InstantMicros.toMicros(e.created()));
                });
    }
}
