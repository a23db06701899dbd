package dev.ascent.tracker.review;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.plan.PlanItemRepository;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * A mentor's decision on an open request. APPROVED makes the item DONE and verified by the mentor, so it counts in
 * the progress summary's verified figures; CHANGES_REQUESTED sends it back to IN_PROGRESS, unverified, and puts
 * the mentor's comment in the item's thread. The request, the item, the comment and the mentee's activity change
 * in one transaction.
 */
@Singleton
public class ReviewDecisions {

    public enum Decision { APPROVED, CHANGES_REQUESTED }

    private final ReviewService reviews;
    private final ReviewRequestRepository requests;
    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final CommentService comments;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final Clock clock;

    public ReviewDecisions(ReviewService reviews, ReviewRequestRepository requests, PlanRepository plans,
                           PlanItemRepository items, CommentService comments, AccessPolicy access,
                           ActivityLog activity, Clock clock) {
        this.reviews = reviews;
        this.requests = requests;
        this.plans = plans;
        this.items = items;
        this.comments = comments;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public ReviewView submit(Caller caller, long id, Decision decision, String comment, String etag) {
        ReviewRequestRow seen = requests.findById(id).filter(r -> r.userId() == caller.userId()
                || r.mentorId() == caller.userId()).orElseThrow(() -> ApiException.notFound("reviewRequests/" + id));
        if (seen.mentorId() != caller.userId()) {
            throw ApiException.permissionDenied("only the mentor asked can review; you are the mentee");
        }
        if (!access.isActiveMentor(caller.userId(), seen.userId())) {
            throw ApiException.failedPrecondition("MENTORSHIP_NOT_ACTIVE", "your mentorship of this mentee is no "
                    + "longer ACTIVE");
        }
        if (seen.planId() != null) {
            plans.findByIdForUpdate(seen.planId());
        }
        ReviewRequestRow row = requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound(seen.name()));
        ReviewService.checkEtag(row, etag);
        if (!row.open()) {
            throw ApiException.failedPrecondition("NOT_AWAITING_REVIEW", row.name() + " is " + row.state()
                    + ", not awaiting review");
        }
        PlanItemRow item = row.itemId() == null ? null : items.findById(row.itemId()).orElse(null);
        if (item == null) {
            throw ApiException.failedPrecondition("TARGET_GONE", row.target() + " no longer exists");
        }
        Instant now = clock.instant();
        String oldStatus = item.status();
        PlanItemRow.Builder b = item.toBuilder().updateTime(now);
        if (decision == Decision.APPROVED) {
            b.status("DONE").verified(true, "users/" + caller.handle());
            if (!oldStatus.equals("DONE")) {
                b.completeTime(now);
            }
        } else {
            b.status("IN_PROGRESS").verified(false, "").completeTime(null);
        }
        PlanItemRow updated = items.update(b.build());
        ReviewRequestRow decided = requests.update(row.decided(decision.name(), comment, now));
        if (!comment.isEmpty()) {
            comments.insert(item, caller.userId(), comment, row.id(), now);
        }
        String verdict = decision == Decision.APPROVED ? "approved" : "requested changes to";
        ActivityLog.Event event = ActivityLog.Event.of(row.userId(), row.planId(), row.itemId(), caller.userId(),
                ActivityType.REVIEW_SUBMITTED, caller.name() + " " + verdict + " \"" + item.title() + "\"")
                .withSubject(row.name());
        activity.record(oldStatus.equals(updated.status()) ? event : event.withStatuses(oldStatus, updated.status()));
        return reviews.view(decided);
    }
}
