package dev.ascent.content.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SourceRepository extends CrudRepository<SourceRow, Long> {

    Optional<SourceRow> findByRoleIdAndSourceName(long roleId, String sourceName);

    List<SourceRow> findByRoleIdOrderById(long roleId);
}
