package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** AddPlanItem: an item of the engineer's own (CUSTOM unless a kind is given), inserted at a position. */
@Singleton
public class AddPlanItem {

    /**
     * {@code kind} null means CUSTOM; {@code estimatedMinutes} null the kind's default; {@code dueDay} null leaves
     * the due day to the schedule (otherwise it is pinned); {@code position} 1-based, 0 or past the end appends.
     */
    public record Command(
            ItemKind kind, String title, String description, Integer estimatedMinutes, Integer dueDay, int position) {
        public Command {
            Objects.requireNonNull(description, "description");
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("an item needs a title");
            }
        }
    }

    private final PlanItemRepository items;
    private final PlanLocks locks;
    private final ItemPositions positions;
    private final Rescheduler rescheduler;
    private final ActivityLog activity;
    private final Clock clock;

    public AddPlanItem(
            PlanItemRepository items,
            PlanLocks locks,
            ItemPositions positions,
            Rescheduler rescheduler,
            ActivityLog activity,
            Clock clock) {
        this.items = items;
        this.locks = locks;
        this.positions = positions;
        this.rescheduler = rescheduler;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public PlanItemRow add(Caller caller, Names.PlanName name, Command command) {
        PlanLocks.Locked locked = locks.lock(caller, name, "").requireActive();
        PlanRow plan = locked.plan();
        Instant now = clock.instant();
        List<PlanItemRow> rows = new ArrayList<>(locked.items());
        if (rows.size() >= PlanLimits.MAX_ITEMS) {
            throw ApiException.resourceExhausted(
                    "PLAN_FULL",
                    name.name() + " already has " + PlanLimits.MAX_ITEMS + " items, the most a plan holds");
        }
        int position =
                command.position() <= 0 || command.position() > rows.size() ? rows.size() : command.position() - 1;
        ItemKind kind = command.kind() == null ? ItemKind.CUSTOM : command.kind();
        int minutes = command.estimatedMinutes() == null ? kind.defaultMinutes() : command.estimatedMinutes();
        boolean pinned = command.dueDay() != null;
        PlanItemRow item = PlanItemRow.create(Ids.next(clock), plan.userId(), plan.id(), kind.name(), now)
                .title(command.title().strip())
                .description(command.description())
                .estimatedMinutes(minutes)
                .schedule(
                        pinned ? Scheduler.weekOf(plan.startDay(), command.dueDay()) : 1,
                        pinned ? command.dueDay() : plan.startDay())
                .duePinned(pinned)
                .position(position)
                .build();
        items.save(item);
        rows.add(position, item);
        rows = positions.renumber(rows, now);
        rows = rescheduler.reschedule(plan, rows, now);
        locks.touch(plan, now);
        activity.record(ActivityLog.Event.of(
                plan.userId(),
                plan.id(),
                item.id(),
                caller.userId(),
                ActivityType.ITEM_ADDED,
                "Added \"" + item.title() + "\""));
        return rows.stream().filter(r -> r.id() == item.id()).findFirst().orElseThrow();
    }
}
