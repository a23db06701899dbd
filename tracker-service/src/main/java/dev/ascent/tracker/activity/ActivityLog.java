package dev.ascent.tracker.activity;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;

/**
 * Appends to the activity history, in the caller's transaction: an event exists exactly when the change it
 * describes was committed. Also bumps the plan's last-activity time and, for engineer actions, the day's rollup.
 */
@Singleton
public class ActivityLog {

    /** One event. {@code planId}, {@code itemId} and {@code day} may be null; statuses "" when not a change. */
    public record Event(long ownerId, Long planId, Long itemId, long actorId, ActivityType type, String summary,
                        String oldStatus, String newStatus, int minutes, Integer day, String subject) {

        public static Event of(long ownerId, Long planId, Long itemId, long actorId, ActivityType type,
                               String summary) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, "", "", 0, null, "");
        }

        public Event withStatuses(String from, String to) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, from, to, minutes, day, subject);
        }

        public Event withMinutes(int value, int onDay) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, oldStatus, newStatus, value, onDay,
                    subject);
        }

        public Event withSubject(String value) {
            return new Event(ownerId, planId, itemId, actorId, type, summary, oldStatus, newStatus, minutes, day,
                    value);
        }
    }

    private final JdbcOperations jdbc;
    private final Clock clock;

    public ActivityLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Event e) {
        Instant now = clock.instant();
        long micros = InstantMicros.toMicros(now);
        String summary = e.summary().length() > 500 ? e.summary().substring(0, 497) + "..." : e.summary();
        jdbc.prepareStatement("INSERT INTO activity (user_id, plan_id, item_id, actor_id, type, summary, old_status, "
                + "new_status, minutes, on_day, subject, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, e.ownerId());
                    setNullable(ps, 2, e.planId());
                    setNullable(ps, 3, e.itemId());
                    ps.setLong(4, e.actorId());
                    ps.setString(5, e.type().name());
                    ps.setString(6, summary);
                    ps.setString(7, e.oldStatus());
                    ps.setString(8, e.newStatus());
                    ps.setInt(9, e.minutes());
                    if (e.day() == null) {
                        ps.setNull(10, Types.INTEGER);
                    } else {
                        ps.setInt(10, e.day());
                    }
                    ps.setString(11, e.subject());
                    ps.setLong(12, micros);
                    return ps.executeUpdate();
                });
        if (e.planId() != null) {
            jdbc.prepareStatement("UPDATE plan SET last_activity_time = ? WHERE id = ?", ps -> {
                ps.setLong(1, micros);
                ps.setLong(2, e.planId());
                return ps.executeUpdate();
            });
        }
    }

    /**
     * Counts an engineer's action (and minutes) on a day of a plan, for streaks and weekly hours. The update-then-
     * insert keeps it to plain SQL that MySQL and H2 share; the plan row is already locked by the caller's write, so
     * two writers cannot both insert the same day.
     */
    public void countDay(long ownerId, long planId, int day, long minutes) {
        int updated = jdbc.prepareStatement("UPDATE plan_day SET minutes = minutes + ?, actions = actions + 1 "
                + "WHERE plan_id = ? AND on_day = ?", ps -> {
                    ps.setLong(1, minutes);
                    ps.setLong(2, planId);
                    ps.setInt(3, day);
                    return ps.executeUpdate();
                });
        if (updated == 0) {
            jdbc.prepareStatement("INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) VALUES (?, ?, ?, ?, 1)",
                    ps -> {
                        ps.setLong(1, ownerId);
                        ps.setLong(2, planId);
                        ps.setInt(3, day);
                        ps.setLong(4, minutes);
                        return ps.executeUpdate();
                    });
        }
    }

    private static void setNullable(java.sql.PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
