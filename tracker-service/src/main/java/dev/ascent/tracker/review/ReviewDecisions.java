package dev.ascent.tracker.review;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.plan.ApplyReviewDecision;
import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.practice.ApplyReviewScores;
import dev.ascent.tracker.practice.PracticeSessionRow;
import dev.ascent.tracker.practice.PracticeSessions;
import dev.ascent.tracker.practice.PracticeStepRow;
import dev.ascent.tracker.practice.PracticeSteps;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mentor's decision on an open request. APPROVED makes the item DONE and verified by the mentor, so it counts in
 * the progress summary's verified figures; CHANGES_REQUESTED sends it back to IN_PROGRESS, unverified, and puts
 * the mentor's comment in the item's thread. For a practice session the same happens to its linked plan item, if
 * it has one (and still exists), and the mentor's step scores are stored on the session's steps. The request, the
 * item (and the rescheduling of its plan), the scores, the comment and the mentee's activity change in one
 * transaction.
 */
@Singleton
public class ReviewDecisions {

    public enum Decision {
        APPROVED,
        CHANGES_REQUESTED
    }

    /** One step score as sent: {@code index} names the field in violations, {@code step} is a step's name. */
    public record Score(int index, String step, int score) {}

    private final ReviewService reviews;
    private final ReviewRequestRepository requests;
    private final Plans plans;
    private final PlanItems items;
    private final PracticeSessions sessions;
    private final PracticeSteps steps;
    private final CommentService comments;
    private final ApplyReviewDecision itemDecisions;
    private final ApplyReviewScores sessionScores;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final Clock clock;

    public ReviewDecisions(
            ReviewService reviews,
            ReviewRequestRepository requests,
            Plans plans,
            PlanItems items,
            PracticeSessions sessions,
            PracticeSteps steps,
            CommentService comments,
            ApplyReviewDecision itemDecisions,
            ApplyReviewScores sessionScores,
            AccessPolicy access,
            ActivityLog activity,
            Clock clock) {
        this.reviews = reviews;
        this.requests = requests;
        this.plans = plans;
        this.items = items;
        this.sessions = sessions;
        this.steps = steps;
        this.comments = comments;
        this.itemDecisions = itemDecisions;
        this.sessionScores = sessionScores;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public ReviewView submit(
            Caller caller, long id, Decision decision, String comment, List<Score> scores, String etag) {
        ReviewRequestRow seen = requests.findById(id)
                .filter(r -> r.userId() == caller.userId() || r.mentorId() == caller.userId())
                .orElseThrow(() -> ApiException.notFound("reviewRequests/" + id));
        if (seen.mentorId() != caller.userId()) {
            throw ApiException.permissionDenied("only the mentor asked can review; you are the mentee");
        }
        if (!access.isActiveMentor(caller.userId(), seen.userId())) {
            throw ApiException.failedPrecondition(
                    "MENTORSHIP_NOT_ACTIVE", "your mentorship of this mentee is no " + "longer ACTIVE");
        }
        // Lock order as for the target's own writes: the session, then its plan; or the item's plan.
        Long sessionId = seen.sessionId();
        PracticeSessionRow session = null;
        if (sessionId != null) {
            session = sessions.findByIdForUpdate(sessionId)
                    .filter(s -> s.userId() == seen.userId())
                    .orElse(null);
            if (session != null && session.planId() != null) {
                plans.findByIdForUpdate(session.planId());
            }
        } else if (seen.planId() != null) {
            plans.findByIdForUpdate(seen.planId());
        }
        ReviewRequestRow row = requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound(seen.name()));
        List<PracticeStepRow> sessionSteps = session == null ? List.of() : steps.lockSteps(session.id());
        Map<Integer, Integer> byPosition = checkScores(row, sessionSteps, scores);
        ReviewService.checkEtag(row, etag);
        if (!row.open()) {
            throw ApiException.failedPrecondition(
                    "NOT_AWAITING_REVIEW", row.name() + " is " + row.state() + ", not awaiting review");
        }
        if (sessionId != null && session == null) {
            throw ApiException.failedPrecondition("TARGET_GONE", row.target() + " no longer exists");
        }
        PlanItemRow item = sessionId != null
                ? linkedItem(session)
                : row.itemId() == null ? null : items.findById(row.itemId()).orElse(null);
        if (item == null && sessionId == null) {
            throw ApiException.failedPrecondition("TARGET_GONE", row.target() + " no longer exists");
        }
        Instant now = clock.instant();
        if (session != null) {
            sessionScores.applyReviewScores(session, sessionSteps, byPosition, now);
        }
        ItemStatus oldStatus = item == null ? null : item.status();
        PlanItemRow updated = item == null
                ? null
                : itemDecisions.applyReviewDecision(item, decision == Decision.APPROVED, caller.handle(), now);
        ReviewRequestRow decided =
                requests.update(row.decided(decision.name(), comment, ReviewRequestRow.scores(byPosition), now));
        if (row.planId() != null) {
            plans.reviewsChanged(row.planId());
        }
        if (item != null && !comment.isEmpty()) {
            comments.insert(item, caller.userId(), comment, row.id(), now);
        }
        String verdict = decision == Decision.APPROVED ? "approved" : "requested changes to";
        String what = session == null
                ? "\"" + row.targetTitle() + "\""
                : "practice \"" + row.targetTitle() + "\""
                        + (byPosition.isEmpty() ? "" : ", scoring " + byPosition.size() + " steps");
        ActivityLog.Event event = ActivityLog.Event.of(
                        row.userId(),
                        session == null ? row.planId() : session.planId(),
                        item == null ? null : item.id(),
                        caller.userId(),
                        ActivityType.REVIEW_SUBMITTED,
                        caller.name() + " " + verdict + " " + what)
                .withSubject(row.name());
        activity.record(
                item == null || oldStatus == updated.status()
                        ? event
                        : event.withStatuses(oldStatus.name(), updated.status().name()));
        return reviews.view(decided);
    }

    /** The session's plan item as it is now; null when it has none or it was deleted since. */
    private PlanItemRow linkedItem(PracticeSessionRow session) {
        return session.planItemId() == null
                ? null
                : items.findById(session.planItemId())
                        .filter(i -> i.userId() == session.userId())
                        .orElse(null);
    }

    /**
     * Step position to score. Scores (already 1 to 5, at most one per step name) are for practice sessions only,
     * and each must name a step of the reviewed session; every violation is reported at once.
     */
    private static Map<Integer, Integer> checkScores(
            ReviewRequestRow row, List<PracticeStepRow> sessionSteps, List<Score> scores) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (scores.isEmpty()) {
            return out;
        }
        if (row.sessionId() == null) {
            throw ApiException.invalid("step_scores", "are for practice sessions only, not plan items");
        }
        String prefix = row.target() + "/steps/";
        Validator v = new Validator();
        for (Score s : scores) {
            Integer position = position(s.step(), prefix);
            boolean known = position != null && position >= 1 && position <= sessionSteps.size();
            v.check(
                    known,
                    "step_scores[" + s.index() + "].step",
                    "is not a step of " + row.target() + " (it has " + sessionSteps.size() + " steps, named " + prefix
                            + "{n})");
            if (known) {
                out.put(position, s.score());
            }
        }
        v.throwIfInvalid();
        return out;
    }

    private static Integer position(String step, String prefix) {
        if (!step.startsWith(prefix) || !step.substring(prefix.length()).matches("[1-9]\\d{0,3}")) {
            return null;
        }
        return Integer.valueOf(step.substring(prefix.length()));
    }
}
