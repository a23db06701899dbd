package dev.ascent.tracker.mentorship;

import dev.ascent.common.error.ApiException;

/**
 * The mentorship life cycle: PENDING -> ACTIVE or DECLINED (the invited mentor answers); ACTIVE -> ENDED (either
 * side); PENDING -> ENDED (the mentee withdraws). DECLINED and ENDED are final. Every rule of who may move a
 * mentorship where lives here, so it is unit-tested without a database.
 */
public enum MentorshipState {
    PENDING,
    ACTIVE,
    DECLINED,
    ENDED;

    public enum Role {
        MENTOR,
        MENTEE
    }

    public boolean isFinal() {
        return this == DECLINED || this == ENDED;
    }

    /** The state after the invited mentor answers, or why they may not. */
    public MentorshipState respond(Role by, boolean accept) {
        if (by != Role.MENTOR) {
            throw ApiException.permissionDenied("only the invited mentor can accept or decline an invitation");
        }
        if (this != PENDING) {
            throw ApiException.failedPrecondition("NOT_PENDING", "the invitation is " + this + ", no longer PENDING");
        }
        return accept ? ACTIVE : DECLINED;
    }

    /** The state after one side ends it, or why they may not. */
    public MentorshipState end(Role by) {
        if (isFinal()) {
            throw ApiException.failedPrecondition("ALREADY_" + this, "the mentorship is already " + this);
        }
        if (this == PENDING && by == Role.MENTOR) {
            throw ApiException.failedPrecondition(
                    "NOT_ACTIVE", "the invitation is PENDING: decline it with RespondToInvitation instead");
        }
        return ENDED;
    }
}
