package dev.ascent.content.catalog;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("topic")
public record TopicRow(
        @Id @GeneratedValue Long id, long roleId, long sectionId, String title, String body, int position, int line) {}
