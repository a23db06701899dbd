package dev.ascent.tracker.practice;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/** Practice steps as other features read and lock them; see {@link PracticeSessions}. */
@Singleton
public class PracticeSteps {

    private final PracticeStepRepository steps;

    PracticeSteps(PracticeStepRepository steps) {
        this.steps = steps;
    }

    /** The steps of a session whose row the caller has locked, in position order, locked too. */
    public List<PracticeStepRow> lockSteps(long sessionId) {
        return steps.lockSteps(sessionId);
    }

    /** The steps of several sessions in one query, in no particular order. */
    public List<PracticeStepRow> findBySessionIdIn(Collection<Long> sessionIds) {
        return steps.findBySessionIdIn(sessionIds);
    }

    /** The steps of a user's completed sessions (of one source when set), in one query. */
    public List<PracticeStepRow> completedSteps(long userId, String source) {
        return steps.completedSteps(userId, source);
    }
}
