package dev.ascent.tracker.plan;

/**
 * What says whether a kept read of a plan is still current: its version (moved by every write to the plan, its
 * items, day rollups and its items' open review requests) and its last activity time (moved by its history), with
 * its owner and time zone, read by primary key in one narrow query ({@link Plans#stamp}).
 */
public record PlanStamp(long planId, long userId, int version, long lastActivityTime, String timeZone) {

    public static PlanStamp of(PlanRow plan) {
        return new PlanStamp(plan.id(), plan.userId(), plan.version(), plan.lastActivityTime(), plan.timeZone());
    }
}
