package dev.ascent.tracker.plan;

import dev.ascent.tracker.grpc.Days;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link Scheduler}'s weeks and due days to the open, unpinned items from the current plan week on,
 * after anything that changes how much is left or how fast it goes (hours a week, target date, estimates, status,
 * order, a new item).
 */
@Singleton
public class Rescheduler {

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final PlanLocks locks;
    private final Clock clock;

    public Rescheduler(PlanRepository plans, PlanItemRepository items, PlanLocks locks, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Reschedules the plan's open, unpinned items after a change made outside this package (a review decision
     * moving an item's status), as {@link UpdatePlanItem} does for its own status changes, and moves the plan's etag.
     * Runs in the caller's transaction, which must already hold the plan's lock.
     */
    public void rescheduleOpenItems(long planId) {
        PlanRow plan = plans.findById(planId).orElseThrow();
        Instant now = clock.instant();
        reschedule(plan, items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), planId), now);
        locks.touch(plan, now);
    }

    /** The rows in the same order, rescheduled; only rows whose week or due day moves are written. */
    List<PlanItemRow> reschedule(PlanRow plan, List<PlanItemRow> rows, Instant now) {
        int fromWeek = Scheduler.weekOf(plan.startDay(), Days.today(clock, plan.timeZone()));
        List<Scheduler.Assignment> schedule = Scheduler.schedule(
                rows.stream()
                        .map(r -> new Scheduler.Slot(r.estimatedMinutes(), !r.open() || r.duePinned()))
                        .toList(),
                plan.minutesPerWeek(),
                plan.startDay(),
                fromWeek);
        List<PlanItemRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanItemRow r = rows.get(i);
            Scheduler.Assignment a = schedule.get(i);
            if (a == null || (a.week() == r.week() && a.dueDay() == r.dueDay())) {
                out.add(r);
            } else {
                out.add(items.update(r.toBuilder()
                        .schedule(a.week(), a.dueDay())
                        .updateTime(now)
                        .build()));
            }
        }
        return out;
    }
}
