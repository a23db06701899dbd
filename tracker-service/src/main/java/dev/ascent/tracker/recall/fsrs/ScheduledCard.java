package dev.ascent.tracker.recall.fsrs;

import java.time.Instant;

/**
 * What the scheduler needs to know about a card.
 *
 * @param memory     null until the first review
 * @param step       index into the (re)learning steps while LEARNING or RELEARNING, otherwise 0
 * @param lastReview null until the first review
 */
public record ScheduledCard(CardState state, int step, MemoryState memory, Instant lastReview, Instant due) {

    /** A card nobody has reviewed yet, due at once. */
    public static ScheduledCard fresh(Instant now) {
        return new ScheduledCard(CardState.LEARNING, 0, null, null, now);
    }
}
