package dev.ascent.tracker.plan;

import dev.ascent.tracker.access.Names;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** DeletePlan: the plan, its items and their history; the deletion itself stays in the owner's activity. */
@Singleton
public class DeletePlan {

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final PlanLocks locks;
    private final ActivityLog activity;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public DeletePlan(PlanRepository plans, PlanItemRepository items, PlanLocks locks, ActivityLog activity,
                      JdbcOperations jdbc, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.locks = locks;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code etag} empty: deleted whatever the plan's version. */
    @Transactional
    public void delete(Caller caller, Names.PlanName name, String etag) {
        PlanLocks.Locked locked = locks.lock(caller, name, etag);
        long planId = locked.plan().id();
        PlanCleanup.deleteHistory(items, planId, locked.plan().userId(), jdbc, clock.instant());
        plans.deleteById(planId);
        activity.record(ActivityLog.Event.of(locked.plan().userId(), null, null, caller.userId(),
                ActivityType.PLAN_DELETED, "Deleted plan \"" + locked.plan().title() + "\"").withSubject(name.name()));
    }
}
