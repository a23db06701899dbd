package dev.ascent.tracker.practice;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mentor's step scores from a review decision, stored on the session's steps. The caller (the review feature)
 * holds the session lock and has read {@code steps} with {@link PracticeSteps#lockSteps}.
 */
@Singleton
public class ApplyReviewScores {

    private final PracticeSessionRepository sessions;
    private final PracticeStepRepository steps;

    ApplyReviewScores(PracticeSessionRepository sessions, PracticeStepRepository steps) {
        this.sessions = sessions;
        this.steps = steps;
    }

    /** {@code byPosition}: step position to score; the session's version moves when any score was given. */
    public void applyReviewScores(
            PracticeSessionRow session, List<PracticeStepRow> locked, Map<Integer, Integer> byPosition, Instant now) {
        for (PracticeStepRow step : locked) {
            Integer score = byPosition.get(step.position());
            if (score != null && score != step.mentorScore()) {
                steps.update(step.withMentorScore(score));
            }
        }
        if (!byPosition.isEmpty()) {
            sessions.update(session.touched(now));
        }
    }
}
