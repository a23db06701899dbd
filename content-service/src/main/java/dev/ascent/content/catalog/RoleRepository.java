package dev.ascent.content.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoleRepository extends CrudRepository<RoleRow, Long> {

    Optional<RoleRow> findBySlug(String slug);

    /** Locks the role row: concurrent imports of one role run one after the other. */
    Optional<RoleRow> findBySlugForUpdate(String slug);

    @Query("SELECT * FROM role ORDER BY title, id")
    List<RoleRow> listAllByTitle();
}
