package dev.ascent.tracker.mentorship;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MentorshipRepository extends CrudRepository<MentorshipRow, Long> {

    /** Locks the row, so an answer and an end cannot both apply to the state they read. */
    Optional<MentorshipRow> findByIdForUpdate(long id);

    /** PENDING or ACTIVE mentorships between two users, in either direction. */
    @Query("SELECT * FROM mentorship WHERE state IN ('PENDING', 'ACTIVE') AND ((mentor_id = :a AND mentee_id = :b) "
            + "OR (mentor_id = :b AND mentee_id = :a))")
    List<MentorshipRow> findLive(long a, long b);

    @Query("SELECT * FROM mentorship WHERE mentee_id = :menteeId AND state = 'ACTIVE'")
    List<MentorshipRow> findActiveMentorsOf(long menteeId);
}
