package dev.ascent.tracker.plan;

import dev.ascent.tracker.activity.PlanOwners;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Plan rows as other features read and lock them (the plan feature alone uses its repositories). Changes go
 * through the plan's use cases: {@link PlanService}, {@link ApplyReviewDecision}.
 */
@Singleton
public class Plans implements PlanOwners {

    private final PlanRepository plans;

    Plans(PlanRepository plans) {
        this.plans = plans;
    }

    public Optional<PlanRow> findById(long planId) {
        return plans.findById(planId);
    }

    /** Locks the plan row: the first step of every write to a plan, its items, time entries, comments or reviews. */
    public Optional<PlanRow> findByIdForUpdate(long planId) {
        return plans.findByIdForUpdate(planId);
    }

    public List<PlanRow> listForUser(long userId, boolean showArchived, int limit, int offset) {
        return plans.listForUser(userId, showArchived, limit, offset);
    }

    @Override
    public boolean isPlanOf(long planId, long ownerId) {
        return plans.findById(planId).filter(p -> p.userId() == ownerId).isPresent();
    }
}
