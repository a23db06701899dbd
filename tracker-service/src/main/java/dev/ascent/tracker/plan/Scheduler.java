package dev.ascent.tracker.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads items over plan weeks by the hours the engineer has each week. Items are taken in order; each lands in
 * the week its cumulative estimate finishes in, due on that week's last day. Done, skipped and pinned items keep
 * their dates and take no capacity; open items are scheduled from {@code fromWeek} on.
 */
public final class Scheduler {

    /** What scheduling needs of an item. */
    public record Slot(int estimatedMinutes, boolean fixed) {}

    /** Week (1-based) and due day (epoch day) per input item; fixed items get {@code null}. */
    public record Assignment(int week, int dueDay) {}

    private Scheduler() {}

    public static List<Assignment> schedule(List<Slot> slots, int minutesPerWeek, int startDay, int fromWeek) {
        if (minutesPerWeek <= 0) {
            throw new IllegalArgumentException("minutesPerWeek must be positive");
        }
        long used = (long) (Math.max(1, fromWeek) - 1) * minutesPerWeek;
        List<Assignment> out = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (slot.fixed()) {
                out.add(null);
                continue;
            }
            used += Math.max(0, slot.estimatedMinutes());
            int week = (int) Math.max(Math.max(1, fromWeek), (used + minutesPerWeek - 1) / minutesPerWeek);
            out.add(new Assignment(week, startDay + week * 7 - 1));
        }
        return out;
    }

    /** The 1-based plan week {@code day} falls in; 1 before the plan starts. */
    public static int weekOf(int startDay, int day) {
        return day < startDay ? 1 : (day - startDay) / 7 + 1;
    }

    /**
     * Hours per week needed to finish {@code openMinutes} by {@code targetDay}, scheduling from {@code fromDay}'s
     * plan week on, rounded up to the quarter hour; infinite when no whole plan week ends between them. Items fall
     * due on the last day of a plan week, so only the weeks that end on or before the target day count: with this
     * many hours a week {@link #schedule} puts the last open item on or before the target day.
     */
    public static double requiredHoursPerWeek(long openMinutes, int startDay, int fromDay, int targetDay) {
        int fromWeek = weekOf(startDay, fromDay);
        int lastWeek = (targetDay - startDay + 1) / 7;
        int weeks = lastWeek - fromWeek + 1;
        if (targetDay < fromDay || weeks <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double hours = openMinutes / 60.0 / weeks;
        return Math.ceil(hours * 4) / 4.0;
    }
}
