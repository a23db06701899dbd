package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.web.chart.Chart;
import dev.ascent.web.plan.PlanCharts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The SVG chart geometry: axes scale to the data, gaps stay gaps, the table carries the same numbers. */
class ChartTest {

    @Test
    void linesScaleToAtLeastTheGivenTopAndSkipUnknownValues() {
        Chart c = Chart.lines(
                "Burn-up",
                "%",
                List.of("w1", "w2", "w3"),
                List.of(
                        new Chart.Line("Expected", "expected", List.of(20.0, 60.0, 100.0)),
                        new Chart.Line("Actual", "actual", Arrays.asList(10.0, 30.0, null))),
                100);
        assertEquals("100%", c.yTicks().get(4).label());
        Chart.Series actual = c.series().get(1);
        assertEquals(2, actual.dots().size(), "no dot for a week that has not happened");
        assertEquals(2, actual.points().split(" ").length);
        Chart.Dot top = c.series().get(0).dots().get(2);
        assertEquals(12.0, top.y(), 0.01, "100% sits on the top edge of the plot");
        assertEquals(c.plotRight(), top.x(), 0.01);
        assertEquals(List.of("w3", "100%", ""), c.rows().get(2));
        assertTrue(top.label().contains("Expected, w3: 100%"), top.label());
    }

    @Test
    void barsGetARoundAxisTopAndTheirValuesAsTitles() {
        Chart c = Chart.bars("Minutes", "min", List.of("Dec 1", "Dec 8"), List.of(90.0, 37.0));
        assertEquals("100 min", c.yTicks().get(4).label());
        assertEquals("Dec 1: 90 min", c.bars().get(0).label());
        assertEquals(c.plotBottom(), c.bars().get(1).y() + c.bars().get(1).height(), 0.01, "bars stand on the axis");
        assertTrue(c.bars().get(0).height() > c.bars().get(1).height());
        assertTrue(c.bars().get(0).width() <= 48);
    }

    @Test
    void aRatingScaleGetsALinePerPoint() {
        Chart c = Chart.lines("Rating", "", List.of("a"), List.of(new Chart.Line("r", "rating", List.of(4.0))), 5);
        assertEquals(
                List.of("0", "1", "2", "3", "4", "5"),
                c.yTicks().stream().map(Chart.Tick::label).toList());
    }

    @Test
    void anEmptyChartSaysSo() {
        assertTrue(Chart.lines("x", "%", List.of(), List.of(), 100).empty());
        assertTrue(Chart.bars("x", "min", List.of(), List.of()).empty());
    }

    /** The pages are in English whatever the server's default locale: "Dec 1", not "Dez. 1". */
    @Test
    void burnUpWeeksAreLabelledInEnglishUnderAnotherDefaultLocale() {
        Plan plan = Plan.newBuilder()
                .setStartDate("2026-12-01")
                .setTimeZone("UTC")
                .addItems(PlanItem.newBuilder()
                        .setEstimatedMinutes(60)
                        .setWeek(2)
                        .setStatus(PlanItemStatus.PLAN_ITEM_STATUS_TODO))
                .build();
        ProgressSummary summary =
                ProgressSummary.newBuilder().setToday("2026-12-03").build();
        Locale before = Locale.getDefault();
        Chart chart;
        try {
            Locale.setDefault(Locale.GERMANY);
            chart = PlanCharts.burnUp(plan, summary);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(
                List.of("Dec 1", "Dec 8"),
                chart.rows().stream().map(r -> r.get(0)).toList());
    }
}
