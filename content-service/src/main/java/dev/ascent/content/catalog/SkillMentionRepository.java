package dev.ascent.content.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SkillMentionRepository extends CrudRepository<SkillMentionRow, Long> {

    void deleteBySourceId(long sourceId);

    List<SkillMentionRow> findBySourceId(long sourceId);
}
