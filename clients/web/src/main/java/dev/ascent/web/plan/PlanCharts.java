package dev.ascent.web.plan;

import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.WeekMinutes;
import dev.ascent.web.chart.Chart;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan page's charts. The burn-up compares, week by week, the percent the schedule expects done (items weighted
 * by their estimates, counted at the end of the week they are scheduled in) with the percent actually done (DONE
 * items, counted in the week they were completed). Skipped items count in neither, as in the progress summary.
 */
public final class PlanCharts {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private PlanCharts() {}

    public static Chart burnUp(Plan plan, ProgressSummary summary) {
        List<PlanItem> counted = plan.getItemsList().stream()
                .filter(i -> i.getStatus() != PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED)
                .toList();
        double total = counted.stream().mapToLong(PlanItem::getEstimatedMinutes).sum();
        if (total <= 0 || plan.getStartDate().isEmpty()) {
            return Chart.lines("Burn-up: expected and actual percent done, by week", "%", List.of(), List.of(), 100);
        }
        LocalDate start = LocalDate.parse(plan.getStartDate());
        ZoneId zone = zone(plan.getTimeZone());
        LocalDate today = summary.getToday().isEmpty() ? LocalDate.now(zone) : LocalDate.parse(summary.getToday());
        int lastScheduled = counted.stream().mapToInt(PlanItem::getWeek).max().orElse(1);
        int currentWeek = (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(start, today) / 7 + 1);
        int weeks = Math.max(lastScheduled, currentWeek);
        List<String> labels = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        for (int w = 1; w <= weeks; w++) {
            LocalDate weekStart = start.plusWeeks(w - 1);
            Instant weekEnd = weekStart.plusWeeks(1).atStartOfDay(zone).toInstant();
            labels.add(LABEL.format(weekStart));
            final int week = w;
            double planned = counted.stream()
                    .filter(i -> i.getWeek() <= week)
                    .mapToLong(PlanItem::getEstimatedMinutes)
                    .sum();
            expected.add(100 * planned / total);
            if (w <= currentWeek) {
                double done = counted.stream()
                        .filter(i -> i.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_DONE
                                && i.hasCompleteTime()
                                && Instant.ofEpochSecond(i.getCompleteTime().getSeconds())
                                        .isBefore(weekEnd))
                        .mapToLong(PlanItem::getEstimatedMinutes)
                        .sum();
                actual.add(100 * done / total);
            } else {
                actual.add(null);
            }
        }
        return Chart.lines(
                "Burn-up: expected and actual percent done, by week",
                "%",
                labels,
                List.of(new Chart.Line("Expected", "expected", expected), new Chart.Line("Actual", "actual", actual)),
                100);
    }

    public static Chart minutesPerWeek(ProgressSummary summary) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (WeekMinutes w : summary.getWeeklyMinutesList()) {
            labels.add(
                    w.getWeekStart().isEmpty() ? "w" + w.getWeek() : LABEL.format(LocalDate.parse(w.getWeekStart())));
            values.add((double) w.getMinutes());
        }
        return Chart.bars("Minutes logged per week", "min", labels, values);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
