package dev.ascent.tracker.plan;

import dev.ascent.tracker.grpc.Days;
import java.util.Locale;

/** The plain-words schedule line of a plan: when it ends at the planned pace, and whether the target date holds. */
public final class ScheduleNotes {

    /** More than this many hours of study a week, on top of a job, is not a plan anyone keeps. */
    public static final double REALISTIC_HOURS_PER_WEEK = 40;

    private ScheduleNotes() {}

    public static String of(PlanView view) {
        PlanRow plan = view.plan();
        double hours = plan.minutesPerWeek() / 60.0;
        String end = Days.format(view.scheduledEndDay());
        int weeks = Scheduler.weekOf(plan.startDay(), view.scheduledEndDay());
        if (view.openMinutes() == 0) {
            return "Every item is done or skipped.";
        }
        String pace = String.format(
                Locale.ROOT, "At %s h a week the open items take until %s (week %d).", hours(hours), end, weeks);
        if (plan.targetDay() == null) {
            return pace;
        }
        String target = Days.format(plan.targetDay());
        if (plan.targetDay() < view.today()) {
            return "The target date " + target + " has passed. " + pace;
        }
        double required = view.requiredHoursPerWeek();
        if (view.targetUnrealistic()) {
            return String.format(
                    Locale.ROOT,
                    "Finishing by %s would need %s, which is not realistic; "
                            + "move the target date or skip items. %s",
                    target,
                    Double.isInfinite(required) || required == 0
                            ? "more time than the weeks left hold"
                            : hours(required) + " h a week",
                    pace);
        }
        // The verdict follows the schedule itself, so the note never calls a plan that ends after its target "set".
        if (view.scheduledEndDay() <= plan.targetDay()) {
            return String.format(
                    Locale.ROOT,
                    "Finishing by %s needs %s h a week; you plan %s h, so you are set. %s",
                    target,
                    hours(required),
                    hours(hours),
                    pace);
        }
        if (required > hours) {
            return String.format(
                    Locale.ROOT,
                    "Finishing by %s needs %s h a week but you plan %s h: add %s h a week "
                            + "or move the target date to %s.",
                    target,
                    hours(required),
                    hours(hours),
                    hours(required - hours),
                    end);
        }
        return String.format(
                Locale.ROOT,
                "Finishing by %s needs %s h a week, which you plan, but items with due "
                        + "dates you set run until %s: move them or the target date.",
                target,
                hours(required),
                end);
    }

    private static String hours(double h) {
        return h == Math.rint(h)
                ? Long.toString((long) h)
                : String.format(Locale.ROOT, "%.2f", h).replaceAll("0+$", "");
    }
}
