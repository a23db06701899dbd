package dev.ascent.tracker.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanItemRepository extends CrudRepository<PlanItemRow, Long> {

    /**
     * All of a plan's items in one query (GetPlan never queries per item). The owner comes first, as in the
     * index (user_id, plan_id, position): by plan id alone the database scanned every user's items.
     */
    List<PlanItemRow> findByUserIdAndPlanIdOrderByPosition(long userId, long planId);

    void deleteByUserIdAndPlanId(long userId, long planId);

    /** The items of several plans of one user in one query (the calendar feed), in no particular order. */
    List<PlanItemRow> findByUserIdAndPlanIdIn(long userId, java.util.Collection<Long> planIds);
}
