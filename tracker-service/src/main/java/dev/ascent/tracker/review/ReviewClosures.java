package dev.ascent.tracker.review;

import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Cancels open review requests when what they depend on goes away (a mentorship ends, a plan is deleted), in the
 * caller's transaction, so no request stays OPEN for a mentor who can no longer see it.
 */
@Singleton
public class ReviewClosures {

    private final ReviewRequestRepository requests;
    private final ActivityLog activity;
    private final Clock clock;

    public ReviewClosures(ReviewRequestRepository requests, ActivityLog activity, Clock clock) {
        this.requests = requests;
        this.activity = activity;
        this.clock = clock;
    }

    public void cancelOpenBetween(long menteeId, long mentorId, long actorId, String why) {
        Instant now = clock.instant();
        for (ReviewRequestRow r : requests.lockOpenBetween(menteeId, mentorId)) {
            requests.update(r.cancelled(now));
            activity.record(ActivityLog.Event.of(r.userId(), r.planId(), r.itemId(), actorId,
                    ActivityType.REVIEW_CANCELLED, "Review of \"" + r.targetTitle() + "\" cancelled: " + why)
                    .withSubject(r.name()));
        }
    }
}
