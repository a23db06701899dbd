package dev.ascent.tracker.practice;

import java.util.List;

/**
 * Called when a session completes with steps left unchecked, in its transaction and under its lock. The recall
 * feature (above practice) implements it by making a card per unchecked step.
 */
public interface UncheckedSteps {

    void stepsLeftUnchecked(PracticeSessionRow session, List<PracticeStepRow> steps);
}
