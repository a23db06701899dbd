package dev.ascent.tracker.plan;

/**
 * How big a plan and its parts may get: checked on every request by {@code PlanRequests} (and the importer), relied
 * on by the use cases.
 */
public final class PlanLimits {

    public static final int MAX_NOTES = 4000;
    /** Items per plan: keeps a whole plan (GetPlan, and the stored response of a retried write) a few MB at most. */
    public static final int MAX_ITEMS = 200;
    /** Minutes one item may have logged on one day, in all of its time entries: a day has no more. */
    public static final int MAX_MINUTES_PER_ITEM_DAY = 24 * 60;

    public static final int MAX_TITLE = 300;
    public static final int MAX_PLAN_TITLE = 200;
    public static final int MAX_ESTIMATE_MINUTES = 100 * 60;
    public static final double MAX_HOURS_PER_WEEK = 80;
    /** Half an hour a week: anything smaller rounds towards no time at all and leaves nothing to schedule by. */
    public static final double MIN_HOURS_PER_WEEK = 0.5;

    public static final int MAX_SKILL_RATINGS = 100;

    private PlanLimits() {}
}
