package dev.ascent.tracker.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress maths for a fixed "today", as the injected clock gives it in the service. */
class ProgressCalculatorTest {

    private static final int START = 20_000;
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static PlanRow plan(long logged) {
        return PlanRow.create(1, 1, T)
                .title("p")
                .role("roles/r", "R", 1)
                .minutesPerWeek(300)
                .startDay(START)
                .loggedMinutes(logged)
                .build();
    }

    private static PlanItemRow item(long id, String status, int minutes, int dueDay, boolean verified) {
        return PlanItemRow.create(id, 1, 1, "NEXT_STEP", T)
                .title("item " + id)
                .estimatedMinutes(minutes)
                .schedule(1, dueDay)
                .status(ItemStatus.valueOf(status))
                .verified(verified, verified ? "mentor" : "")
                .position((int) id)
                .build();
    }

    @Test
    void aPlanThatStartsAfterTodayHasNoActiveDaysYet() {
        // Found by the fuzzer: ListMentees answered INTERNAL for a mentee whose plan starts in the future.
        List<PlanItemRow> items = List.of(item(1, "TODO", 60, START + 6, false));
        ProgressCalculator.Summary s = ProgressCalculator.summarize(plan(0), items, List.of(day(START, 30)), START - 3);
        assertEquals(1, s.todo());
        assertEquals(1, s.total());
    }

    @Test
    void percentagesWeighByEstimateAndIgnoreSkippedItems() {
        List<PlanItemRow> items = List.of(
                item(1, "DONE", 300, START + 6, true),
                item(2, "DONE", 100, START + 6, false),
                item(3, "TODO", 400, START + 13, false),
                item(4, "SKIPPED", 1000, START + 13, false),
                item(5, "IN_PROGRESS", 200, START + 20, false));
        ProgressCalculator.Summary s = ProgressCalculator.summarize(plan(0), items, List.of(), START + 8);
        assertEquals(5, s.total());
        assertEquals(2, s.done());
        assertEquals(1, s.verified());
        assertEquals(1, s.skipped());
        assertEquals(40.0, s.percentComplete());
        assertEquals(30.0, s.percentVerified());
        assertEquals(40.0, s.expectedPercent(), "items due by today: 400 of 1000 minutes");
        assertEquals(ProgressCalculator.Pace.ON_TRACK, s.pace());
        assertEquals(List.of(), s.overdue());
        assertEquals(List.of(3L, 5L), s.nextDue().stream().map(PlanItemRow::id).toList());
    }

    @Test
    void fallingBehindShowsOverdueItemsAndTheBehindVerdict() {
        List<PlanItemRow> items = List.of(
                item(1, "TODO", 300, START + 6, false),
                item(2, "DONE", 100, START + 13, false),
                item(3, "TODO", 600, START + 20, false));
        List<ProgressCalculator.Day> days = List.of(day(START, 30), day(START + 3, 20), day(START + 9, 10));
        ProgressCalculator.Summary s = ProgressCalculator.summarize(plan(0), items, days, START + 14);
        assertEquals(ProgressCalculator.Pace.BEHIND, s.pace());
        assertEquals(List.of(1L), s.overdue().stream().map(PlanItemRow::id).toList());
        // 100 minutes done in 15 days: 900 remaining minutes take 135 more days.
        assertEquals(START + 14 + 135, s.projectedFinishDay());
        assertEquals("", s.projectionNote());
    }

    @Test
    void aheadWhenMoreIsDoneThanScheduled() {
        List<PlanItemRow> items =
                List.of(item(1, "DONE", 300, START + 20, false), item(2, "TODO", 300, START + 27, false));
        assertEquals(
                ProgressCalculator.Pace.AHEAD,
                ProgressCalculator.summarize(plan(0), items, List.of(), START + 3)
                        .pace());
    }

