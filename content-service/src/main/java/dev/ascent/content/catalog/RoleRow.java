package dev.ascent.content.catalog;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A role as stored: its identity and revision. Its content lives in sections, topics and items. */
@MappedEntity("role")
public record RoleRow(
        @Id @GeneratedValue Long id,
        String slug,
        String title,
        int revision,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant updateTime) {

    public String name() {
        return "roles/" + slug;
    }
}
