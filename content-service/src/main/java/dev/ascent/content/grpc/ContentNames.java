package dev.ascent.content.grpc;

import dev.ascent.common.grpc.ResourceName;

/** The names of the catalog's resources, as clients send them. */
final class ContentNames {

    static final ResourceName ROLE = ResourceName.of("roles/{slug}", ResourceName.SLUG);
    /** Skill keys are whatever the guides call a skill, so anything up to 200 characters. */
    static final ResourceName SKILL = ResourceName.of("skills/{key}", "(?s:.{1,200})");

    static final ResourceName CHECKLIST = ResourceName.of("checklists/{id}", "[0-9]{1,18}");
    static final ResourceName DESIGN_PROMPT = ResourceName.of("designPrompts/{slug}", ResourceName.SLUG);

    private ContentNames() {}

    /** The role slug of {@code name}, or null when it is empty (no role filter). */
    static String optionalRole(String name, String field) {
        return name.isEmpty() ? null : ROLE.parse(name, field).get("slug");
    }
}
