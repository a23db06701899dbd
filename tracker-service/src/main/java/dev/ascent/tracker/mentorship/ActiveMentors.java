package dev.ascent.tracker.mentorship;

import jakarta.inject.Singleton;
import java.util.List;

/** Who mentors whom now, for the features above mentorship (the mentorship feature alone uses its repository). */
@Singleton
public class ActiveMentors {

    private final MentorshipRepository mentorships;

    ActiveMentors(MentorshipRepository mentorships) {
        this.mentorships = mentorships;
    }

    /** The user ids of the mentee's ACTIVE mentors. */
    public List<Long> mentorIdsOf(long menteeId) {
        return mentorships.findActiveMentorsOf(menteeId).stream()
                .map(MentorshipRow::mentorId)
                .toList();
    }
}
