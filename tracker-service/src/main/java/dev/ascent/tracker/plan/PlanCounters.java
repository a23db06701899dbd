package dev.ascent.tracker.plan;

import static dev.ascent.common.db.SqlLongs.rows;
import static dev.ascent.common.db.SqlLongs.update;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks (and optionally repairs) the counters a plan keeps beside its time entries: each item's
 * {@code logged_minutes} (the sum of its entries), each item's day counter ({@code logged_day_minutes}: the sum of
 * its entries on {@code logged_day}, when that is set), item positions (0..n-1 in stored order, no gap or duplicate)
 * and the plan's {@code logged_minutes} (all its entries, including those of items that no longer exist). For the admin
 * consistency check; runs in the caller's transaction, which must be a write.
 */
@Singleton
public class PlanCounters {

    /** A counter that differs from its raw rows: on an item ({@code itemId}), or on the plan when that is null. */
    public record Drift(Long itemId, String field, long stored, long expected) {}

    private final JdbcOperations jdbc;
    private final Clock clock;

    public PlanCounters(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the plan's row, as every plan write does, and compares its counters with its rows: items in stored
     * order (logged minutes, then position), then the plan's total. Empty when the plan no longer exists. A repair
     * does not move the plan's version: call {@link #repaired} once the whole plan is repaired.
     */
    public Optional<List<Drift>> check(long planId, boolean repair) {
        List<long[]> planRow = rows(jdbc, "SELECT logged_minutes FROM plan WHERE id = ? FOR UPDATE", 1, planId);
        if (planRow.isEmpty()) {
            return Optional.empty(); // deleted since the page was read
        }
        List<Drift> drifts = new ArrayList<>();
        // id, position, logged_minutes, sum of time entries, day counter (-1: none), its day's sum; in stored order
        List<long[]> items = rows(
                jdbc,
                "SELECT i.id, i.position, i.logged_minutes, COALESCE((SELECT SUM(t.minutes) "
                        + "FROM time_entry t WHERE t.item_id = i.id AND t.plan_id = i.plan_id), 0), "
                        + "CASE WHEN i.logged_day IS NULL THEN -1 ELSE i.logged_day_minutes END, "
                        + "COALESCE((SELECT SUM(t.minutes) FROM time_entry t WHERE t.user_id = i.user_id "
                        + "AND t.plan_id = i.plan_id AND t.item_id = i.id AND t.entry_day = i.logged_day), 0) "
                        + "FROM plan_item i WHERE i.plan_id = ? ORDER BY i.position, i.id",
                6,
                planId);
        long total = 0;
        for (int index = 0; index < items.size(); index++) {
            long[] item = items.get(index);
            total += item[3];
            if (item[2] != item[3]) {
                drifts.add(new Drift(item[0], "logged_minutes", item[2], item[3]));
                if (repair) {
                    update(
                            jdbc,
                            "UPDATE plan_item SET logged_minutes = ?, version = version + 1 WHERE id = ?",
                            item[3],
                            item[0]);
                }
            }
            if (item[4] >= 0 && item[4] != item[5]) {
                // Read by LogTime for the day's cap; not shown to clients, so no version moves.
                drifts.add(new Drift(item[0], "logged_day_minutes", item[4], item[5]));
                if (repair) {
                    update(jdbc, "UPDATE plan_item SET logged_day_minutes = ? WHERE id = ?", item[5], item[0]);
                }
            }
            if (item[1] != index) {
                drifts.add(new Drift(item[0], "position", item[1], index));
                if (repair) {
                    update(
                            jdbc,
                            "UPDATE plan_item SET position = ?, version = version + 1 WHERE id = ?",
                            index,
                            item[0]);
                }
            }
        }
        // Time entries of items that no longer exist still count towards the plan, as they did when logged.
        total += rows(
                        jdbc,
                        "SELECT COALESCE(SUM(t.minutes), 0) FROM time_entry t WHERE t.plan_id = ? AND NOT EXISTS "
                                + "(SELECT 1 FROM plan_item i WHERE i.id = t.item_id AND i.plan_id = t.plan_id)",
                        1,
                        planId)
                .get(0)[0];
        if (planRow.get(0)[0] != total) {
            drifts.add(new Drift(null, "logged_minutes", planRow.get(0)[0], total));
            if (repair) {
                update(jdbc, "UPDATE plan SET logged_minutes = ? WHERE id = ?", total, planId);
            }
        }
        return Optional.of(drifts);
    }

    /** Per day of the plan's time entries: {minutes, number of entries}, in day order. */
    public Map<Integer, long[]> entryDays(long planId) {
        Map<Integer, long[]> out = new TreeMap<>();
        rows(
                        jdbc,
                        "SELECT entry_day, SUM(minutes), COUNT(*) FROM time_entry WHERE plan_id = ? GROUP BY entry_day",
                        3,
                        planId)
                .forEach(r -> out.put(Math.toIntExact(r[0]), new long[] {r[1], r[2]}));
        return out;
    }

    /** Moves the plan's version and update time after a repair, so clients' etags go stale. */
    public void repaired(long planId) {
        update(
                jdbc,
                "UPDATE plan SET version = version + 1, update_time = ? WHERE id = ?",
                InstantMicros.toMicros(clock.instant()),
                planId);
    }
}
