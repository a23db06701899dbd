package dev.ascent.web.practice;

import com.google.protobuf.Timestamp;
import dev.ascent.proto.tracker.v1.AttemptPoint;
import dev.ascent.proto.tracker.v1.PhaseStats;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.web.chart.Chart;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Practice stats as charts: coverage and self-rating of every completed attempt, in time order. */
final class PracticeCharts {

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PracticeCharts() {}

    static Chart coverage(PracticeStats stats) {
        List<AttemptPoint> points = attempts(stats);
        return Chart.lines(
                "Checklist coverage per attempt",
                "%",
                labels(points),
                List.of(new Chart.Line(
                        "Coverage",
                        "actual",
                        points.stream().map(p -> p.getCoveragePercent()).toList())),
                100);
    }

    static Chart rating(PracticeStats stats) {
        List<AttemptPoint> points = attempts(stats);
        return Chart.lines(
                "Self-rating per attempt (1-5)",
                "",
                labels(points),
                List.of(new Chart.Line(
                        "Self-rating",
                        "rating",
                        points.stream().map(p -> (double) p.getSelfRating()).toList())),
                5);
    }

    /** Design phases, the most often missed first. */
    static List<PhaseStats> phasesByMisses(PracticeStats stats) {
        return stats.getPhasesList().stream()
                .sorted(Comparator.comparingDouble(PhaseStats::getMissPercent).reversed())
                .toList();
    }

    private static List<AttemptPoint> attempts(PracticeStats stats) {
        List<AttemptPoint> all = new ArrayList<>();
        stats.getSourcesList().forEach(s -> all.addAll(s.getTrendList()));
        all.sort(Comparator.comparingLong(p -> p.getEndTime().getSeconds()));
        return all;
    }

    private static List<String> labels(List<AttemptPoint> points) {
        return points.stream().map(p -> LABEL.format(instant(p.getEndTime()))).toList();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
