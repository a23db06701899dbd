package dev.ascent.tracker.activity;

/**
 * Whether a plan exists and belongs to a user, for a stream filtered by plan. The plan feature, which sits above
 * activity, answers it.
 */
public interface PlanOwners {

    boolean isPlanOf(long planId, long ownerId);
}
