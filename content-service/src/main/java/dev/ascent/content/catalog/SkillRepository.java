package dev.ascent.content.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SkillRepository extends CrudRepository<SkillRow, Long> {

    Optional<SkillRow> findBySkillKey(String skillKey);

    List<SkillRow> findBySkillKeyIn(Collection<String> skillKeys);
}
