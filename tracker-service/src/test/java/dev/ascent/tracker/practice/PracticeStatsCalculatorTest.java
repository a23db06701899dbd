package dev.ascent.tracker.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PracticeStatsCalculatorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PROMPT = "designPrompts/feed";
    private static final String[] PHASES = {"REQUIREMENTS", "ESTIMATES", "HIGH_LEVEL_DESIGN", "SCALING"};

    private final List<PracticeSessionRow> sessions = new ArrayList<>();
    private final List<PracticeStepRow> steps = new ArrayList<>();

    /** A session of {@code source} started {@code hour} hours after T0, lasting {@code minutes}. */
    private PracticeSessionRow session(
            String source, int hour, String state, int minutes, int rating, boolean... checked) {
        long id = sessions.size() + 1;
        Instant start = T0.plus(Duration.ofHours(hour));
        Instant end = state.equals(PracticeSessionRow.ACTIVE) ? null : start.plus(Duration.ofMinutes(minutes));
        int count = 0;
        for (int i = 0; i < checked.length; i++) {
            boolean prompt = source.startsWith("designPrompts/");
            steps.add(new PracticeStepRow(
                    id * 100 + i,
                    1,
                    id,
                    i + 1,
                    source + "/steps/" + (i + 1),
                    prompt ? PHASES[i % PHASES.length] : "",
                    "Step " + (i + 1),
                    "",
                    checked[i],
                    "",
                    0));
            count += checked[i] ? 1 : 0;
        }
        PracticeSessionRow row = new PracticeSessionRow(
                id,
                1,
                source,
                "Title of " + source,
                "",
                state,
                45,
                start,
                start.plus(Duration.ofMinutes(45)),
                end,
                checked.length,
                count,
                rating,
                "",
                null,
                null,
                1,
                end == null ? start : end);
        sessions.add(row);
        return row;
    }

    private PracticeStatsCalculator.Stats compute() {
        return PracticeStatsCalculator.compute(sessions, steps);
    }

    @Test
    void nothingPractisedIsAllZeros() {
        var stats = compute();
        assertEquals(0, stats.overall().attempts());
        assertEquals(0, stats.overall().averageCoveragePercent());
        assertEquals(0, stats.overall().averageSelfRating());
        assertEquals(Duration.ZERO, stats.overall().totalDuration());
        assertNull(stats.overall().lastAttemptTime());
        assertTrue(stats.sources().isEmpty());
        assertTrue(stats.phases().isEmpty());
    }

    @Test
    void percentOfNothingIsZero() {
        assertEquals(0, PracticeStatsCalculator.percent(0, 0));
        assertEquals(25.0, PracticeStatsCalculator.percent(1, 4));
    }

    @Test
    void onlyCompletedSessionsCountTowardsCoverageAndRatings() {
        session(PROMPT, 0, PracticeSessionRow.COMPLETED, 40, 2, true, true, false, false);
        session(PROMPT, 1, PracticeSessionRow.COMPLETED, 50, 5, true, true, true, true);
        session(PROMPT, 2, PracticeSessionRow.ABANDONED, 5, 0, true, false, false, false);
        session(PROMPT, 3, PracticeSessionRow.EXPIRED, 24 * 60, 0, false, false, false, false);
        session(PROMPT, 4, PracticeSessionRow.ACTIVE, 0, 0, true, true, true, false);

        var overall = compute().overall();
        assertEquals(2, overall.attempts());
        assertEquals(2, overall.abandonedCount());
        assertEquals((50.0 + 100.0) / 2, overall.averageCoveragePercent(), 1e-9);
        assertEquals(3.5, overall.averageSelfRating(), 1e-9);
        assertEquals(Duration.ofMinutes(90), overall.totalDuration());
        assertEquals(T0.plus(Duration.ofHours(4)), overall.lastAttemptTime(), "an ACTIVE session is an attempt");
    }

    @Test
    void sourcesComeMostRecentFirstWithBestCoverageAndTrend() {
        session(PROMPT, 0, PracticeSessionRow.COMPLETED, 30, 3, true, false);
        session("checklists/7", 1, PracticeSessionRow.COMPLETED, 30, 4, true, true, true);
        session(PROMPT, 2, PracticeSessionRow.COMPLETED, 30, 4, true, true);
        session("checklists/9", 3, PracticeSessionRow.ABANDONED, 30, 0, false);

        var stats = compute();
        assertEquals(
                List.of("checklists/9", PROMPT, "checklists/7"),
                stats.sources().stream()
                        .map(PracticeStatsCalculator.SourceStats::source)
                        .toList());
        var prompt = stats.sources().get(1);
        assertEquals("Title of " + PROMPT, prompt.title());
        assertEquals(100.0, prompt.bestCoveragePercent(), 1e-9);
        assertEquals(
                List.of(50.0, 100.0),
                prompt.trend().stream()
                        .map(PracticeStatsCalculator.Point::coveragePercent)
                        .toList());
        assertEquals(
                List.of(3, 4),
                prompt.trend().stream()
                        .map(PracticeStatsCalculator.Point::selfRating)
                        .toList());
        var abandonedOnly = stats.sources().get(0);
        assertEquals(0, abandonedOnly.totals().attempts());
        assertEquals(1, abandonedOnly.totals().abandonedCount());
        assertTrue(abandonedOnly.trend().isEmpty());
        assertTrue(abandonedOnly.mostMissed().isEmpty(), "abandoned sessions do not count as misses");
    }

    @Test
    void theTrendKeepsTheLastTwentyCompletedSessionsOldestFirst() {
        for (int i = 0; i < 25; i++) {
            session(PROMPT, i, PracticeSessionRow.COMPLETED, 30, 1 + i % 5, i % 2 == 0, true);
        }
        var trend = compute().sources().get(0).trend();
        assertEquals(PracticeStatsCalculator.TREND_POINTS, trend.size());
        assertEquals(6, trend.get(0).sessionId());
        assertEquals(25, trend.get(19).sessionId());
        assertTrue(trend.get(0).endTime().isBefore(trend.get(19).endTime()));
    }

    @Test
    void mostMissedStepsRankByMissesThenRateThenPosition() {
        session(PROMPT, 0, PracticeSessionRow.COMPLETED, 30, 3, true, false, false, true, false);
        session(PROMPT, 1, PracticeSessionRow.COMPLETED, 30, 3, true, false, true, true, false);
        session(PROMPT, 2, PracticeSessionRow.COMPLETED, 30, 3, true, false, false, true);
        var missed = compute().sources().get(0).mostMissed();
        assertEquals(
                List.of(PROMPT + "/steps/2", PROMPT + "/steps/5", PROMPT + "/steps/3"),
                missed.stream().map(PracticeStatsCalculator.Missed::sourceStep).toList(),
                "steps 1 and 4 were never missed; step 5 was missed as often as step 3, but in fewer attempts");
        var step2 = missed.get(0);
        assertEquals(3, step2.missedCount());
        assertEquals(3, step2.attemptCount());
        assertEquals(100.0, step2.missPercent(), 1e-9);
        assertEquals("ESTIMATES", step2.phase());
        var step5 = missed.get(1);
        assertEquals(2, step5.missedCount());
        assertEquals(2, step5.attemptCount());
        assertEquals(100.0, step5.missPercent(), 1e-9);
        var step3 = missed.get(2);
        assertEquals(2, step3.missedCount());
        assertEquals(3, step3.attemptCount());
        assertEquals(200.0 / 3, step3.missPercent(), 1e-9);
    }

    @Test
    void atMostTenMissedSteps() {
        boolean[] none = new boolean[14];
        session(PROMPT, 0, PracticeSessionRow.COMPLETED, 30, 1, none);
        var missed = compute().sources().get(0).mostMissed();
        assertEquals(PracticeStatsCalculator.MISSED_STEPS, missed.size());
        assertEquals(PROMPT + "/steps/1", missed.get(0).sourceStep(), "ties keep the prompt's order");
    }

    @Test
    void phasesRankByMissRateAcrossPrompts() {
        // Phases cycle REQUIREMENTS, ESTIMATES, HIGH_LEVEL_DESIGN, SCALING.
        session(PROMPT, 0, PracticeSessionRow.COMPLETED, 30, 3, true, false, true, false);
        session("designPrompts/chat", 1, PracticeSessionRow.COMPLETED, 30, 3, true, false, false, true);
        session("checklists/7", 2, PracticeSessionRow.COMPLETED, 30, 3, false, false);
        session(PROMPT, 3, PracticeSessionRow.ABANDONED, 30, 3, false, false, false, false);
        var phases = compute().phases();
        assertEquals(
                List.of("ESTIMATES", "HIGH_LEVEL_DESIGN", "SCALING", "REQUIREMENTS"),
                phases.stream().map(PracticeStatsCalculator.PhaseStats::phase).toList());
        assertEquals(new PracticeStatsCalculator.PhaseStats("ESTIMATES", 2, 2, 100.0), phases.get(0));
        assertEquals(new PracticeStatsCalculator.PhaseStats("HIGH_LEVEL_DESIGN", 2, 1, 50.0), phases.get(1));
        assertEquals(new PracticeStatsCalculator.PhaseStats("REQUIREMENTS", 2, 0, 0.0), phases.get(3));
    }
}
