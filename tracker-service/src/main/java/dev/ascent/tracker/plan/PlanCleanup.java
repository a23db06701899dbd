package dev.ascent.tracker.plan;

import dev.ascent.tracker.activity.ActivityLog;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Removes everything that belongs to a plan before the plan row itself: its time entries here, its history
 * through the activity feature, and, through {@link PlanDeleted}, what features above plan keep about it.
 */
@Singleton
class PlanCleanup {

    private final PlanItemRepository items;
    private final ActivityLog activity;
    private final ApplicationEventPublisher<PlanDeleted> deleted;
    private final JdbcOperations jdbc;
    private final Clock clock;

    PlanCleanup(
            PlanItemRepository items,
            ActivityLog activity,
            ApplicationEventPublisher<PlanDeleted> deleted,
            JdbcOperations jdbc,
            Clock clock) {
        this.items = items;
        this.activity = activity;
        this.deleted = deleted;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void deleteHistory(long planId, long userId) {
        jdbc.prepareStatement("DELETE FROM time_entry WHERE user_id = ? AND plan_id = ?", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, planId);
            return ps.executeUpdate();
        });
        activity.deletePlanHistory(userId, planId);
        deleted.publishEvent(new PlanDeleted(userId, planId, clock.instant()));
        items.deleteByUserIdAndPlanId(userId, planId);
    }
}
