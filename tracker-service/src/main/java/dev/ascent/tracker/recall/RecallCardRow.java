package dev.ascent.tracker.recall;

import dev.ascent.tracker.recall.fsrs.CardState;
import dev.ascent.tracker.recall.fsrs.MemoryState;
import dev.ascent.tracker.recall.fsrs.ScheduledCard;
import java.time.Instant;

/**
 * A recall card as stored. {@code sourceName} is relative to the owner ({@code plans/1/items/2}), so it is written
 * where the owner's handle is not at hand (a mentor's review decision).
 */
public record RecallCardRow(
        long id,
        long userId,
        String origin,
        String sourceName,
        Long planId,
        String front,
        String back,
        String state,
        int step,
        Double stability,
        Double difficulty,
        boolean suspended,
        Instant due,
        Instant lastReview,
        int reps,
        int lapses,
        int version,
        Instant createTime) {

    public static final String MANUAL = "MANUAL";
    public static final String PLAN_ITEM = "PLAN_ITEM";
    public static final String PRACTICE_STEP = "PRACTICE_STEP";

    public String etag() {
        return Long.toHexString(id) + "-" + version;
    }

    public ScheduledCard scheduled() {
        MemoryState memory = stability == null ? null : new MemoryState(stability, difficulty);
        return new ScheduledCard(CardState.valueOf(state), step, memory, lastReview, due);
    }
}
