package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final int START = 20_000;

    @Test
    void itemsLandInTheWeekTheirCumulativeEstimateFinishes() {
        List<Scheduler.Assignment> a =
                Scheduler.schedule(List.of(slot(120), slot(120), slot(60), slot(300)), 240, START, 1);
        assertEquals(
                List.of(1, 1, 2, 3), a.stream().map(Scheduler.Assignment::week).toList());
        assertEquals(START + 6, a.get(0).dueDay(), "due on the last day of week 1");
        assertEquals(START + 20, a.get(3).dueDay());
    }

    @Test
    void fixedItemsKeepTheirDatesAndTakeNoCapacity() {
        List<Scheduler.Assignment> a =
                Scheduler.schedule(List.of(slot(240), new Scheduler.Slot(240, true), slot(240)), 240, START, 1);
        assertEquals(1, a.get(0).week());
        assertNull(a.get(1));
        assertEquals(2, a.get(2).week());
    }

    @Test
    void reschedulingStartsAtTheCurrentWeek() {
        List<Scheduler.Assignment> a = Scheduler.schedule(List.of(slot(60), slot(600)), 300, START, 4);
        assertEquals(4, a.get(0).week());
        assertEquals(6, a.get(1).week());
    }

    @Test
    void requiredHoursRoundUpToTheQuarterHourOverTheWholeWeeksBeforeTheTarget() {
        assertEquals(5.0, Scheduler.requiredHoursPerWeek(600, START, START, START + 13));
        // 200 minutes by a target in week 3 (day 18): weeks 1 and 2 end before it, week 3 after it.
        assertEquals(1.75, Scheduler.requiredHoursPerWeek(200, START, START, START + 17));
        // From week 2 on, only week 2 is left before that target.
        assertEquals(3.5, Scheduler.requiredHoursPerWeek(200, START, START + 9, START + 17));
        // No whole week ends by the target: no number of hours a week makes it.
        assertTrue(Double.isInfinite(Scheduler.requiredHoursPerWeek(200, START, START, START + 4)));
        assertTrue(Double.isInfinite(Scheduler.requiredHoursPerWeek(60, START, START, START - 1)));
    }

    /** The bug behind "you are set ... take until 12-20" for a 12-15 target: the schedule must end by the target. */
    @Test
    void atTheRequiredHoursTheLastOpenItemIsDueByTheTarget() {
        List<Scheduler.Slot> slots =
                List.of(slot(360), slot(480), slot(90), slot(90), slot(480), slot(360), slot(120), slot(480));
        long open = slots.stream().mapToLong(Scheduler.Slot::estimatedMinutes).sum();
        for (int target = START + 7; target < START + 70; target++) {
            for (int today = START; today <= target - 7; today += 3) {
                double hours = Scheduler.requiredHoursPerWeek(open, START, today, target);
                int fromWeek = Scheduler.weekOf(START, today);
                List<Scheduler.Assignment> a = Scheduler.schedule(slots, (int) Math.round(hours * 60), START, fromWeek);
                int end =
                        a.stream().mapToInt(Scheduler.Assignment::dueDay).max().orElseThrow();
                assertTrue(
                        end <= target,
                        "target " + (target - START) + ", today " + (today - START) + ": " + hours
                                + " h a week end on day " + (end - START));
            }
        }
    }

    @Test
    void weeksCountFromTheStartDay() {
        assertEquals(1, Scheduler.weekOf(START, START - 5));
        assertEquals(1, Scheduler.weekOf(START, START + 6));
        assertEquals(2, Scheduler.weekOf(START, START + 7));
    }

    private static Scheduler.Slot slot(int minutes) {
        return new Scheduler.Slot(minutes, false);
    }
}
