package dev.ascent.tracker.progress;

import dev.ascent.common.db.InstantMicros;
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
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Progress summaries: three bounded queries (plan, items, day rollups), whatever the size of the history. */
@Singleton
public class ProgressService {

    static final int KEPT_SUMMARIES = 2_000;

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
    /** Kept summaries, one entry each (a few hundred bytes with the plan's row). */
    private final PlanReadCache<Result> kept = new PlanReadCache<>(KEPT_SUMMARIES, r -> 1);

    public ProgressService(
            Plans plans,
            PlanItems items,
            AccessPolicy access,
            ActivityQueries activity,
            JdbcOperations jdbc,
            Clock clock) {
        this.plans = plans;
        this.items = items;
        this.access = access;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The plan's summary. Kept per plan while its stamp does not move ({@link PlanReadCache}), so a repeated read
     * is one narrow query; only the time it is as of is new.
     */
    @Connectable
    public Result summary(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        Instant now = clock.instant();
        Stamped stamped = stamped(owner, name, now);
        Result r = kept.read(stamped.stamp(), owner.id() == caller.userId(), owner.handle(), clock, () -> {
            PlanRow plan = readablePlan(owner, name);
            return new PlanReadCache.Loaded<>(plan, summarize(owner, plan));
        });
        return new Result(
                r.planName(), r.ownerHandle(), r.plan(), r.summary(), r.awaitingReview(), stamped.recallDue(), now);
    }

    /** The plan's stamp, and the owner's recall cards due at {@code now}, which move with the clock. */
    private record Stamped(PlanStamp stamp, int recallDue) {}

    /** Both in one statement, so a kept summary costs one query; NOT_FOUND when the owner has no such plan. */
    private Stamped stamped(UserRow owner, Names.PlanName name, Instant now) {
        return jdbc.prepareStatement(
                "SELECT user_id, version, last_activity_time, time_zone, (" + RecallStore.DUE_COUNT
                        + ") FROM plan WHERE id = ?",
                ps -> {
                    ps.setLong(1, owner.id());
                    ps.setLong(2, InstantMicros.toMicros(now) + 1); // due at this microsecond counts
                    ps.setLong(3, name.planId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getLong(1) != owner.id()) {
                            throw ApiException.notFound(name.name());
                        }
                        return new Stamped(
                                new PlanStamp(name.planId(), owner.id(), rs.getInt(2), rs.getLong(3), rs.getString(4)),
                                rs.getInt(5));
                    }
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
