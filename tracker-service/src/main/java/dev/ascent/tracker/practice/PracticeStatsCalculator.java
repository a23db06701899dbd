package dev.ascent.tracker.practice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Practice statistics from a user's sessions (or their rollups), pure so it is tested without a database. Attempts, coverage,
 * ratings, trends and missed steps count COMPLETED sessions only; ABANDONED and EXPIRED ones count as abandoned;
 * ACTIVE ones only as a recent attempt time.
 */
public final class PracticeStatsCalculator {

    /** Completed sessions per source shown in its trend. */
    public static final int TREND_POINTS = 20;
    /** Missed steps shown per source. */
    public static final int MISSED_STEPS = 10;

    /** {@code lastAttemptTime} is the start of the most recent session of any state; null when there is none. */
    public record Totals(
            int attempts,
            int abandonedCount,
            double averageCoveragePercent,
            double averageSelfRating,
            Duration totalDuration,
            Instant lastAttemptTime) {}

    public record Point(long sessionId, Instant endTime, double coveragePercent, int selfRating) {}

    public record Missed(
            String sourceStep, String title, String phase, int missedCount, int attemptCount, double missPercent) {}

    public record SourceStats(
            String source,
            String title,
            Totals totals,
            double bestCoveragePercent,
            List<Point> trend,
            List<Missed> mostMissed) {}

    public record PhaseStats(String phase, int stepCount, int missedCount, double missPercent) {}

    public record Stats(Totals overall, List<SourceStats> sources, List<PhaseStats> phases) {}

    private PracticeStatsCalculator() {}

    /** 0 to 100; 0 when {@code total} is 0. */
    public static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    /**
     * @param sessions       every session in scope, any state
     * @param completedSteps the steps of the COMPLETED sessions among them (others are ignored)
     */
    public static Stats compute(List<PracticeSessionRow> sessions, List<PracticeStepRow> completedSteps) {
        Map<String, List<Point>> trends = new HashMap<>();
        sessions.stream()
                .filter(s -> s.state().equals(PracticeSessionRow.COMPLETED))
                .sorted(Comparator.comparing(PracticeSessionRow::endTime).thenComparing(PracticeSessionRow::id))
                .forEach(s -> trends.computeIfAbsent(s.source(), k -> new ArrayList<>())
                        .add(point(s)));
        trends.replaceAll((source, points) ->
                List.copyOf(points.subList(Math.max(0, points.size() - TREND_POINTS), points.size())));
        return fromRollups(PracticeRollups.of(sessions, completedSteps), trends);
    }

    /** A COMPLETED session as a point of its source's trend. */
    public static Point point(PracticeSessionRow s) {
        return new Point(s.id(), s.endTime(), s.coveragePercent(), s.selfRating());
    }

    /**
     * The stats from the rollups of the sessions in scope and, per source, the trend: its last
     * {@link #TREND_POINTS} COMPLETED sessions, oldest first. Reads nothing else, so its cost is bounded by the
     * number of sources and steps practised, not by the number of sessions.
     */
    public static Stats fromRollups(PracticeRollups.All rollups, Map<String, List<Point>> trends) {
        Map<String, List<PracticeRollups.Step>> stepsBySource = new HashMap<>();
        rollups.steps()
                .forEach(s -> stepsBySource
                        .computeIfAbsent(s.source(), k -> new ArrayList<>())
                        .add(s));
        List<SourceStats> sources = new ArrayList<>();
        for (PracticeRollups.Source r : rollups.sources()) {
            sources.add(new SourceStats(
                    r.source(),
                    r.title(),
                    r.totals(),
                    r.bestCoverage(),
                    trends.getOrDefault(r.source(), List.of()),
                    missed(stepsBySource.getOrDefault(r.source(), List.of()))));
        }
        sources.sort(Comparator.comparing(
                        (SourceStats s) -> s.totals().lastAttemptTime(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SourceStats::source));
        return new Stats(overall(rollups.sources()), sources, phases(rollups.steps()));
    }

    private static Totals overall(List<PracticeRollups.Source> sources) {
        int attempts = 0;
        int abandoned = 0;
        double coverageSum = 0;
        long ratingSum = 0;
        Duration total = Duration.ZERO;
        Instant last = null;
        for (PracticeRollups.Source s : sources) {
            Totals t = s.totals();
            attempts += t.attempts();
            abandoned += t.abandonedCount();
            coverageSum += s.coverageSum();
            ratingSum += s.ratingSum();
            total = total.plus(t.totalDuration());
            if (last == null || t.lastAttemptTime().isAfter(last)) {
                last = t.lastAttemptTime();
            }
        }
        return new Totals(
                attempts,
                abandoned,
                attempts == 0 ? 0 : coverageSum / attempts,
                attempts == 0 ? 0 : (double) ratingSum / attempts,
                total,
                last);
    }

    /**
     * Grouped by source step (over its phases); the latest copy's title, phase and position win; ties by that
     * position, then by the source step.
     */
    private static List<Missed> missed(List<PracticeRollups.Step> steps) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, PracticeRollups.Step> latest = new HashMap<>();
        for (PracticeRollups.Step step : steps) {
            int[] c = counts.computeIfAbsent(step.sourceStep(), k -> new int[2]);
            c[0] += step.missedCount();
            c[1] += step.attemptCount();
            latest.merge(step.sourceStep(), step, (a, b) -> PracticeRollups.Step.LATEST.compare(b, a) >= 0 ? b : a);
        }
        List<Missed> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (c[0] > 0) {
                PracticeRollups.Step step = latest.get(key);
                out.add(new Missed(key, step.title(), step.phase(), c[0], c[1], percent(c[0], c[1])));
            }
        });
        out.sort(Comparator.comparingInt(Missed::missedCount)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Missed::missPercent).reversed())
                .thenComparingInt((Missed m) -> latest.get(m.sourceStep()).lastPosition())
                .thenComparing(Missed::sourceStep));
        return out.size() > MISSED_STEPS ? List.copyOf(out.subList(0, MISSED_STEPS)) : out;
    }

    /** Phases of design-prompt steps (checklist items have none), highest miss rate first. */
    private static List<PhaseStats> phases(List<PracticeRollups.Step> steps) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (PracticeRollups.Step step : steps) {
            if (step.phase().isEmpty()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(step.phase(), k -> new int[2]);
            c[0] += step.missedCount();
            c[1] += step.attemptCount();
        }
        List<PhaseStats> out = new ArrayList<>();
        counts.forEach((phase, c) -> out.add(new PhaseStats(phase, c[1], c[0], percent(c[0], c[1]))));
        out.sort(Comparator.comparingDouble(PhaseStats::missPercent)
                .reversed()
                .thenComparing(Comparator.comparingInt(PhaseStats::missedCount).reversed())
                .thenComparing(PhaseStats::phase));
        return out;
    }
}
