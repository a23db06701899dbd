package dev.ascent.tracker.practice;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.plan.UpdatePlanItem;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A session's link to a practice item of the engineer's plan. Status changes go through {@link UpdatePlanItem}, so
 * plan rules (archived plans, etags, rescheduling) and the plan's activity history stay in one place.
 */
@Singleton
public class PlanLinks {

    private final PlanItems items;
    private final Plans plans;
    private final UpdatePlanItem updatePlanItem;

    public PlanLinks(PlanItems items, Plans plans, UpdatePlanItem updatePlanItem) {
        this.items = items;
        this.plans = plans;
        this.updatePlanItem = updatePlanItem;
    }

    /**
     * The caller's item to link a new session to, moved from TODO to IN_PROGRESS. NOT_FOUND unless it is an item
     * of one of the caller's own plans; FAILED_PRECONDITION when that plan is archived.
     */
    public PlanItemRow link(Caller caller, Names.ItemName name) {
        if (!name.handle().equals(caller.handle())) {
            throw ApiException.notFound(name.name());
        }
        PlanItemRow item = items.findById(name.itemId())
                .filter(i -> i.userId() == caller.userId() && i.planId() == name.planId())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        PlanRow plan = plans.findById(item.planId()).orElseThrow(() -> ApiException.notFound(name.name()));
        if (plan.archived()) {
            throw ApiException.failedPrecondition(
                    "PLAN_ARCHIVED", name.plan().name() + " is archived; unarchive it to practise its items");
        }
        return item.status() == ItemStatus.TODO ? setStatus(caller, name, ItemStatus.IN_PROGRESS) : item;
    }

    /** Marks the session's item DONE. FAILED_PRECONDITION when the item (or its plan) was deleted since. */
    public PlanItemRow markDone(Caller caller, String ownerHandle, PracticeSessionRow session) {
        Names.ItemName name = name(ownerHandle, session);
        PlanItemRow item = current(session)
                .orElseThrow(() -> ApiException.failedPrecondition(
                        "PLAN_ITEM_GONE",
                        name.name() + " no longer exists; complete the session without mark_item_done"));
        return item.status() == ItemStatus.DONE ? item : setStatus(caller, name, ItemStatus.DONE);
    }

    /** The linked item as it is now; empty when the session has none or it was deleted. */
    public Optional<PlanItemRow> current(PracticeSessionRow session) {
        if (session.planItemId() == null) {
            return Optional.empty();
        }
        return items.findById(session.planItemId()).filter(i -> i.userId() == session.userId());
    }

    public static Names.ItemName name(String ownerHandle, PracticeSessionRow session) {
        return new Names.ItemName(ownerHandle, session.planId(), session.planItemId());
    }

    private PlanItemRow setStatus(Caller caller, Names.ItemName name, ItemStatus status) {
        return updatePlanItem.update(caller, name, UpdatePlanItem.Command.status(status));
    }
}
