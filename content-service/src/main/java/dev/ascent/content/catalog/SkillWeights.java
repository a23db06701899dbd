package dev.ascent.content.catalog;

import dev.ascent.content.importer.SectionKind;

/**
 * How much one mention of a skill counts towards a role's weight for it, by where it appears: a skills list says
 * more about what the role needs than a passing mention in a trend paragraph.
 */
public final class SkillWeights {

    private SkillWeights() {}

    public static double of(SectionKind kind) {
        return switch (kind) {
            case SKILLS -> 3.0;
            case REQUIREMENTS, SKILL_GAPS -> 2.0;
            case SOFT_SKILLS, RESPONSIBILITIES -> 1.5;
            default -> 1.0;
        };
    }
}
