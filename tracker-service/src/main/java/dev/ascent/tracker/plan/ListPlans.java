package dev.ascent.tracker.plan;

import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** ListPlans: a user's plans, newest first, without their items. */
@Singleton
public class ListPlans {

    private final PlanRepository plans;
    private final AccessPolicy access;
    private final Clock clock;

    public ListPlans(PlanRepository plans, AccessPolicy access, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.clock = clock;
    }

    /** Up to {@code limit} plans from {@code offset}; archived ones only with {@code showArchived}. */
    @Connectable
    public List<PlanView> list(Caller caller, String handle, boolean showArchived, int limit, int offset) {
        UserRow owner = access.readableOwner(caller, handle, "users/" + handle);
        return plans.listForUser(owner.id(), showArchived, limit, offset).stream()
                .map(p -> PlanView.of(p, owner, caller, List.of(), clock))
                .toList();
    }
}
