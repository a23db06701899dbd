package dev.ascent.tracker.plan;

import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Days;
import java.time.Clock;
import java.util.List;

/**
 * A plan with its items as a reader sees it, for the day {@code today} in the plan's time zone. A mentor's view
 * ({@code ownerView} false) never carries private notes.
 */
public record PlanView(PlanRow plan, String ownerHandle, List<PlanItemRow> items, int today, boolean ownerView) {

    /** The plan as {@code caller} sees it today, in the plan's time zone. */
    public static PlanView of(PlanRow plan, UserRow owner, Caller caller, List<PlanItemRow> items, Clock clock) {
        return new PlanView(
                plan, owner.handle(), items, Days.today(clock, plan.timeZone()), owner.id() == caller.userId());
    }

    public String name() {
        return "users/" + ownerHandle + "/plans/" + plan.id();
    }

    public long openMinutes() {
        return items.stream()
                .filter(PlanItemRow::open)
                .mapToLong(PlanItemRow::estimatedMinutes)
                .sum();
    }

    public long totalMinutes() {
        return items.stream().mapToLong(PlanItemRow::estimatedMinutes).sum();
    }

    /** The last due day of any item; the plan's start when it has none. */
    public int scheduledEndDay() {
        return items.stream().mapToInt(PlanItemRow::dueDay).max().orElse(plan.startDay());
    }

    /** Hours a week needed to finish the open items by the target date; 0 without one. */
    public double requiredHoursPerWeek() {
        if (plan.targetDay() == null) {
            return 0;
        }
        double h = Scheduler.requiredHoursPerWeek(
                openMinutes(), plan.startDay(), Math.max(today, plan.startDay()), plan.targetDay());
        return Double.isInfinite(h) ? 0 : h;
    }

    public boolean targetUnrealistic() {
        if (plan.targetDay() == null || openMinutes() == 0) {
            return false;
        }
        double h = Scheduler.requiredHoursPerWeek(
                openMinutes(), plan.startDay(), Math.max(today, plan.startDay()), plan.targetDay());
        return Double.isInfinite(h) || h > ScheduleNotes.REALISTIC_HOURS_PER_WEEK;
    }
}
