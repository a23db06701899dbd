package dev.ascent.tracker.progress;

import dev.ascent.common.db.CoalescedQueries;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.db.SqlLongs;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityQueries;
import dev.ascent.tracker.activity.ActivityRow;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanReadCache;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.PlanStamp;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.recall.RecallStore;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Progress summaries: three bounded queries (plan, items, day rollups), whatever the size of the history. */
@Singleton
public class ProgressService {

    static final int KEPT_SUMMARIES = 2_000;
    /** Stamps a query reads at most (each IN-list length is a statement of its own in the statement cache). */
    private static final int STAMPS_A_READ = 64;

    public record Result(
            String planName,
            String ownerHandle,
            PlanRow plan,
            ProgressCalculator.Summary summary,
            int awaitingReview,
            int recallDue,
            java.time.Instant asOf) {}

    private final Plans plans;
    private final PlanItems items;
    private final AccessPolicy access;
    private final ActivityQueries activity;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ConnectionOperations<Connection> connections;
    private final CoalescedQueries<Long, Stamped> stamps;
    /** Kept summaries, one entry each (a few hundred bytes with the plan's row). */
    private final PlanReadCache<Result> kept = new PlanReadCache<>(KEPT_SUMMARIES, r -> 1);

    public ProgressService(
            Plans plans,
            PlanItems items,
            AccessPolicy access,
            ActivityQueries activity,
            JdbcOperations jdbc,
            Clock clock,
            ConnectionOperations<Connection> connections) {
        this.plans = plans;
        this.items = items;
        this.access = access;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
        this.connections = connections;
        this.stamps = new CoalescedQueries<>(connections, STAMPS_A_READ, this::readStamps);
    }

    /**
     * The plan's summary. Kept per plan while its stamp does not move ({@link PlanReadCache}), so a repeated read
     * is one narrow query, shared with other callers' ({@link CoalescedQueries}); only the time it is as of is new.
     * Holds no connection while it waits for that query; a summary not kept is made on one borrowed connection.
     */
    public Result summary(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        Stamped stamped = stamps.get(name.planId());
        if (stamped == null || stamped.stamp().userId() != owner.id()) {
            throw ApiException.notFound(name.name());
        }
        Result r = kept.read(
                stamped.stamp(),
                owner.id() == caller.userId(),
                owner.handle(),
                clock,
                () -> connections.execute(ConnectionDefinition.DEFAULT, status -> {
                    PlanRow plan = readablePlan(owner, name);
                    return new PlanReadCache.Loaded<>(plan, summarize(owner, plan));
                }));
        return new Result(
                r.planName(),
                r.ownerHandle(),
                r.plan(),
                r.summary(),
                r.awaitingReview(),
                stamped.recallDue(),
                stamped.asOf());
    }

    /** The plan's stamp, and its owner's recall cards due at {@code asOf}, which move with the clock. */
    private record Stamped(PlanStamp stamp, int recallDue, Instant asOf) {}

    /** Plans' stamps and their owners' due cards, as of the moment the query starts, in one statement. */
    private Map<Long, Stamped> readStamps(Set<Long> planIds) {
        Instant now = clock.instant();
        return jdbc.prepareStatement(
                "SELECT p.id, p.user_id, p.version, p.last_activity_time, p.time_zone, (" + RecallStore.OWNERS_DUE_COUNT
                        + ") FROM plan p WHERE p.id IN (" + SqlLongs.marks(planIds.size())
                        + ")",
                ps -> {
                    ps.setLong(1, InstantMicros.toMicros(now) + 1); // due at this microsecond counts
                    int i = 2;
                    for (long id : planIds) {
                        ps.setLong(i++, id);
                    }
                    Map<Long, Stamped> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            out.put(
                                    id,
                                    new Stamped(
                                            new PlanStamp(
                                                    id, rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5)),
                                            rs.getInt(6),
                                            now));
                        }
                    }
                    return out;
                });
    }

    /**
     * A page of the plan's history: up to {@code limit} events with a sequence below {@code beforeSeq}, newest first,
     * and how many events the history holds in all, counted up to {@link ActivityQueries#MAX_COUNTED}.
     */
    public record History(List<ActivityRow> events, int total) {}

    @Connectable
    public History history(Caller caller, Names.PlanName name, long beforeSeq, int limit) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        long planId = readablePlan(owner, name).id();
        return new History(
                activity.planHistory(owner.id(), planId, beforeSeq, limit),
                activity.countPlanHistory(owner.id(), planId));
    }

    private PlanRow readablePlan(UserRow owner, Names.PlanName name) {
        return plans.findById(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
    }

    /** The summary of a plan the caller has already been allowed to read, without the recall cards due now. */
    private Result summarize(UserRow owner, PlanRow plan) {
        List<PlanItemRow> rows = items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), plan.id());
        int today = Days.today(clock, plan.timeZone());
        ProgressCalculator.Summary summary = ProgressCalculator.summarize(plan, rows, days(plan), today);
        return new Result(
                "users/" + owner.handle() + "/plans/" + plan.id(),
                owner.handle(),
                plan,
                summary,
                awaitingReview(plan.id()),
                0,
                clock.instant());
    }

    private List<ProgressCalculator.Day> days(PlanRow plan) {
        return jdbc.prepareStatement(
                "SELECT on_day, minutes, actions FROM plan_day WHERE plan_id = ? ORDER BY on_day", ps -> {
                    ps.setLong(1, plan.id());
                    List<ProgressCalculator.Day> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ProgressCalculator.Day(rs.getInt(1), rs.getLong(2), rs.getInt(3)));
                        }
                    }
                    return out;
                });
    }

    /** Open review requests on the plan's items. */
    private int awaitingReview(long planId) {
        return ReviewCounts.open(jdbc, planId);
    }
}