    @Test
    void streaksCountDaysInARowEndingTodayOrYesterday() {
        List<ProgressCalculator.Day> days = List.of(
                day(START, 30), day(START + 1, 0, 1), day(START + 2, 45), day(START + 5, 20), day(START + 6, 20));
        ProgressCalculator.Summary today = ProgressCalculator.summarize(plan(115), List.of(), days, START + 6);
        assertEquals(2, today.currentStreak());
        assertEquals(3, today.longestStreak());
        assertEquals(
                2,
                ProgressCalculator.summarize(plan(115), List.of(), days, START + 7)
                        .currentStreak(),
                "today without activity yet keeps yesterday's streak");
        assertEquals(
                0,
                ProgressCalculator.summarize(plan(115), List.of(), days, START + 8)
                        .currentStreak());
    }

    @Test
    void weeklyMinutesCoverEveryWeekUpToToday() {
        List<ProgressCalculator.Day> days = List.of(day(START, 30), day(START + 8, 60), day(START + 9, 15));
        ProgressCalculator.Summary s = ProgressCalculator.summarize(plan(105), List.of(), days, START + 15);
        assertEquals(
                List.of(30L, 75L, 0L),
                s.weeks().stream().map(ProgressCalculator.Week::minutes).toList());
        assertEquals(0, s.minutesThisWeek());
        assertEquals(105, s.loggedMinutes());
    }

    @Test
    void noProjectionBeforeAnythingIsDone() {
        ProgressCalculator.Summary s =
                ProgressCalculator.summarize(plan(0), List.of(item(1, "TODO", 60, START + 6, false)), List.of(), START);
        assertNull(s.projectedFinishDay());
        assertEquals("Nothing is done yet, so there is no pace to project a finish from.", s.projectionNote());
    }

    /** One day of work is not a pace: the projection waits for 7 days of history with 3 active days. */
    @Test
    void noProjectionFromTooShortAHistoryAndTheNoteSaysWhatIsMissing() {
        List<PlanItemRow> items =
                List.of(item(1, "DONE", 300, START + 6, false), item(2, "TODO", 300, START + 13, false));
        ProgressCalculator.Summary firstDay =
                ProgressCalculator.summarize(plan(0), items, List.of(day(START, 60)), START);
        assertNull(firstDay.projectedFinishDay());
        assertEquals(
                "Not enough history to project a finish yet: 1 of 7 days, 1 of 3 active days.",
                firstDay.projectionNote());

        List<ProgressCalculator.Day> twoActive = List.of(day(START, 60), day(START + 2, 30));
        ProgressCalculator.Summary week = ProgressCalculator.summarize(plan(0), items, twoActive, START + 8);
        assertNull(week.projectedFinishDay(), "9 days but only 2 active");
        assertEquals(
                "Not enough history to project a finish yet: 7 of 7 days, 2 of 3 active days.", week.projectionNote());

        List<ProgressCalculator.Day> threeActive = List.of(day(START, 60), day(START + 1, 0, 1), day(START + 2, 30));
        assertNull(
                ProgressCalculator.summarize(plan(0), items, threeActive, START + 5)
                        .projectedFinishDay(),
                "3 active days but only 6 days");
        ProgressCalculator.Summary enough = ProgressCalculator.summarize(plan(0), items, threeActive, START + 6);
        // 300 minutes done in 7 days: the other 300 take 7 more.
        assertEquals(START + 6 + 7, enough.projectedFinishDay());
        assertEquals("", enough.projectionNote());
        assertEquals(
                "",
                ProgressCalculator.summarize(plan(0), List.of(item(1, "DONE", 60, START, false)), List.of(), START)
                        .projectionNote(),
                "a finished plan needs no projection");
    }

    private static ProgressCalculator.Day day(int day, long minutes) {
        return new ProgressCalculator.Day(day, minutes, 1);
    }

    private static ProgressCalculator.Day day(int day, long minutes, int actions) {
        return new ProgressCalculator.Day(day, minutes, actions);
    }
}
