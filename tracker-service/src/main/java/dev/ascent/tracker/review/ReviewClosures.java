package dev.ascent.tracker.review;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.mentorship.MentorshipEnded;
import dev.ascent.tracker.plan.PlanDeleted;
import dev.ascent.tracker.plan.Plans;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cancels open review requests when what they depend on goes away (a mentorship ends, a plan is deleted), in the
 * caller's transaction, so no request stays OPEN for a mentor who can no longer see it. Both features sit below
 * review and publish the event; the listeners run synchronously, in the publisher's transaction.
 */
@Singleton
public class ReviewClosures {

    private final ReviewRequestRepository requests;
    private final ActivityLog activity;
    private final JdbcOperations jdbc;
    private final Plans plans;
    private final Clock clock;

    public ReviewClosures(
            ReviewRequestRepository requests, ActivityLog activity, JdbcOperations jdbc, Plans plans, Clock clock) {
        this.requests = requests;
        this.plans = plans;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void mentorshipEnded(MentorshipEnded e) {
        cancelOpenBetween(e.menteeId(), e.mentorId(), e.actorId(), e.why());
    }

    private void cancelOpenBetween(long menteeId, long mentorId, long actorId, String why) {
        Instant now = clock.instant();
        // The plans first, in id order, as every other write to an item's review request locks them.
        TreeSet<Long> planIds = new TreeSet<>(openPlans(menteeId, mentorId));
        planIds.forEach(plans::findByIdForUpdate);
        for (ReviewRequestRow r : requests.lockOpenBetween(menteeId, mentorId)) {
            requests.update(r.cancelled(now));
            if (r.planId() != null) {
                planIds.add(r.planId());
            }
            activity.record(ActivityLog.Event.of(
                            r.userId(),
                            r.planId(),
                            r.itemId(),
                            actorId,
                            ActivityType.REVIEW_CANCELLED,
                            "Review of \"" + r.targetTitle() + "\" cancelled: " + why)
                    .withSubject(r.name()));
        }
        planIds.forEach(plans::reviewsChanged);
    }

    private List<Long> openPlans(long menteeId, long mentorId) {
        return jdbc.prepareStatement(
                "SELECT DISTINCT plan_id FROM review_request WHERE user_id = ? AND mentor_id = ? AND state = 'OPEN' "
                        + "AND plan_id IS NOT NULL",
                ps -> {
                    ps.setLong(1, menteeId);
                    ps.setLong(2, mentorId);
                    List<Long> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
    }

    /**
     * The deleted plan's comment threads go; its review requests outlive it (the mentor's decided history keeps
     * them), and the open ones are cancelled.
     */
    @EventListener
    void planDeleted(PlanDeleted e) {
        jdbc.prepareStatement("DELETE FROM item_comment WHERE user_id = ? AND plan_id = ?", ps -> {
            ps.setLong(1, e.userId());
            ps.setLong(2, e.planId());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(
                "UPDATE review_request SET state = 'CANCELLED', open_key = NULL, cancel_time = ?, "
                        + "version = version + 1 WHERE plan_id = ? AND state = 'OPEN'",
                ps -> {
                    ps.setLong(1, InstantMicros.toMicros(e.time()));
                    ps.setLong(2, e.planId());
                    return ps.executeUpdate();
                });
    }
}
