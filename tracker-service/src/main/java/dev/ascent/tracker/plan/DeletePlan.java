package dev.ascent.tracker.plan;

import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** DeletePlan: the plan, its items and their history; the deletion itself stays in the owner's activity. */
@Singleton
public class DeletePlan {

    private final PlanRepository plans;
    private final PlanLocks locks;
    private final ActivityLog activity;
    private final PlanCleanup cleanup;

    public DeletePlan(PlanRepository plans, PlanLocks locks, ActivityLog activity, PlanCleanup cleanup) {
        this.plans = plans;
        this.locks = locks;
        this.activity = activity;
        this.cleanup = cleanup;
    }

    /** {@code etag} empty: deleted whatever the plan's version. */
    @Transactional
    public void delete(Caller caller, Names.PlanName name, String etag) {
        PlanLocks.Locked locked = locks.lock(caller, name, etag);
        long planId = locked.plan().id();
        cleanup.deleteHistory(planId, locked.plan().userId());
        plans.deleteById(planId);
        activity.record(ActivityLog.Event.of(
                        locked.plan().userId(),
                        null,
                        null,
                        caller.userId(),
                        ActivityType.PLAN_DELETED,
                        "Deleted plan \"" + locked.plan().title() + "\"")
                .withSubject(name.name()));
    }
}
