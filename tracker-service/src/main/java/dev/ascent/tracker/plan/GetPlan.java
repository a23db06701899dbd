package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Clock;

/** GetPlan: a plan with all its items, for its owner or an active mentor. */
@Singleton
public class GetPlan {

    private final PlanRepository plans;
    private final PlanItemReads items;
    private final AccessPolicy access;
    private final Clock clock;

    public GetPlan(PlanRepository plans, PlanItemReads items, AccessPolicy access, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.access = access;
        this.clock = clock;
    }

    @Connectable
    public PlanView get(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        PlanRow plan = plans.findById(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        return PlanView.of(plan, owner, caller, items.inPlan(plan.userId(), plan.id()), clock);
    }
}
