package dev.ascent.tracker.plan;

/** Etags are the row version: every write to a plan (or one of its items) bumps the plan's. */
public final class PlanEtags {

    private PlanEtags() {}

    public static String of(PlanRow plan) {
        return "p" + plan.version();
    }
}
