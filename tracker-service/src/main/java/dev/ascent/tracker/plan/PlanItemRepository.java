package dev.ascent.tracker.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanItemRepository extends CrudRepository<PlanItemRow, Long> {

    /** All of a plan's items in one query (GetPlan never queries per item). */
    List<PlanItemRow> findByPlanIdOrderByPosition(long planId);

    void deleteByPlanId(long planId);

    /** The items of several plans in one query (the calendar feed), in no particular order. */
    List<PlanItemRow> findByPlanIdIn(java.util.Collection<Long> planIds);
}
