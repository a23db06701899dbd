package dev.ascent.tracker.recall.fsrs;

/** Where a card is in the FSRS life cycle (py-fsrs {@code State}). */
public enum CardState {
    /** New or in its first same-day learning steps. */
    LEARNING,
    /** Graduated: scheduled in whole days by the memory model. */
    REVIEW,
    /** Forgotten (rated AGAIN) in review, back on same-day steps. */
    RELEARNING
}
