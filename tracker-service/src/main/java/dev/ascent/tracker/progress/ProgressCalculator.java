package dev.ascent.tracker.progress;

import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The progress maths, as a pure function of the plan, its items (bounded by the plan's size) and its per-day
 * rollups (bounded by the plan's length in days): never of the raw history, so it costs the same however much
 * activity a plan has. See {@code ascent.tracker.v1.ProgressSummary} for what each figure means.
 */
public final class ProgressCalculator {

    /** Points of difference between done and expected that still count as on track. */
    public static final double ON_TRACK_BAND = 5;

    static final int MAX_OVERDUE = 20;
    static final int MAX_NEXT = 5;
    /** A finish is projected only from at least this many days since the start... */
    public static final int MIN_PROJECTION_DAYS = 7;
    /** ...with activity on at least this many of them: one busy evening is not a pace. */
    public static final int MIN_PROJECTION_ACTIVE_DAYS = 3;

    public enum Pace {
        AHEAD,
        ON_TRACK,
        BEHIND
    }

    /** One day's rollup: minutes logged and engineer actions (status changes, time logged). */
    public record Day(int day, long minutes, int actions) {}

    public record Week(int week, int startDay, long minutes) {}

    public record Summary(
            int total,
            int todo,
            int inProgress,
            int done,
            int skipped,
            int verified,
            double percentComplete,
            double percentVerified,
            long loggedMinutes,
            List<Week> weeks,
            long minutesThisWeek,
            double expectedPercent,
            Pace pace,
            int currentStreak,
            int longestStreak,
            List<PlanItemRow> overdue,
            List<PlanItemRow> nextDue,
            Integer projectedFinishDay,
            String projectionNote,
            int today) {}

    /** When the rest would be done at the pace so far, or why there is no such date. */
    record Projection(Integer day, String note) {}

    private ProgressCalculator() {}

    public static Summary summarize(PlanRow plan, List<PlanItemRow> items, List<Day> days, int today) {
        int todo = 0;
        int inProgress = 0;
        int done = 0;
        int skipped = 0;
        int verified = 0;
        long counted = 0;
        long doneMinutes = 0;
        long verifiedMinutes = 0;
        long expectedMinutes = 0;
        for (PlanItemRow i : items) {
            switch (i.status()) {
                case TODO -> todo++;
                case IN_PROGRESS -> inProgress++;
                case DONE -> done++;
                case SKIPPED -> skipped++;
            }
            if (i.status() == ItemStatus.SKIPPED) {
                continue;
            }
            counted += i.estimatedMinutes();
            if (i.status() == ItemStatus.DONE) {
                doneMinutes += i.estimatedMinutes();
                if (i.verified()) {
                    verified++;
                    verifiedMinutes += i.estimatedMinutes();
                }
            }
            if (i.dueDay() <= today) {
                expectedMinutes += i.estimatedMinutes();
            }
        }
        double percent = percent(doneMinutes, counted);
        double expected = today < plan.startDay() ? 0 : percent(expectedMinutes, counted);
        Pace pace = percent > expected + ON_TRACK_BAND
                ? Pace.AHEAD
                : percent < expected - ON_TRACK_BAND ? Pace.BEHIND : Pace.ON_TRACK;

        int currentWeek = Scheduler.weekOf(plan.startDay(), today);
        long[] perWeek = new long[Math.max(1, currentWeek)];
        NavigableMap<Integer, Day> active = new TreeMap<>();
        for (Day d : days) {
            int w = Scheduler.weekOf(plan.startDay(), d.day());
            if (w <= perWeek.length) {
                perWeek[w - 1] += d.minutes();
            }
            if (d.minutes() > 0 || d.actions() > 0) {
                active.put(d.day(), d);
            }
        }
        List<Week> weeks = new ArrayList<>();
        for (int w = 1; w <= perWeek.length; w++) {
            weeks.add(new Week(w, plan.startDay() + (w - 1) * 7, perWeek[w - 1]));
        }

        List<PlanItemRow> open = items.stream()
                .filter(PlanItemRow::open)
                .sorted(Comparator.comparingInt(PlanItemRow::dueDay).thenComparingInt(PlanItemRow::position))
                .toList();
        List<PlanItemRow> overdue =
                open.stream().filter(i -> i.dueDay() < today).limit(MAX_OVERDUE).toList();
        List<PlanItemRow> next =
                open.stream().filter(i -> i.dueDay() >= today).limit(MAX_NEXT).toList();

        // A plan that starts after today (a future start date) has no active days yet.
        int activeDays = plan.startDay() > today
                ? 0
                : active.subMap(plan.startDay(), true, today, true).size();
        Projection projection = projectedFinish(plan.startDay(), today, activeDays, doneMinutes, counted - doneMinutes);
        return new Summary(
                items.size(),
                todo,
                inProgress,
                done,
                skipped,
                verified,
                percent,
                percent(verifiedMinutes, counted),
                plan.loggedMinutes(),
                weeks,
                perWeek[perWeek.length - 1],
                expected,
                pace,
                currentStreak(active, today),
                longestStreak(active),
                overdue,
                next,
                projection.day(),
                projection.note(),
                today);
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    /** Days in a row with activity, ending today, or yesterday when today has none yet. */
    static int currentStreak(NavigableMap<Integer, Day> active, int today) {
        int day = active.containsKey(today) ? today : today - 1;
        int streak = 0;
        while (active.containsKey(day)) {
            streak++;
            day--;
        }
        return streak;
    }

    static int longestStreak(NavigableMap<Integer, Day> active) {
        int longest = 0;
        int run = 0;
        Integer previous = null;
        for (int day : active.keySet()) {
            run = previous != null && day == previous + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return longest;
    }

    /**
     * At the pace so far (estimated minutes done per elapsed day), when the rest would be done; none while the
     * history is shorter than {@link #MIN_PROJECTION_DAYS} days or has fewer than {@link #MIN_PROJECTION_ACTIVE_DAYS}
     * active days, with a note saying so.
     */
    static Projection projectedFinish(
            int startDay, int today, int activeDays, long doneMinutes, long remainingMinutes) {
        if (remainingMinutes <= 0) {
            return new Projection(null, "");
        }
        if (doneMinutes == 0) {
            return new Projection(null, "Nothing is done yet, so there is no pace to project a finish from.");
        }
        int elapsed = Math.max(0, today - startDay + 1);
        if (elapsed < MIN_PROJECTION_DAYS || activeDays < MIN_PROJECTION_ACTIVE_DAYS) {
            return new Projection(
                    null,
                    "Not enough history to project a finish yet: " + Math.min(elapsed, MIN_PROJECTION_DAYS) + " of "
                            + MIN_PROJECTION_DAYS + " days, " + Math.min(activeDays, MIN_PROJECTION_ACTIVE_DAYS)
                            + " of " + MIN_PROJECTION_ACTIVE_DAYS + " active days.");
        }
        // remaining / (done / elapsed) days, rounded up, in integers so an exact quotient is not pushed up a day.
        long days = (remainingMinutes * elapsed + doneMinutes - 1) / doneMinutes;
        return new Projection(today + (int) Math.min(days, 100 * 366), "");
    }
}
