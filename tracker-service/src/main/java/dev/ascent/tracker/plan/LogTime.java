package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.ErrorKind;
import dev.ascent.common.error.FieldViolation;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** LogTime: minutes spent on an item on a day (today by default); a TODO item moves to IN_PROGRESS. */
@Singleton
public class LogTime {

    /** {@code day} null means today in the plan's time zone. */
    public record Command(int minutes, Integer day, String note) {
        public Command {
            Objects.requireNonNull(note, "note");
            if (minutes < 1 || minutes > PlanLimits.MAX_MINUTES_PER_ITEM_DAY) {
                throw new IllegalArgumentException("minutes out of range: " + minutes);
            }
        }
    }

    /** The new time entry and the item after it. */
    public record Logged(long entryId, int minutes, int day, String note, Instant createTime, PlanItemRow item) {}

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final PlanLocks locks;
    private final PlanItemReads itemReads;
    private final ActivityLog activity;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public LogTime(
            PlanRepository plans,
            PlanItemRepository items,
            PlanLocks locks,
            PlanItemReads itemReads,
            ActivityLog activity,
            JdbcOperations jdbc,
            Clock clock) {
        this.plans = plans;
        this.items = items;
        this.locks = locks;
        this.itemReads = itemReads;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Logged log(Caller caller, Names.ItemName name, Command command) {
        PlanRow plan = locks.lockPlan(caller, name.plan()).requireActive().plan();
        int today = Days.today(clock, plan.timeZone());
        int day = command.day() == null ? today : command.day();
        if (day > today) {
            throw ApiException.invalid("day", "must not be in the future (today is " + Days.format(today) + ")");
        }
        if (day < plan.startDay()) {
            throw ApiException.invalid(
                    "day", "must not be before the plan's start date " + Days.format(plan.startDay()));
        }
        // Read after the plan's lock at READ COMMITTED: every earlier writer's entries are in the sum, and no
        // writer of this plan can add one until this transaction ends. Only this item is read, with its day's sum.
        PlanItemReads.OnDay found = itemReads
                .onDay(plan.userId(), plan.id(), name.itemId(), day)
                .orElseThrow(() -> ApiException.notFound(name.name()));
        PlanItemRow item = found.item();
        int logged = found.minutes();
        if (logged + command.minutes() > PlanLimits.MAX_MINUTES_PER_ITEM_DAY) {
            String why = name.name() + " has " + logged + " minutes logged on " + Days.format(day)
                    + "; an item takes at most " + PlanLimits.MAX_MINUTES_PER_ITEM_DAY + " minutes a day, so at most "
                    + (PlanLimits.MAX_MINUTES_PER_ITEM_DAY - logged) + " more fit";
            throw new ApiException(
                    ErrorKind.INVALID_ARGUMENT,
                    "DAILY_MINUTES_EXCEEDED",
                    "minutes: " + why,
                    List.of(new FieldViolation("minutes", why)));
        }
        Instant now = clock.instant();
        PlanItemRow.Builder b = item.toBuilder()
                .loggedMinutes(item.loggedMinutes() + command.minutes())
                .updateTime(now);
        boolean started = item.status() == ItemStatus.TODO;
        if (started) {
            b.status(ItemStatus.IN_PROGRESS);
        }
        PlanItemRow updated = items.update(b.build());
        long entryId = Ids.next(clock);
        TimeEntries.insert(jdbc, entryId, item, command.minutes(), day, command.note(), now);
        // PlanLocks.touch's etag move and the last activity time, in the same statement as the plan's total.
        plans.addLoggedMinutesAndTouch(plan.id(), command.minutes(), InstantMicros.toMicros(now));
        activity.countDay(plan.userId(), plan.id(), day, command.minutes());
        activity.record(
                ActivityLog.Event.of(
                                plan.userId(),
                                plan.id(),
                                item.id(),
                                caller.userId(),
                                ActivityType.TIME_LOGGED,
                                "Logged " + command.minutes() + " min on \"" + item.title() + "\"")
                        .withMinutes(command.minutes(), day),
                true);
        if (started) {
            activity.record(
                    ActivityLog.Event.of(
                                    plan.userId(),
                                    plan.id(),
                                    item.id(),
                                    caller.userId(),
                                    ActivityType.STATUS_CHANGED,
                                    "\"" + item.title() + "\": TODO -> IN_PROGRESS")
                            .withStatuses(ItemStatus.TODO.name(), ItemStatus.IN_PROGRESS.name()),
                    true);
        }
        return new Logged(entryId, command.minutes(), day, command.note(), now, updated);
    }
}
