package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** ReorderPlanItems: the plan's items in a new order, given as every item id once; the schedule follows it. */
@Singleton
public class ReorderPlanItems {

    /** Item ids in their new order (checked against the plan under its lock); {@code etag} empty: not checked. */
    public record Command(List<Long> itemIds, String etag) {
        public Command {
            itemIds = List.copyOf(itemIds);
            Objects.requireNonNull(etag, "etag");
        }
    }

    private final PlanRepository plans;
    private final PlanLocks locks;
    private final ItemPositions positions;
    private final Rescheduler rescheduler;
    private final ActivityLog activity;
    private final Clock clock;

    public ReorderPlanItems(
            PlanRepository plans,
            PlanLocks locks,
            ItemPositions positions,
            Rescheduler rescheduler,
            ActivityLog activity,
            Clock clock) {
        this.plans = plans;
        this.locks = locks;
        this.positions = positions;
        this.rescheduler = rescheduler;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public PlanView reorder(Caller caller, Names.PlanName name, Command command) {
        PlanLocks.Locked locked = locks.lock(caller, name, command.etag()).requireActive();
        Map<Long, PlanItemRow> byId = new TreeMap<>();
        locked.items().forEach(i -> byId.put(i.id(), i));
        if (command.itemIds().size() != byId.size()
                || !byId.keySet().containsAll(command.itemIds())
                || new HashSet<>(command.itemIds()).size() != byId.size()) {
            throw ApiException.invalid(
                    "item_names", "must name every item of the plan exactly once (" + byId.size() + " items)");
        }
        Instant now = clock.instant();
        List<PlanItemRow> ordered = new ArrayList<>();
        command.itemIds().forEach(id -> ordered.add(byId.get(id)));
        List<PlanItemRow> rows = rescheduler.reschedule(locked.plan(), positions.renumber(ordered, now), now);
        locks.touch(locked.plan(), now);
        activity.record(ActivityLog.Event.of(
                locked.plan().userId(),
                locked.plan().id(),
                null,
                caller.userId(),
                ActivityType.ITEMS_REORDERED,
                "Reordered " + rows.size() + " items"));
        return PlanView.of(plans.findById(locked.plan().id()).orElseThrow(), locked.owner(), caller, rows, clock);
    }
}
