package dev.ascent.content.catalog;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** One imported document of a role. */
@MappedEntity("guide_source")
public record SourceRow(
        @Id @GeneratedValue Long id,
        long roleId,
        String sourceName,
        String sha256,
        String layout,
        int lineCount,
        int revision,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant importTime) {}
