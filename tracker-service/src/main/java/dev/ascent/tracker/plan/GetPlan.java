package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * GetPlan: a plan with all its items and their open review requests, for its owner or an active mentor. The answer
 * is kept per plan and view while the plan's stamp does not move ({@link PlanReadCache}), so a repeated read is one
 * narrow query.
 */
@Singleton
public class GetPlan {

    /**
     * A plan as read, with the open review request of each item that has one (item id to request id). A kept read
     * answers many calls, so it keeps what the edge renders of it too ({@link #rendered}).
     */
    public static final class PlanRead {
        private final PlanView view;
        private final Map<Long, Long> reviews;
        private volatile Object rendered;

        PlanRead(PlanView view, Map<Long, Long> reviews) {
            this.view = view;
            this.reviews = reviews;
        }

        public PlanView view() {
            return view;
        }

        public Map<Long, Long> reviews() {
            return reviews;
        }

        /** {@code render}'s result for this read, made by the first call that asks; the same render every time. */
        @SuppressWarnings("unchecked")
        public <T> T rendered(Function<PlanRead, T> render) {
            Object r = rendered;
            if (r == null) {
                r = render.apply(this);
                rendered = r;
            }
            return (T) r;
        }
    }

    /** Kept answers, weighed by their items: about 10 MB of rows at this many. */
    static final long KEPT_ITEMS = 10_000;

    private final PlanRepository plans;
    private final Plans stamps;
    private final PlanItemReads items;
    private final OpenItemReviews reviews;
    private final AccessPolicy access;
    private final Clock clock;
    private final ConnectionOperations<Connection> connections;
    private final PlanReadCache<PlanRead> kept =
            new PlanReadCache<>(KEPT_ITEMS, r -> 1 + r.view().items().size());

    public GetPlan(
            PlanRepository plans,
            Plans stamps,
            PlanItemReads items,
            OpenItemReviews reviews,
            AccessPolicy access,
            Clock clock,
            ConnectionOperations<Connection> connections) {
        this.plans = plans;
        this.stamps = stamps;
        this.items = items;
        this.reviews = reviews;
        this.access = access;
        this.clock = clock;
        this.connections = connections;
    }

    /**
     * Holds no connection while it waits for the plan's stamp (read with other callers', {@link Plans#stamp}); a
     * plan not kept is read on one borrowed connection.
     */
    public PlanRead get(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        return kept.read(
                stamps.stamp(owner, name),
                owner.id() == caller.userId(),
                owner.handle(),
                clock,
                () -> connections.execute(ConnectionDefinition.DEFAULT, status -> {
                    PlanRow plan = plans.findById(name.planId())
                            .filter(p -> p.userId() == owner.id())
                            .orElseThrow(() -> ApiException.notFound(name.name()));
                    PlanView view = PlanView.of(plan, owner, caller, items.inPlan(plan.userId(), plan.id()), clock);
                    return new PlanReadCache.Loaded<>(plan, new PlanRead(view, Map.copyOf(reviews.byItem(plan.id()))));
                }));
    }
}
