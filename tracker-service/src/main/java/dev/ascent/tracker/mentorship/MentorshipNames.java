package dev.ascent.tracker.mentorship;

import dev.ascent.common.grpc.ResourceName;

/** {@code mentorships/{id}} names. */
final class MentorshipNames {

    static final ResourceName MENTORSHIP = ResourceName.of("mentorships/{id}", ResourceName.ID);

    private MentorshipNames() {}

    static long parse(String name, String field) {
        return MENTORSHIP.parse(name, field).id("id");
    }
}
