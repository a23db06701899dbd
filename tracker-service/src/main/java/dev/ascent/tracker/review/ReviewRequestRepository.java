package dev.ascent.tracker.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReviewRequestRepository extends CrudRepository<ReviewRequestRow, Long> {

    Optional<ReviewRequestRow> findByIdForUpdate(long id);

    Optional<ReviewRequestRow> findByOpenKey(String openKey);

    @Query("SELECT * FROM review_request WHERE user_id = :menteeId AND mentor_id = :mentorId AND state = 'OPEN' "
            + "FOR UPDATE")
    List<ReviewRequestRow> lockOpenBetween(long menteeId, long mentorId);
}
