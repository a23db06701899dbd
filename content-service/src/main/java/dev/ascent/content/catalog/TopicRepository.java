package dev.ascent.content.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TopicRepository extends CrudRepository<TopicRow, Long> {

    List<TopicRow> findByRoleIdOrderByPosition(long roleId);

    @Query("SELECT t.* FROM topic t JOIN section s ON s.id = t.section_id WHERE s.source_id = :sourceId")
    List<TopicRow> findBySourceId(long sourceId);
}
