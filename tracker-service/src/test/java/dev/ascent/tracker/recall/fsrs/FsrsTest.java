package dev.ascent.tracker.recall.fsrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values published with FSRS-6 by open-spaced-repetition: ts-fsrs
 * {@code packages/fsrs/__tests__/FSRS-6.test.ts} ("memory state", "first repeat", "get retrievability",
 * "ivl_history"), whose memory-state values come from fsrs-rs {@code src/inference.rs} (commit 037345f, lines
 * 836-841). All use the default FSRS-6 weights and desired retention 0.9.
 */
class FsrsTest {

    private static final Rating[] MEMORY_RATINGS = {
        Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD
    };
    private static final long[] MEMORY_INTERVALS = {0, 0, 1, 3, 8, 21};

    private static MemoryState replay(FsrsParameters parameters) {
        Fsrs fsrs = new Fsrs(parameters);
        MemoryState state = null;
        for (int i = 0; i < MEMORY_RATINGS.length; i++) {
            state = fsrs.next(state, MEMORY_INTERVALS[i], MEMORY_RATINGS[i]);
        }
        return state;
    }

    @Test
    void memoryStateWithShortTermMatchesFsrsRs() {
        MemoryState state = replay(FsrsParameters.defaults());
        assertEquals(53.62691, state.stability(), 1e-4);
        assertEquals(6.3574867, state.difficulty(), 1e-4);
    }

    @Test
    void memoryStateLongTermOnlyMatchesFsrsRs() {
        MemoryState state = replay(FsrsParameters.defaults().withShortTerm(false));
        assertEquals(53.335106, state.stability(), 1e-4);
        assertEquals(6.3574867, state.difficulty(), 1e-4);
    }

    @Test
    void firstReviewSetsPublishedStabilityAndDifficulty() {
        Fsrs fsrs = new Fsrs(FsrsParameters.defaults());
        double[] stability = {0.212, 1.2931, 2.3065, 8.2956};
        double[] difficulty = {6.4133, 5.11217071, 2.11810397, 1};
        for (Rating rating : Rating.values()) {
            MemoryState first = fsrs.next(null, 0, rating);
            assertEquals(stability[rating.ordinal()], first.stability(), 1e-8, rating.name());
            assertEquals(difficulty[rating.ordinal()], first.difficulty(), 1e-7, rating.name());
        }
    }

    @Test
    void easyFirstReviewIsDueInEightDaysAtPublishedRetrievability() {
        Scheduler scheduler = new Scheduler(FsrsParameters.defaults());
        Instant now = Instant.parse("2023-12-01T04:05:00Z");
        ScheduledCard card = scheduler.review(ScheduledCard.fresh(now), Rating.EASY, now);
        assertEquals(CardState.REVIEW, card.state());
        assertEquals(Duration.ofDays(8), Duration.between(now, card.due()));
        assertEquals(0.9024733, scheduler.fsrs().retrievability(8, card.memory().stability()), 1e-6);
    }

    @Test
    void intervalHistoryMatchesTsFsrs() {
        Scheduler scheduler = new Scheduler(FsrsParameters.defaults());
        Rating[] ratings = {
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.AGAIN,
            Rating.AGAIN,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD,
            Rating.GOOD
        };
        Instant now = Instant.parse("2022-12-29T12:30:00Z");
        ScheduledCard card = ScheduledCard.fresh(now);
        List<Long> days = new ArrayList<>();
        for (Rating rating : ratings) {
            card = scheduler.review(card, rating, now);
            days.add(Duration.between(card.lastReview(), card.due()).toDays());
            now = card.due();
        }
        assertEquals(List.of(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L), days);
    }

    // Derived by hand from the formulas (not published vectors): FACTOR is chosen so that R(S, S) = 0.9, hence
    // at desired retention 0.9 the interval equals the stability, and a lower retention stretches it.
    @Test
    void retentionNinetyPercentSchedulesAtStability() {
        Fsrs fsrs = new Fsrs(FsrsParameters.defaults());
        assertEquals(0.9, fsrs.retrievability(17.3, 17.3), 1e-12);
        assertEquals(17, fsrs.intervalDays(17.3));
        assertEquals(1, fsrs.intervalDays(0.2));
        Fsrs relaxed = new Fsrs(FsrsParameters.defaults(0.8));
        // I = S / FACTOR * (0.8^(1/DECAY) - 1), DECAY = -0.1542, FACTOR = 0.9^(1/DECAY) - 1
        double decay = -0.1542;
        double expected = 10 / (Math.pow(0.9, 1 / decay) - 1) * (Math.pow(0.8, 1 / decay) - 1);
        assertEquals(Math.round(expected), relaxed.intervalDays(10));
    }
}
