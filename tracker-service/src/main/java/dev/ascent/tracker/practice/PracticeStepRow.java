package dev.ascent.tracker.practice;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One step of a session as copied at start; {@code position} is the 1-based n of its name. */
@MappedEntity("practice_step")
public record PracticeStepRow(
        @Id long id,
        long userId,
        long sessionId,
        int position,
        String sourceStep,
        String phase,
        String title,
        String body,
        boolean checked,
        String notes,
        int mentorScore) {

    public PracticeStepRow with(boolean newChecked, String newNotes) {
        return new PracticeStepRow(
                id, userId, sessionId, position, sourceStep, phase, title, body, newChecked, newNotes, mentorScore);
    }

    public PracticeStepRow withMentorScore(int score) {
        return new PracticeStepRow(
                id, userId, sessionId, position, sourceStep, phase, title, body, checked, notes, score);
    }
}
