package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * How every plan write starts and ends: {@link #lock} takes the plan's row lock (so writes serialize per plan),
 * checks the caller may write and the etag, and reads the items; {@link #touch} moves the plan's etag. Call both
 * inside the write's transaction.
 */
@Singleton
public class PlanLocks {

    /** A plan locked for writing, with its items in order, as read under the lock. */
    public record Locked(UserRow owner, PlanRow plan, List<PlanItemRow> items) {

        /** The named item of this plan; NOT_FOUND when it has none by that id. */
        public PlanItemRow item(Names.ItemName name) {
            return items.stream()
                    .filter(i -> i.id() == name.itemId())
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound(name.name()));
        }

        /** As {@link #item(Names.ItemName)}, and ABORTED when {@code etag} is given and is not the item's. */
        public PlanItemRow item(Names.ItemName name, String etag) {
            PlanItemRow item = item(name);
            if (!etag.isEmpty() && !etag.equals(ItemEtags.of(item))) {
                throw stale(name.name(), etag);
            }
            return item;
        }

        /** FAILED_PRECONDITION when the plan is archived: an archived plan changes only by being unarchived. */
        public Locked requireActive() {
            if (plan.archived()) {
                throw ApiException.failedPrecondition(
                        "PLAN_ARCHIVED", "the plan is archived; unarchive it to change it");
            }
            return this;
        }
    }

    private final PlanRepository plans;
    private final PlanItemReads items;
    private final AccessPolicy access;

    public PlanLocks(PlanRepository plans, PlanItemReads items, AccessPolicy access) {
        this.plans = plans;
        this.items = items;
        this.access = access;
    }

    /**
     * Locks the named plan for {@code caller}: NOT_FOUND unless the caller may write it, ABORTED when {@code etag}
     * (null or empty: not checked) is not the plan's.
     */
    public Locked lock(Caller caller, Names.PlanName name, String etag) {
        UserRow owner = access.writableOwner(caller, name.handle(), name.name());
        PlanRow plan = plans.findByIdForUpdate(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (etag != null && !etag.isEmpty() && !etag.equals(PlanEtags.of(plan))) {
            throw stale(name.name(), etag);
        }
        return new Locked(owner, plan, items.inPlan(plan.userId(), plan.id()));
    }

    /** Moves the plan's version (its etag) once per write, in SQL, so no other column is written back. */
    public void touch(PlanRow plan, Instant now) {
        plans.touch(plan.id(), InstantMicros.toMicros(now));
    }

    private static ApiException stale(String name, String etag) {
        return ApiException.aborted("STALE_ETAG", name + " changed since etag " + etag + "; read it again and retry");
    }
}
