package dev.ascent.tracker.mentorship;

import dev.ascent.common.error.ApiException;

/** {@code mentorships/{id}} names. */
final class MentorshipNames {

    private MentorshipNames() {
    }

    static long parse(String name, String field) {
        if (name == null || !name.matches("mentorships/\\d{1,19}")) {
            throw ApiException.invalid(field, name == null || name.isEmpty() ? "is required, as mentorships/{id}"
                    : "must look like mentorships/{id}");
        }
        try {
            return Long.parseLong(name.substring("mentorships/".length()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "has an id out of range");
        }
    }
}
