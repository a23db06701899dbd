package dev.ascent.tracker.practice;

import java.util.List;

/** A session with its steps, as its owner's handle names it. */
public record PracticeView(PracticeSessionRow session, List<PracticeStepRow> steps, String ownerHandle) {

    public String name() {
        return PracticeNames.session(ownerHandle, session.id());
    }
}
