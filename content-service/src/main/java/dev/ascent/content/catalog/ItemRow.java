package dev.ascent.content.catalog;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("item")
public record ItemRow(@Id @GeneratedValue Long id, long roleId, long topicId, String body, int position, int line) {}
