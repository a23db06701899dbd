package dev.ascent.content.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ItemRepository extends CrudRepository<ItemRow, Long> {

    List<ItemRow> findByRoleIdOrderByPosition(long roleId);

    @Query("SELECT i.* FROM item i JOIN topic t ON t.id = i.topic_id JOIN section s ON s.id = t.section_id "
            + "WHERE s.source_id = :sourceId")
    List<ItemRow> findBySourceId(long sourceId);
}
