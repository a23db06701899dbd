package dev.ascent.content.catalog;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A top-level section of one source; {@code body} is the intro text, {@code summary} the closing summary. */
@MappedEntity("section")
public record SectionRow(
        @Id @GeneratedValue Long id,
        long roleId,
        long sourceId,
        String kind,
        String heading,
        String body,
        String summary,
        int position,
        int line) {}
