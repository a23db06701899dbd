package dev.ascent.tracker.review;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.mentorship.ActiveMentors;
import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.practice.PracticeNames;
import dev.ascent.tracker.practice.PracticeSessionRow;
import dev.ascent.tracker.practice.PracticeSessions;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Asking for, reading and withdrawing reviews. A request is visible to its mentee, and to its mentor while the
 * mentorship is ACTIVE; NOT_FOUND for anyone else. Writes lock the item's plan first (as every plan write does),
 * then the request; a practice session's request locks the session first, as every session write does.
 */
@Singleton
public class ReviewService {

    /** Exactly one of {@code item} and {@code session} is set. */
    public record RequestReview(
            Names.ItemName item,
            PracticeNames.SessionName session,
            String mentorHandle,
            List<String> links,
            String note) {}

    private final ReviewRequestRepository requests;
    private final Plans plans;
    private final PlanItems items;
    private final PracticeSessions sessions;
    private final Users users;
    private final ActiveMentors mentorships;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final Clock clock;

    public ReviewService(
            ReviewRequestRepository requests,
            Plans plans,
            PlanItems items,
            PracticeSessions sessions,
            Users users,
            ActiveMentors mentorships,
            AccessPolicy access,
            ActivityLog activity,
            Clock clock) {
        this.requests = requests;
        this.plans = plans;
        this.items = items;
        this.sessions = sessions;
        this.users = users;
        this.mentorships = mentorships;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public ReviewView request(Caller caller, RequestReview command) {
        return command.session() != null ? requestSession(caller, command) : requestItem(caller, command);
    }

    private ReviewView requestItem(Caller caller, RequestReview command) {
        Names.ItemName name = command.item();
        UserRow owner = access.writableOwner(caller, name.handle(), name.name());
        UserRow mentor = mentor(owner, command.mentorHandle());
        PlanRow plan = plans.findByIdForUpdate(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        PlanItemRow item = items.findById(name.itemId())
                .filter(i -> i.planId() == plan.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (plan.archived()) {
            throw ApiException.failedPrecondition("PLAN_ARCHIVED", "the plan is archived; unarchive it first");
        }
        if (item.status() == ItemStatus.SKIPPED) {
            throw ApiException.failedPrecondition("ITEM_SKIPPED", "a SKIPPED item cannot be reviewed");
        }
        String openKey = "item:" + item.id();
        requests.findByOpenKey(openKey).ifPresent(r -> {
            throw ApiException.alreadyExists(name.name() + " already has an open review request " + r.name());
        });
        Instant now = clock.instant();
        ReviewRequestRow row = requests.save(new ReviewRequestRow(
                Ids.next(clock),
                owner.id(),
                mentor.id(),
                plan.id(),
                item.id(),
                name.name(),
                item.title(),
                ReviewRequestRow.OPEN,
                openKey,
                String.join("\n", command.links()),
                command.note(),
                "",
                "",
                1,
                now,
                null,
                null));
        plans.reviewsChanged(plan.id());
        activity.record(ActivityLog.Event.of(
                        owner.id(),
                        plan.id(),
                        item.id(),
                        caller.userId(),
                        ActivityType.REVIEW_REQUESTED,
                        "Asked " + mentor.name() + " to review \"" + item.title() + "\"")
                .withSubject(row.name()));
        return new ReviewView(row, owner.handle(), mentor.handle());
    }

    /**
     * A review of a COMPLETED session of the caller's. An ACTIVE session is not finished yet, and an ABANDONED or
     * EXPIRED one was given up: all three get FAILED_PRECONDITION SESSION_NOT_COMPLETED. The request records no
     * plan or item of its own; its activity is filed under the session's linked plan item, when there is one.
     */
    private ReviewView requestSession(Caller caller, RequestReview command) {
        PracticeNames.SessionName name = command.session();
        UserRow owner = access.writableOwner(caller, name.handle(), name.name());
        UserRow mentor = mentor(owner, command.mentorHandle());
        PracticeSessionRow session = sessions.findByIdForUpdate(name.sessionId())
                .filter(s -> s.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (!session.state().equals(PracticeSessionRow.COMPLETED)) {
            throw ApiException.failedPrecondition(
                    "SESSION_NOT_COMPLETED",
                    name.name() + " is " + session.state()
                            + (session.active()
                                    ? "; complete it before asking for a review"
                                    : "; only COMPLETED sessions can be reviewed"));
        }
        String openKey = sessionOpenKey(session.id());
        requests.findByOpenKey(openKey).ifPresent(r -> {
            throw ApiException.alreadyExists(name.name() + " already has an open review request " + r.name());
        });
        Instant now = clock.instant();
        ReviewRequestRow row = requests.save(new ReviewRequestRow(
                Ids.next(clock),
                owner.id(),
                mentor.id(),
                null,
                null,
                name.name(),
                session.title(),
                ReviewRequestRow.OPEN,
                openKey,
                String.join("\n", command.links()),
                command.note(),
                "",
                "",
                1,
                now,
                null,
                null));
        activity.record(ActivityLog.Event.of(
                        owner.id(),
                        session.planId(),
                        session.planItemId(),
                        caller.userId(),
                        ActivityType.REVIEW_REQUESTED,
                        "Asked " + mentor.name() + " to review practice \"" + session.title() + "\"")
                .withSubject(row.name()));
        return new ReviewView(row, owner.handle(), mentor.handle());
    }

    @Connectable
    public ReviewView get(Caller caller, long id) {
        return view(visible(caller, requests.findById(id), id));
    }

    @Transactional
    public ReviewView cancel(Caller caller, long id, String etag) {
        ReviewRequestRow seen = visible(caller, requests.findById(id), id);
        if (seen.userId() != caller.userId()) {
            throw ApiException.permissionDenied("only the mentee who asked can withdraw a review request");
        }
        if (seen.planId() != null) {
            plans.findByIdForUpdate(seen.planId());
        }
        ReviewRequestRow row =
                requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("reviewRequests/" + id));
        checkEtag(row, etag);
        if (!row.open()) {
            throw ApiException.failedPrecondition("NOT_OPEN", row.name() + " is " + row.state() + ", not OPEN");
        }
        ReviewRequestRow cancelled = requests.update(row.cancelled(clock.instant()));
        if (row.planId() != null) {
            plans.reviewsChanged(row.planId());
        }
        activity.record(ActivityLog.Event.of(
                        row.userId(),
                        row.planId(),
                        row.itemId(),
                        caller.userId(),
                        ActivityType.REVIEW_CANCELLED,
                        "Withdrew the review request for \"" + row.targetTitle() + "\"")
                .withSubject(row.name()));
        return view(cancelled);
    }

    /** The request if the caller is its mentee or its mentor with an ACTIVE mentorship; NOT_FOUND otherwise. */
    ReviewRequestRow visible(Caller caller, java.util.Optional<ReviewRequestRow> found, long id) {
        return found.filter(r -> r.userId() == caller.userId()
                        || (r.mentorId() == caller.userId() && access.isActiveMentor(caller.userId(), r.userId())))
                .orElseThrow(() -> ApiException.notFound("reviewRequests/" + id));
    }

    /** The open_key of a session's OPEN request; an item's is {@code item:{id}}. */
    static String sessionOpenKey(long sessionId) {
        return "session:" + sessionId;
    }

    static void checkEtag(ReviewRequestRow row, String etag) {
        if (etag != null && !etag.isEmpty() && !etag.equals(row.etag())) {
            throw ApiException.aborted(
                    "STALE_ETAG", row.name() + " changed since etag " + etag + "; read it again and retry");
        }
    }

    ReviewView view(ReviewRequestRow row) {
        return new ReviewView(row, handle(row.userId()), handle(row.mentorId()));
    }

    private String handle(long userId) {
        return users.findById(userId).map(UserRow::handle).orElse("unknown");
    }

    /** The named mentor, or the only one when none is named; they must be an ACTIVE mentor of the owner. */
    private UserRow mentor(UserRow owner, String handle) {
        if (handle == null || handle.isEmpty()) {
            List<Long> active = mentorships.mentorIdsOf(owner.id());
            if (active.isEmpty()) {
                throw ApiException.failedPrecondition(
                        "NO_ACTIVE_MENTOR",
                        "you have no ACTIVE mentor; invite one with MentorshipService.InviteMentor");
            }
            if (active.size() > 1) {
                throw ApiException.invalid("mentor", "is required: you have " + active.size() + " active mentors");
            }
            return users.findById(active.get(0)).orElseThrow();
        }
        UserRow mentor = users.findByHandle(handle).orElseThrow(() -> ApiException.notFound("users/" + handle));
        if (!access.isActiveMentor(mentor.id(), owner.id())) {
            throw ApiException.failedPrecondition(
                    "NOT_ACTIVE_MENTOR", mentor.name() + " is not an ACTIVE mentor of " + owner.name());
        }
        return mentor;
    }
}
