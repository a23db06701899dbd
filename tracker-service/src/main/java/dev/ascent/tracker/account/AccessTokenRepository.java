package dev.ascent.tracker.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccessTokenRepository extends CrudRepository<AccessTokenRow, Long> {

    Optional<AccessTokenRow> findByTokenHash(String tokenHash);

    @Query("SELECT * FROM access_token WHERE user_id = :userId ORDER BY create_time DESC, id DESC "
            + "LIMIT :limit OFFSET :offset")
    List<AccessTokenRow> listForUser(long userId, int limit, int offset);

    @Query("SELECT COUNT(*) FROM access_token WHERE user_id = :userId AND revoke_time IS NULL")
    long countActive(long userId);

    /** {@code micros} is {@link dev.ascent.common.db.InstantMicros#toMicros}. */
    @Query("UPDATE access_token SET last_use_time = :micros WHERE id = :id")
    void touch(long id, long micros);
}
