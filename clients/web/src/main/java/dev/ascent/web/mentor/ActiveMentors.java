package dev.ascent.web.mentor;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.ListMentorsRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipState;
import java.util.List;

/** The caller's active mentors: whom a review request can go to. */
public final class ActiveMentors {

    private ActiveMentors() {}

    public static List<Mentorship> of(AscentClient client) {
        return client
                .mentorship()
                .listMentors(ListMentorsRequest.newBuilder().setPageSize(100).build())
                .getMentorshipsList()
                .stream()
                .filter(m -> m.getState() == MentorshipState.MENTORSHIP_STATE_ACTIVE)
                .toList();
    }
}
