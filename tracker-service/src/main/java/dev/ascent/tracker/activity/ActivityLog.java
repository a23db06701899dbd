package dev.ascent.tracker.activity;

import dev.ascent.common.db.BatchInserts;
import dev.ascent.common.db.InstantMicros;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Appends to the activity history, in the caller's transaction: an event exists exactly when the change it
 * describes was committed. An event naming a plan is published as {@link PlanActivity} (the plan feature moves the
 * plan's last-activity time); engineer actions also count in the day's rollup ({@code plan_day}, kept here).
 */
@Singleton
public class ActivityLog {

    /** One event. {@code planId}, {@code itemId} and {@code day} may be null; statuses "" when not a change. */
    public record Event(
            long ownerId,
            Long planId,
            Long itemId,
            long actorId,
            ActivityType type,
            String summary,
            String oldStatus,
            String newStatus,
            int minutes,
            Integer day,
            String subject) {

        public static Event of(
                long ownerId, Long planId, Long itemId, long actorId, ActivityType type, String summary) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, "", "", 0, null, "");
        }

        public Event withStatuses(String from, String to) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, from, to, minutes, day, subject);
        }

        public Event withMinutes(int value, int onDay) {
            return new Event(
                    ownerId, planId, itemId, actorId, type, summary, oldStatus, newStatus, value, onDay, subject);
        }

        public Event withSubject(String value) {
            return new Event(
                    ownerId, planId, itemId, actorId, type, summary, oldStatus, newStatus, minutes, day, value);
        }
    }

    private static final String INSERT = "INSERT INTO activity (user_id, plan_id, item_id, actor_id, type, summary, "
            + "old_status, new_status, minutes, on_day, subject, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher<PlanActivity> planActivity;

    public ActivityLog(JdbcOperations jdbc, Clock clock, ApplicationEventPublisher<PlanActivity> planActivity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.planActivity = planActivity;
    }

    public void record(Event e) {
        record(e, false);
    }

    /**
     * Records {@code e}; with {@code planTimeSet}, the caller has already set its plan's last activity time in one
     * of its own statements, so no {@link PlanActivity} is published for it.
     */
    public void record(Event e, boolean planTimeSet) {
        Instant now = clock.instant();
        long micros = InstantMicros.toMicros(now);
        BatchInserts.insert(jdbc, INSERT, List.of(e), (p, row) -> bind(p, row, micros));
        if (e.planId() != null && !planTimeSet) {
            planActivity.publishEvent(new PlanActivity(e.planId(), now));
        }
    }

    /**
     * Records {@code events} in one batch (one statement on MySQL); their writer has already set their plans' last
     * activity time, so no {@link PlanActivity} is published.
     */
    public void recordAll(List<Event> events) {
        long micros = InstantMicros.toMicros(clock.instant());
        BatchInserts.insert(jdbc, INSERT, events, (ps, e) -> bind(ps, e, micros));
    }

    private static void bind(BatchInserts.Parameters ps, Event e, long micros) throws SQLException {
        String summary = e.summary().length() > 500 ? e.summary().substring(0, 497) + "..." : e.summary();
        ps.setLong(1, e.ownerId());
        ps.setLong(2, e.planId(), Types.BIGINT);
        ps.setLong(3, e.itemId(), Types.BIGINT);
        ps.setLong(4, e.actorId());
        ps.setString(5, e.type().name());
        ps.setString(6, summary);
        ps.setString(7, e.oldStatus());
        ps.setString(8, e.newStatus());
        ps.setInt(9, e.minutes());
        ps.setInt(10, e.day(), Types.INTEGER);
        ps.setString(11, e.subject());
        ps.setLong(12, micros);
    }

    /** Removes a plan's history and day rollups (the plan is being deleted, under its lock). */
    public void deletePlanHistory(long ownerId, long planId) {
        for (String table : new String[] {"plan_day", "activity"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND plan_id = ?", ps -> {
                ps.setLong(1, ownerId);
                ps.setLong(2, planId);
                return ps.executeUpdate();
            });
        }
    }

    /** An engineer's actions on a day of a plan, and the minutes they logged: what {@link #countDays} adds. */
    public record DayCount(long ownerId, long planId, int day, long minutes, int actions) {}

    /** Counts an engineer's action (and minutes) on a day of a plan, for streaks and weekly hours. */
    public void countDay(long ownerId, long planId, int day, long minutes) {
        countDays(List.of(new DayCount(ownerId, planId, day, minutes, 1)));
    }

    /**
     * Adds to the days' rollups, creating the days not counted yet: one upsert (MySQL and H2 in MySQL mode share
     * {@code ON DUPLICATE KEY UPDATE}), in one batch.
     */
    public void countDays(List<DayCount> counts) {
        BatchInserts.insert(
                jdbc,
                "INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE minutes = minutes + VALUES(minutes), "
                        + "actions = actions + VALUES(actions)",
                counts,
                (ps, c) -> {
                    ps.setLong(1, c.ownerId());
                    ps.setLong(2, c.planId());
                    ps.setInt(3, c.day());
                    ps.setLong(4, c.minutes());
                    ps.setInt(5, c.actions());
                });
    }

    /** The day rollups of an imported plan: per day, its minutes and its number of actions; one batch. */
    public void importDays(long ownerId, long planId, Map<Integer, long[]> minutesAndActionsByDay) {
        BatchInserts.insert(
                jdbc,
                "INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) VALUES (?, ?, ?, ?, ?)",
                minutesAndActionsByDay.entrySet(),
                (ps, day) -> {
                    ps.setLong(1, ownerId);
                    ps.setLong(2, planId);
                    ps.setInt(3, day.getKey());
                    ps.setLong(4, day.getValue()[0]);
                    ps.setInt(5, (int) day.getValue()[1]);
                });
    }
}
