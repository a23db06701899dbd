package dev.ascent.tracker.practice;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * The practice rows of an imported export (the export feature checks and builds them), written in the import's
 * transaction; the import adds to the rollups last, through {@link PracticeRollupStore}.
 */
@Singleton
public class ImportedSessions {

    private final PracticeSessionRepository sessions;
    private final PracticeStepRepository steps;

    ImportedSessions(PracticeSessionRepository sessions, PracticeStepRepository steps) {
        this.sessions = sessions;
        this.steps = steps;
    }

    public void save(PracticeSessionRow session, List<PracticeStepRow> sessionSteps) {
        sessions.save(session);
        steps.saveAll(sessionSteps);
    }
}
