package dev.ascent.tracker.practice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PracticeStepRepository extends CrudRepository<PracticeStepRow, Long> {

    List<PracticeStepRow> findBySessionIdOrderByPosition(long sessionId);

    /**
     * The steps of a session whose row the caller has locked. A locking read sees the latest commit even where a
     * REPEATABLE READ snapshot was taken earlier in the transaction.
     */
    @Query("SELECT * FROM practice_step WHERE session_id = :sessionId ORDER BY position FOR UPDATE")
    List<PracticeStepRow> lockSteps(long sessionId);

    /** The steps of a page of sessions in one query (lists never query per session), in no particular order. */
    List<PracticeStepRow> findBySessionIdIn(Collection<Long> sessionIds);

    /** The steps of a user's completed sessions (of one source when set), for the stats, in one query. */
    @Query("SELECT st.* FROM practice_step st JOIN practice_session s ON s.id = st.session_id "
            + "WHERE st.user_id = :userId AND s.user_id = :userId AND s.state = 'COMPLETED' "
            + "AND (:source = '' OR s.source = :source) ORDER BY st.session_id, st.position")
    List<PracticeStepRow> completedSteps(long userId, String source);
}
