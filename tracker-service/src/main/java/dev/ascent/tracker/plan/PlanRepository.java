package dev.ascent.tracker.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanRepository extends CrudRepository<PlanRow, Long> {

    /** Locks the plan row: every write to a plan or its items takes this lock first, so writes serialize per plan. */
    Optional<PlanRow> findByIdForUpdate(long id);

    @Query("SELECT * FROM plan WHERE user_id = :userId AND (archived = FALSE OR :showArchived = TRUE) "
            + "ORDER BY create_time DESC, id DESC LIMIT :limit OFFSET :offset")
    List<PlanRow> listForUser(long userId, boolean showArchived, int limit, int offset);

    @Query("UPDATE plan SET version = version + 1, update_time = :nowMicros WHERE id = :id")
    void touch(long id, long nowMicros);
}
