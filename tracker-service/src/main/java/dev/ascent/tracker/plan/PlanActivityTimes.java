package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.activity.PlanActivity;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Moves a plan's last-activity time when its history gains an event, in the same transaction. */
@Singleton
class PlanActivityTimes {

    private final JdbcOperations jdbc;

    PlanActivityTimes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void planActivity(PlanActivity e) {
        jdbc.prepareStatement("UPDATE plan SET last_activity_time = ? WHERE id = ?", ps -> {
            ps.setLong(1, InstantMicros.toMicros(e.time()));
            ps.setLong(2, e.planId());
            return ps.executeUpdate();
        });
    }
}
