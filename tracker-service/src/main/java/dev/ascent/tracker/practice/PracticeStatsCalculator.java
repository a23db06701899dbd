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
 * Practice statistics from a user's sessions, pure so it is tested without a database. Attempts, coverage,
 * ratings, trends and missed steps count COMPLETED sessions only; ABANDONED and EXPIRED ones count as abandoned;
 * ACTIVE ones only as a recent attempt time.
 */
public final class PracticeStatsCalculator {

    /** Completed sessions per source shown in its trend. */
    public static final int TREND_POINTS = 20;
    /** Missed steps shown per source. */
    public static final int MISSED_STEPS = 10;

    /** {@code lastAttemptTime} is the start of the most recent session of any state; null when there is none. */
    public record Totals(int attempts, int abandonedCount, double averageCoveragePercent, double averageSelfRating,
                         Duration totalDuration, Instant lastAttemptTime) {
    }

    public record Point(long sessionId, Instant endTime, double coveragePercent, int selfRating) {
    }

    public record Missed(String sourceStep, String title, String phase, int missedCount, int attemptCount,
                         double missPercent) {
    }

    public record SourceStats(String source, String title, Totals totals, double bestCoveragePercent,
                              List<Point> trend, List<Missed> mostMissed) {
    }

    public record PhaseStats(String phase, int stepCount, int missedCount, double missPercent) {
    }

    public record Stats(Totals overall, List<SourceStats> sources, List<PhaseStats> phases) {
    }

    private PracticeStatsCalculator() {
    }

    /** 0 to 100; 0 when {@code total} is 0. */
    public static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    /**
     * @param sessions       every session in scope, any state
     * @param completedSteps the steps of the COMPLETED sessions among them (others are ignored)
     */
    public static Stats compute(List<PracticeSessionRow> sessions, List<PracticeStepRow> completedSteps) {
        Map<String, List<PracticeSessionRow>> bySource = new LinkedHashMap<>();
        for (PracticeSessionRow s : sessions) {
            bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s);
        }
        Map<Long, PracticeSessionRow> completed = new HashMap<>();
        sessions.stream().filter(s -> s.state().equals(PracticeSessionRow.COMPLETED))
                .forEach(s -> completed.put(s.id(), s));
        Map<Long, List<PracticeStepRow>> stepsBySession = new HashMap<>();
        for (PracticeStepRow step : completedSteps) {
            if (completed.containsKey(step.sessionId())) {
                stepsBySession.computeIfAbsent(step.sessionId(), k -> new ArrayList<>()).add(step);
            }
        }
        List<SourceStats> sources = new ArrayList<>();
        bySource.forEach((source, group) -> sources.add(source(source, group, stepsBySession)));
        sources.sort(Comparator.comparing((SourceStats s) -> s.totals().lastAttemptTime(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(SourceStats::source));
        return new Stats(totals(sessions), sources, phases(completed, stepsBySession));
    }

    static Totals totals(List<PracticeSessionRow> sessions) {
        int attempts = 0;
        int abandoned = 0;
        double coverageSum = 0;
        long ratingSum = 0;
        Duration total = Duration.ZERO;
        Instant last = null;
        for (PracticeSessionRow s : sessions) {
            if (last == null || s.startTime().isAfter(last)) {
                last = s.startTime();
            }
            switch (s.state()) {
                case PracticeSessionRow.COMPLETED -> {
                    attempts++;
                    coverageSum += s.coveragePercent();
                    ratingSum += s.selfRating();
                    total = total.plus(Duration.between(s.startTime(), s.endTime()));
                }
                case PracticeSessionRow.ABANDONED, PracticeSessionRow.EXPIRED -> abandoned++;
                default -> {
                    // ACTIVE: counts only as the latest attempt time
                }
            }
        }
        return new Totals(attempts, abandoned, attempts == 0 ? 0 : coverageSum / attempts,
                attempts == 0 ? 0 : (double) ratingSum / attempts, total, last);
    }

    private static SourceStats source(String source, List<PracticeSessionRow> group,
                                      Map<Long, List<PracticeStepRow>> stepsBySession) {
        List<PracticeSessionRow> done = group.stream().filter(s -> s.state().equals(PracticeSessionRow.COMPLETED))
                .sorted(Comparator.comparing(PracticeSessionRow::endTime).thenComparing(PracticeSessionRow::id))
                .toList();
        double best = done.stream().mapToDouble(PracticeSessionRow::coveragePercent).max().orElse(0);
        List<Point> trend = done.subList(Math.max(0, done.size() - TREND_POINTS), done.size()).stream()
                .map(s -> new Point(s.id(), s.endTime(), s.coveragePercent(), s.selfRating())).toList();
        PracticeSessionRow latest = group.stream().max(Comparator.comparing(PracticeSessionRow::startTime)
                .thenComparing(PracticeSessionRow::id)).orElseThrow();
        return new SourceStats(source, latest.title(), totals(group), best, trend, missed(done, stepsBySession));
    }

    /** Grouped by source step; the latest title and phase win; ties by the step's position in the latest copy. */
    private static List<Missed> missed(List<PracticeSessionRow> done, Map<Long, List<PracticeStepRow>> steps) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, PracticeStepRow> latest = new HashMap<>();
        for (PracticeSessionRow s : done) {
            for (PracticeStepRow step : steps.getOrDefault(s.id(), List.of())) {
                int[] c = counts.computeIfAbsent(step.sourceStep(), k -> new int[2]);
                c[1]++;
                if (!step.checked()) {
                    c[0]++;
                }
                latest.put(step.sourceStep(), step);
            }
        }
        List<Missed> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (c[0] > 0) {
                PracticeStepRow step = latest.get(key);
                out.add(new Missed(key, step.title(), step.phase(), c[0], c[1], percent(c[0], c[1])));
            }
        });
        out.sort(Comparator.comparingInt(Missed::missedCount).reversed()
                .thenComparing(Comparator.comparingDouble(Missed::missPercent).reversed())
                .thenComparingInt(m -> latest.get(m.sourceStep()).position()));
        return out.size() > MISSED_STEPS ? List.copyOf(out.subList(0, MISSED_STEPS)) : out;
    }

    /** Phases of design-prompt steps (checklist items have none), highest miss rate first. */
    private static List<PhaseStats> phases(Map<Long, PracticeSessionRow> completed,
                                           Map<Long, List<PracticeStepRow>> steps) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Long id : completed.keySet()) {
            for (PracticeStepRow step : steps.getOrDefault(id, List.of())) {
                if (step.phase().isEmpty()) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(step.phase(), k -> new int[2]);
                c[1]++;
                if (!step.checked()) {
                    c[0]++;
                }
            }
        }
        List<PhaseStats> out = new ArrayList<>();
        counts.forEach((phase, c) -> out.add(new PhaseStats(phase, c[1], c[0], percent(c[0], c[1]))));
        out.sort(Comparator.comparingDouble(PhaseStats::missPercent).reversed()
                .thenComparing(Comparator.comparingInt(PhaseStats::missedCount).reversed())
                .thenComparing(PhaseStats::phase));
        return out;
    }
}
