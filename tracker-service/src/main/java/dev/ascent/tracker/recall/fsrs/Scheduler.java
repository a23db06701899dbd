package dev.ascent.tracker.recall.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns ratings into due times the way py-fsrs's {@code Scheduler} does (without fuzzing): a new card goes through
 * same-day learning steps (1 min, 10 min), a forgotten one through a relearning step (10 min), and a graduated card
 * is due after {@link Fsrs#intervalDays} whole days.
 */
public final class Scheduler {

    static final List<Duration> LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    static final List<Duration> RELEARNING_STEPS = List.of(Duration.ofMinutes(10));

    private final Fsrs fsrs;

    public Scheduler(FsrsParameters parameters) {
        this.fsrs = new Fsrs(parameters);
    }

    public Fsrs fsrs() {
        return fsrs;
    }

    /** The card after a review with the given rating at {@code now}. */
    public ScheduledCard review(ScheduledCard card, Rating rating, Instant now) {
        long elapsedDays = card.lastReview() == null
                ? 0
                : Math.max(0, Duration.between(card.lastReview(), now).toDays());
        MemoryState memory = fsrs.next(card.memory(), elapsedDays, rating);
        return switch (card.state()) {
            case LEARNING -> steps(card, memory, rating, now, LEARNING_STEPS, CardState.LEARNING);
            case RELEARNING -> steps(card, memory, rating, now, RELEARNING_STEPS, CardState.RELEARNING);
            case REVIEW ->
                rating == Rating.AGAIN
                        ? new ScheduledCard(CardState.RELEARNING, 0, memory, now, now.plus(RELEARNING_STEPS.get(0)))
                        : graduate(memory, now);
        };
    }

    private ScheduledCard steps(
            ScheduledCard card, MemoryState memory, Rating rating, Instant now, List<Duration> steps, CardState state) {
        int step = card.step();
        if (step >= steps.size() && rating != Rating.AGAIN) {
            return graduate(memory, now);
        }
        return switch (rating) {
            case AGAIN -> new ScheduledCard(state, 0, memory, now, now.plus(steps.get(0)));
            case HARD -> new ScheduledCard(state, step, memory, now, now.plus(hardStep(steps, step)));
            case GOOD ->
                step + 1 >= steps.size()
                        ? graduate(memory, now)
                        : new ScheduledCard(state, step + 1, memory, now, now.plus(steps.get(step + 1)));
            case EASY -> graduate(memory, now);
        };
    }

    private static Duration hardStep(List<Duration> steps, int step) {
        if (step == 0 && steps.size() == 1) {
            return steps.get(0).multipliedBy(3).dividedBy(2);
        }
        if (step == 0) {
            return steps.get(0).plus(steps.get(1)).dividedBy(2);
        }
        return steps.get(step);
    }

    private ScheduledCard graduate(MemoryState memory, Instant now) {
        return new ScheduledCard(
                CardState.REVIEW, 0, memory, now, now.plus(Duration.ofDays(fsrs.intervalDays(memory.stability()))));
    }
}
