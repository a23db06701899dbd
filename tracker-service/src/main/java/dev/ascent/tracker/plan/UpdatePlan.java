package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** UpdatePlan: title, hours a week, target date, archived; a new pace or target date reschedules the open items. */
@Singleton
public class UpdatePlan {

    /** Only the fields named in {@code mask} are applied; {@code targetDay} null with "target_date" clears it. */
    public record Command(
            Set<String> mask, String title, double hoursPerWeek, Integer targetDay, boolean archived, String etag) {
        public Command {
            mask = Set.copyOf(mask);
            Objects.requireNonNull(etag, "etag");
            if (mask.contains("title") && title.isBlank()) {
                throw new IllegalArgumentException("a title to set must not be blank");
            }
        }
    }

    private final PlanRepository plans;
    private final PlanLocks locks;
    private final Rescheduler rescheduler;
    private final ActivityLog activity;
    private final Clock clock;

    public UpdatePlan(
            PlanRepository plans, PlanLocks locks, Rescheduler rescheduler, ActivityLog activity, Clock clock) {
        this.plans = plans;
        this.locks = locks;
        this.rescheduler = rescheduler;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public PlanView update(Caller caller, Names.PlanName name, Command command) {
        PlanLocks.Locked locked = locks.lock(caller, name, command.etag());
        PlanRow p = locked.plan();
        String title = command.mask().contains("title") ? command.title().strip() : p.title();
        int minutes = command.mask().contains("hours_per_week")
                ? (int) Math.round(command.hoursPerWeek() * 60)
                : p.minutesPerWeek();
        Integer target = command.mask().contains("target_date") ? command.targetDay() : p.targetDay();
        if (target != null && target <= p.startDay()) {
            throw ApiException.invalid("plan.target_date", "must be after the start date " + Days.format(p.startDay()));
        }
        boolean archived = command.mask().contains("archived") ? command.archived() : p.archived();
        Instant now = clock.instant();
        PlanRow updated = plans.update(p.toBuilder()
                .title(title)
                .minutesPerWeek(minutes)
                .targetDay(target)
                .archived(archived)
                .updateTime(now)
                .build());
        List<PlanItemRow> rows = locked.items();
        if (minutes != p.minutesPerWeek() || !Objects.equals(target, p.targetDay())) {
            rows = rescheduler.reschedule(updated, rows, now);
        }
        activity.record(ActivityLog.Event.of(
                p.userId(),
                p.id(),
                null,
                caller.userId(),
                ActivityType.PLAN_UPDATED,
                "Updated the plan: " + String.join(", ", new TreeSet<>(command.mask()))));
        return PlanView.of(plans.findById(p.id()).orElseThrow(), locked.owner(), caller, rows, clock);
    }
}
