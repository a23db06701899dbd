package dev.ascent.tracker.activity;

import static dev.ascent.common.db.SqlLongs.rows;
import static dev.ascent.common.db.SqlLongs.update;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks (and optionally repairs) a plan's day rollups ({@code plan_day.minutes}, which {@link ActivityLog#countDay}
 * keeps) against the minutes its time entries hold per day. For the admin consistency check; runs in the caller's
 * transaction, under the plan's row lock. {@code plan_day.actions} is not checked: status changes count there on
 * the day they happened in the plan's time zone, which the history does not record exactly.
 */
@Singleton
public class PlanDayCounters {

    /** A day whose stored minutes differ from its time entries' (a missing row counts as 0). */
    public record Drift(int day, long stored, long expected) {}

    private final JdbcOperations jdbc;

    public PlanDayCounters(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Compares the plan's days with {@code expected} (per day: {minutes, number of time entries}), in day order; a
     * repair sets the minutes, or adds the missing day with the entries as its actions.
     */
    public List<Drift> check(long ownerId, long planId, Map<Integer, long[]> expected, boolean repair) {
        Map<Integer, Long> stored = new TreeMap<>();
        rows(jdbc, "SELECT on_day, minutes FROM plan_day WHERE plan_id = ?", 2, planId)
                .forEach(r -> stored.put(Math.toIntExact(r[0]), r[1]));
        Map<Integer, Long> days = new TreeMap<>(stored);
        expected.keySet().forEach(d -> days.putIfAbsent(d, null));
        List<Drift> drifts = new ArrayList<>();
        for (Map.Entry<Integer, Long> day : days.entrySet()) {
            long want = expected.containsKey(day.getKey()) ? expected.get(day.getKey())[0] : 0;
            long have = day.getValue() == null ? 0 : day.getValue();
            if (want == have) {
                continue;
            }
            drifts.add(new Drift(day.getKey(), have, want));
            if (!repair) {
                continue;
            }
            if (day.getValue() == null) {
                update(
                        jdbc,
                        "INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) VALUES (?, ?, ?, ?, ?)",
                        ownerId,
                        planId,
                        day.getKey(),
                        want,
                        expected.get(day.getKey())[1]);
            } else {
                update(
                        jdbc,
                        "UPDATE plan_day SET minutes = ? WHERE plan_id = ? AND on_day = ?",
                        want,
                        planId,
                        day.getKey());
            }
        }
        return drifts;
    }
}
