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
        List<Scheduler.Assignment> a = Scheduler.schedule(List.of(slot(120), slot(120), slot(60), slot(300)), 240,
                START, 1);
        assertEquals(List.of(1, 1, 2, 3), a.stream().map(Scheduler.Assignment::week).toList());
        assertEquals(START + 6, a.get(0).dueDay(), "due on the last day of week 1");
        assertEquals(START + 20, a.get(3).dueDay());
    }

    @Test
    void fixedItemsKeepTheirDatesAndTakeNoCapacity() {
        List<Scheduler.Assignment> a = Scheduler.schedule(List.of(slot(240), new Scheduler.Slot(240, true),
                slot(240)), 240, START, 1);
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
    void requiredHoursRoundUpToTheQuarterHour() {
        assertEquals(5.0, Scheduler.requiredHoursPerWeek(600, START, START + 13));
        // 200 minutes in 5 days: 3.33 h over 5/7 of a week is 4.67 h a week, rounded up to 4.75.
        assertEquals(4.75, Scheduler.requiredHoursPerWeek(200, START, START + 4));
        assertTrue(Double.isInfinite(Scheduler.requiredHoursPerWeek(60, START, START - 1)));
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
