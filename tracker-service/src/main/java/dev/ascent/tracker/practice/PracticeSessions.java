package dev.ascent.tracker.practice;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Practice sessions as other features read and lock them (the practice feature alone uses its repositories).
 * Changes go through practice's use cases.
 */
@Singleton
public class PracticeSessions {

    private final PracticeSessionRepository sessions;

    PracticeSessions(PracticeSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Locks the session row: writes to a session and its steps serialize on it. */
    public Optional<PracticeSessionRow> findByIdForUpdate(long sessionId) {
        return sessions.findByIdForUpdate(sessionId);
    }

    /** Every session of a user (of one source when {@code source} is set), oldest first. */
    public List<PracticeSessionRow> allForUser(long userId, String source) {
        return sessions.allForUser(userId, source);
    }

    /** The sessions linked to a plan's items, oldest first. */
    public List<PracticeSessionRow> forPlan(long userId, long planId) {
        return sessions.forPlan(userId, planId);
    }
}
