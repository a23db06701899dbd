package dev.ascent.tracker.plan;

import dev.ascent.common.db.CoalescedQueries;
import dev.ascent.common.db.SqlLongs;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.PlanOwners;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plan rows as other features read and lock them (the plan feature alone uses its repositories). Changes go
 * through the plan's use cases: {@link PlanService}, {@link ApplyReviewDecision}.
 */
@Singleton
public class Plans implements PlanOwners {

    /** Stamps a query reads at most (each IN-list length is a statement of its own in the statement cache). */
    private static final int STAMPS_A_READ = 64;

    private final PlanRepository plans;
    private final JdbcOperations jdbc;
    private final CoalescedQueries<Long, PlanStamp> stampReads;

    Plans(PlanRepository plans, JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.stampReads = new CoalescedQueries<>(connections, STAMPS_A_READ, this::readStamps);
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

    /**
     * The plan's stamp, for a kept read ({@link PlanReadCache}): five columns by primary key. Called holding no
     * connection (a read's usual case), it joins other callers' stamps in one query ({@link CoalescedQueries}).
     */
    public Optional<PlanStamp> stamp(long planId) {
        return Optional.ofNullable(stampReads.get(planId));
    }

    private Map<Long, PlanStamp> readStamps(Set<Long> planIds) {
        return jdbc.prepareStatement(
                "SELECT id, user_id, version, last_activity_time, time_zone FROM plan WHERE id IN ("
                        + SqlLongs.marks(planIds.size()) + ")",
                ps -> {
                    int i = 1;
                    for (long id : planIds) {
                        ps.setLong(i++, id);
                    }
                    Map<Long, PlanStamp> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            out.put(id, new PlanStamp(id, rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5)));
                        }
                    }
                    return out;
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
