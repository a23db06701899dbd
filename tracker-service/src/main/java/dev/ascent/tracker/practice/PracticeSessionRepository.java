package dev.ascent.tracker.practice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PracticeSessionRepository extends CrudRepository<PracticeSessionRow, Long> {

    /** Locks the session row: writes to a session and its steps serialize on it. */
    Optional<PracticeSessionRow> findByIdForUpdate(long id);

    /** A page of a user's sessions, newest first; empty filters match everything. */
    @Query("SELECT * FROM practice_session WHERE user_id = :userId AND (:source = '' OR source = :source) "
            + "AND (:planItemId = 0 OR plan_item_id = :planItemId) AND (:state = '' OR state = :state) "
            + "ORDER BY start_time DESC, id DESC LIMIT :limit OFFSET :offset")
    List<PracticeSessionRow> listForUser(
            long userId, String source, long planItemId, String state, int limit, int offset);

    /**
     * How many sessions {@link #listForUser} lists in all, counted up to {@code max} (a bounded walk of the user's
     * index, as BoundedCount does).
     */
    @Query("SELECT COUNT(*) FROM (SELECT 1 FROM practice_session WHERE user_id = :userId "
            + "AND (:source = '' OR source = :source) AND (:planItemId = 0 OR plan_item_id = :planItemId) "
            + "AND (:state = '' OR state = :state) LIMIT :max) counted")
    long countForUser(long userId, String source, long planItemId, String state, int max);

    /** Every session of a user (of one source when {@code source} is set), oldest first, for the stats. */
    @Query("SELECT * FROM practice_session WHERE user_id = :userId AND (:source = '' OR source = :source) "
            + "ORDER BY start_time, id")
    List<PracticeSessionRow> allForUser(long userId, String source);

    /** The sessions linked to a plan's items, oldest first (an export). */
    @Query("SELECT * FROM practice_session WHERE user_id = :userId AND plan_id = :planId ORDER BY start_time, id")
    List<PracticeSessionRow> forPlan(long userId, long planId);

    /** ACTIVE sessions whose deadline passed before {@code deadlineMicros}, in id order (the order they lock in). */
    @Query("SELECT * FROM practice_session WHERE user_id = :userId AND state = 'ACTIVE' "
            + "AND deadline_time < :deadlineMicros ORDER BY id")
    List<PracticeSessionRow> overdue(long userId, long deadlineMicros);

    /** Moves an ACTIVE session to EXPIRED; 0 when someone else changed it first. */
    @Query("UPDATE practice_session SET state = 'EXPIRED', end_time = :endMicros, version = version + 1, "
            + "update_time = :nowMicros WHERE id = :id AND state = 'ACTIVE'")
    long expire(long id, long endMicros, long nowMicros);
}
