package dev.ascent.tracker.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<UserRow, Long> {

    Optional<UserRow> findByHandle(String handle);

    /** The user's row, locked for the transaction: token creation serializes per user on it. */
    @Query("SELECT * FROM app_user WHERE id = :id FOR UPDATE")
    Optional<UserRow> lockById(long id);
}
