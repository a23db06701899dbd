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
 * The practice rollups as values, and how they follow from raw rows. {@link PracticeRollupStore} keeps them in the
 * database (moved in SQL with each session write); this class states what they must equal, so the stats from
 * raw rows, the consistency check and the rollup-based stats all share one definition.
 */
public final class PracticeRollups {

    /**
     * A user's sessions of one source. {@code last*} and {@code title} are those of the latest session of any
     * state by (start time, id); the counters cover COMPLETED sessions, {@code abandonedCount} ABANDONED and EXPIRED.
     */
    public record Source(
            String source,
            Instant lastStartTime,
            long lastSessionId,
            String title,
            int completedCount,
            int abandonedCount,
            double coverageSum,
            double bestCoverage,
            long ratingSum,
            long durationMicros) {

        PracticeStatsCalculator.Totals totals() {
            return new PracticeStatsCalculator.Totals(
                    completedCount,
                    abandonedCount,
                    completedCount == 0 ? 0 : coverageSum / completedCount,
                    completedCount == 0 ? 0 : (double) ratingSum / completedCount,
                    Duration.ofNanos(Math.multiplyExact(durationMicros, 1000L)),
                    lastStartTime);
        }
    }

    /**
     * A source step under one phase, over the steps of COMPLETED sessions. {@code last*} and {@code title} are those
     * of the copy in the latest completed session by (end time, session id, position).
     */
    public record Step(
            String source,
            String sourceStep,
            String phase,
            int attemptCount,
            int missedCount,
            Instant lastEndTime,
            long lastSessionId,
            int lastPosition,
            String title) {

        /** Orders copies of a step: the later one is the one whose title and position the stats show. */
        static final Comparator<Step> LATEST = Comparator.comparing(Step::lastEndTime)
                .thenComparingLong(Step::lastSessionId)
                .thenComparingInt(Step::lastPosition);
    }

    public record All(List<Source> sources, List<Step> steps) {}

    private PracticeRollups() {}

    /** The rollups of {@code sessions} (any state) and the steps of the COMPLETED ones among them. */
    public static All of(List<PracticeSessionRow> sessions, List<PracticeStepRow> steps) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<Long, PracticeSessionRow> completed = new HashMap<>();
        for (PracticeSessionRow s : sessions) {
            sources.merge(s.source(), started(s), PracticeRollups::merge);
            if (s.state().equals(PracticeSessionRow.COMPLETED)) {
                completed.put(s.id(), s);
            }
            if (!s.active()) {
                sources.merge(s.source(), finished(s), PracticeRollups::merge);
            }
        }
        Map<List<String>, Step> byKey = new LinkedHashMap<>();
        for (PracticeStepRow step : steps) {
            PracticeSessionRow s = completed.get(step.sessionId());
            if (s != null) {
                Step one = step(s, step);
                byKey.merge(List.of(one.source(), one.sourceStep(), one.phase()), one, PracticeRollups::merge);
            }
        }
        return new All(new ArrayList<>(sources.values()), new ArrayList<>(byKey.values()));
    }

    /** A source's row before any session: what a missing row counts as. */
    public static Source empty(String source) {
        return new Source(source, Instant.EPOCH, 0, "", 0, 0, 0, 0, 0, 0);
    }

    /** What starting {@code s} adds to its source: a newer latest session, no counts. */
    public static Source started(PracticeSessionRow s) {
        return new Source(s.source(), s.startTime(), s.id(), s.title(), 0, 0, 0, 0, 0, 0);
    }

    /** What ending {@code s} (COMPLETED, ABANDONED or EXPIRED) adds to its source's counters. */
    public static Source finished(PracticeSessionRow s) {
        if (!s.state().equals(PracticeSessionRow.COMPLETED)) {
            return new Source(s.source(), s.startTime(), s.id(), s.title(), 0, 1, 0, 0, 0, 0);
        }
        double coverage = s.coveragePercent();
        long micros = Duration.between(s.startTime(), s.endTime()).toNanos() / 1000;
        return new Source(
                s.source(), s.startTime(), s.id(), s.title(), 1, 0, coverage, coverage, s.selfRating(), micros);
    }

    /** What one step of the COMPLETED session {@code s} adds. */
    public static Step step(PracticeSessionRow s, PracticeStepRow step) {
        return new Step(
                s.source(),
                step.sourceStep(),
                step.phase(),
                1,
                step.checked() ? 0 : 1,
                s.endTime(),
                s.id(),
                step.position(),
                step.title());
    }

    /** The same sums the database moves in SQL ({@link PracticeRollupStore}). */
    static Source merge(Source a, Source b) {
        boolean bLater = b.lastStartTime().isAfter(a.lastStartTime())
                || (b.lastStartTime().equals(a.lastStartTime()) && b.lastSessionId() > a.lastSessionId());
        Source latest = bLater ? b : a;
        return new Source(
                a.source(),
                latest.lastStartTime(),
                latest.lastSessionId(),
                latest.title(),
                a.completedCount() + b.completedCount(),
                a.abandonedCount() + b.abandonedCount(),
                a.coverageSum() + b.coverageSum(),
                Math.max(a.bestCoverage(), b.bestCoverage()),
                a.ratingSum() + b.ratingSum(),
                a.durationMicros() + b.durationMicros());
    }

    static Step merge(Step a, Step b) {
        Step latest = Step.LATEST.compare(b, a) >= 0 ? b : a;
        return new Step(
                a.source(),
                a.sourceStep(),
                a.phase(),
                a.attemptCount() + b.attemptCount(),
                a.missedCount() + b.missedCount(),
                latest.lastEndTime(),
                latest.lastSessionId(),
                latest.lastPosition(),
                latest.title());
    }
}
