package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.PlanOwners;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * Plan rows as other features read and lock them (the plan feature alone uses its repositories). Changes go
 * through the plan's use cases: {@link PlanService}, {@link ApplyReviewDecision}.
 */
@Singleton
public class Plans implements PlanOwners {

    private final PlanRepository plans;
    private final JdbcOperations jdbc;

    Plans(PlanRepository plans, JdbcOperations jdbc) {
        this.plans = plans;
        this.jdbc = jdbc;
    }

    public Optional<PlanRow> findById(long planId) {
        return plans.findById(planId);
    }

    /** The stamp of {@code owner}'s plan {@code name}, for a kept read; NOT_FOUND when the owner has no such plan. */
    public PlanStamp stamp(UserRow owner, Names.PlanName name) {
        return stamp(name.planId())
                .filter(s -> s.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
    }

    /** The plan's stamp, for a kept read ({@link PlanReadCache}): five columns by primary key. */
    public Optional<PlanStamp> stamp(long planId) {
        return jdbc.prepareStatement(
                "SELECT user_id, version, last_activity_time, time_zone FROM plan WHERE id = ?", ps -> {
                    ps.setLong(1, planId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new PlanStamp(
                                        planId, rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)))
                                : Optional.empty();
                    }
                });
    }

    /**
     * Moves the plan's version (its etag) when something shown with it changes outside the plan's own tables: an
     * item's open review request. The caller holds the plan's lock.
     */
    public void reviewsChanged(long planId) {
        jdbc.prepareStatement("UPDATE plan SET version = version + 1 WHERE id = ?", ps -> {
            ps.setLong(1, planId);
            return ps.executeUpdate();
        });
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
