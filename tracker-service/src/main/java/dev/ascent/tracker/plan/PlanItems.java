package dev.ascent.tracker.plan;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Plan items as other features read them; see {@link Plans}. */
@Singleton
public class PlanItems {

    private final PlanItemRepository items;
    private final PlanItemReads reads;

    PlanItems(PlanItemRepository items, PlanItemReads reads) {
        this.items = items;
        this.reads = reads;
    }

    public Optional<PlanItemRow> findById(long itemId) {
        return items.findById(itemId);
    }

    /** A plan's items in position order, in one query. */
    public List<PlanItemRow> findByUserIdAndPlanIdOrderByPosition(long userId, long planId) {
        return reads.inPlan(userId, planId);
    }

    /** The items of several plans of one user in one query, in no particular order. */
    public List<PlanItemRow> findByUserIdAndPlanIdIn(long userId, Collection<Long> planIds) {
        return items.findByUserIdAndPlanIdIn(userId, planIds);
    }
}
