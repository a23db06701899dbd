package dev.ascent.content.catalog;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("skill_mention")
public record SkillMentionRow(
        @Id @GeneratedValue Long id, long roleId, long sourceId, long skillId, String sectionKind, int line) {}
