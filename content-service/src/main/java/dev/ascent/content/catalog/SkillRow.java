package dev.ascent.content.catalog;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One skill across all roles; {@code skillKey} is the normalized name. */
@MappedEntity("skill")
public record SkillRow(@Id @GeneratedValue Long id, String skillKey, String name) {}
