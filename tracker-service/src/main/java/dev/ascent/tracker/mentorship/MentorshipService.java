package dev.ascent.tracker.mentorship;

import dev.ascent.common.db.BoundedCount.Counted;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Invitations, answers and ends. A mentorship is visible to its two users only (NOT_FOUND for anyone else); every
 * change is recorded in both users' activity in the same transaction.
 */
@Singleton
public class MentorshipService {

    public static final int MAX_MESSAGE = 1000;

    private final MentorshipRepository mentorships;
    private final MentorshipQueries queries;
    private final Users users;
    private final ActivityLog activity;
    private final ApplicationEventPublisher<MentorshipEnded> ended;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public MentorshipService(
            MentorshipRepository mentorships,
            MentorshipQueries queries,
            Users users,
            ActivityLog activity,
            ApplicationEventPublisher<MentorshipEnded> ended,
            JdbcOperations jdbc,
            Clock clock) {
        this.mentorships = mentorships;
        this.queries = queries;
        this.users = users;
        this.activity = activity;
        this.ended = ended;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public MentorshipView invite(Caller caller, String mentorHandle, String message) {
        if (mentorHandle.equals(caller.handle())) {
            throw ApiException.invalid("mentor", "you cannot mentor yourself");
        }
        UserRow mentor =
                users.findByHandle(mentorHandle).orElseThrow(() -> ApiException.notFound("users/" + mentorHandle));
        lockUsers(caller.userId(), mentor.id());
        if (!mentorships.findLive(caller.userId(), mentor.id()).isEmpty()) {
            throw ApiException.alreadyExists("a PENDING or ACTIVE mentorship between " + caller.name() + " and "
                    + mentor.name() + " already exists");
        }
        MentorshipRow row = mentorships.save(new MentorshipRow(
                Ids.next(clock),
                mentor.id(),
                caller.userId(),
                MentorshipState.PENDING.name(),
                message,
                clock.instant(),
                null,
                null,
                null,
                1));
        recordBoth(row, caller, caller.name() + " invited " + mentor.name() + " to mentor them");
        return queries.find(row.id()).orElseThrow();
    }

    @Connectable
    public MentorshipView get(Caller caller, long id) {
        return queries.find(id)
                .filter(v -> v.row().involves(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("mentorships/" + id));
    }

    @Connectable
    public Counted<MentorshipView> invitations(
            Caller caller, MentorshipQueries.Side side, MentorshipState state, int limit, int offset) {
        return new Counted<>(
                queries.invitations(caller.userId(), side, state, limit, offset),
                queries.countInvitations(caller.userId(), side, state));
    }

    @Connectable
    public Counted<MentorshipView> mentors(Caller caller, int limit, int offset) {
        return new Counted<>(
                queries.active(caller.userId(), MentorshipQueries.Side.MENTEE, limit, offset),
                queries.countActive(caller.userId(), MentorshipQueries.Side.MENTEE));
    }

    @Transactional
    public MentorshipView respond(Caller caller, long id, boolean accept, String etag) {
        MentorshipRow row = locked(caller, id, etag);
        MentorshipState to = row.stateValue().respond(role(caller, row), accept);
        MentorshipRow moved = mentorships.update(row.moved(to, clock.instant(), null, null));
        recordBoth(
                moved,
                caller,
                caller.name() + (accept ? " accepted" : " declined") + " the invitation to mentor " + "users/"
                        + queries.find(id).orElseThrow().menteeHandle());
        return queries.find(id).orElseThrow();
    }

    /**
     * Ends it; the review feature, told by {@link MentorshipEnded}, cancels the mentee's open review requests to this
     * mentor in the same transaction.
     */
    @Transactional
    public MentorshipView end(Caller caller, long id, String etag) {
        MentorshipRow row = locked(caller, id, etag);
        MentorshipState from = row.stateValue();
        MentorshipState to = from.end(role(caller, row));
        Instant now = clock.instant();
        MentorshipRow moved = mentorships.update(row.moved(to, row.respondTime(), now, caller.userId()));
        ended.publishEvent(
                new MentorshipEnded(row.menteeId(), row.mentorId(), caller.userId(), "the mentorship ended"));
        recordBoth(
                moved,
                caller,
                caller.name()
                        + (from == MentorshipState.PENDING ? " withdrew the invitation" : " ended the mentorship"));
        return queries.find(id).orElseThrow();
    }

    private MentorshipRow locked(Caller caller, long id, String etag) {
        MentorshipRow row = mentorships
                .findByIdForUpdate(id)
                .filter(r -> r.involves(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("mentorships/" + id));
        if (etag != null && !etag.isEmpty() && !etag.equals(row.etag())) {
            throw ApiException.aborted(
                    "STALE_ETAG", row.name() + " changed since etag " + etag + "; read it again and retry");
        }
        return row;
    }

    private static MentorshipState.Role role(Caller caller, MentorshipRow row) {
        return row.mentorId() == caller.userId() ? MentorshipState.Role.MENTOR : MentorshipState.Role.MENTEE;
    }

    /** Both users' rows, in id order, so two invitations between the same pair serialize instead of racing. */
    private void lockUsers(long a, long b) {
        jdbc.prepareStatement("SELECT id FROM app_user WHERE id IN (?, ?) ORDER BY id FOR UPDATE", ps -> {
            ps.setLong(1, Math.min(a, b));
            ps.setLong(2, Math.max(a, b));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            return null;
        });
    }

    private void recordBoth(MentorshipRow row, Caller caller, String summary) {
        for (long owner : new long[] {row.menteeId(), row.mentorId()}) {
            activity.record(
                    ActivityLog.Event.of(owner, null, null, caller.userId(), ActivityType.MENTORSHIP_CHANGED, summary)
                            .withSubject(row.name()));
        }
    }
}
