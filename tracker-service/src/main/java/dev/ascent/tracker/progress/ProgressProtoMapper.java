package dev.ascent.tracker.progress;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.proto.tracker.v1.ItemRef;
import dev.ascent.proto.tracker.v1.Pace;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.WeekMinutes;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Timestamps;
import dev.ascent.tracker.plan.PlanItemRow;

/** Progress results to proto messages. */
public final class ProgressProtoMapper {

    private ProgressProtoMapper() {}

    public static ProgressSummary summary(ProgressService.Result r) {
        ProgressCalculator.Summary s = r.summary();
        ProgressSummary.Builder b = ProgressSummary.newBuilder()
                .setPlan(r.planName())
                .setTotalCount(s.total())
                .setTodoCount(s.todo())
                .setInProgressCount(s.inProgress())
                .setDoneCount(s.done())
                .setSkippedCount(s.skipped())
                .setVerifiedCount(s.verified())
                .setPercentComplete(s.percentComplete())
                .setPercentVerified(s.percentVerified())
                .setLoggedMinutesTotal(s.loggedMinutes())
                .setMinutesThisWeek(s.minutesThisWeek())
                .setExpectedPercentToday(s.expectedPercent())
                .setPace(Pace.valueOf("PACE_" + s.pace().name()))
                .setCurrentStreakDays(s.currentStreak())
                .setLongestStreakDays(s.longestStreak())
                .setProjectedFinishDate(s.projectedFinishDay() == null ? "" : Days.format(s.projectedFinishDay()))
                .setProjectionNote(s.projectionNote())
                .setAwaitingReviewCount(r.awaitingReview())
                .setToday(Days.format(s.today()))
                .setRecallDueCount(r.recallDue())
                .setAsOf(Timestamps.of(r.asOf()));
        if (r.plan().lastActivityTime() > 0) {
            b.setLastActivityTime(
                    Timestamps.of(InstantMicros.fromMicros(r.plan().lastActivityTime())));
        }
        s.weeks()
                .forEach(w -> b.addWeeklyMinutes(WeekMinutes.newBuilder()
                        .setWeek(w.week())
                        .setWeekStart(Days.format(w.startDay()))
                        .setMinutes(w.minutes())));
        s.overdue().forEach(i -> b.addOverdueItems(ref(r.planName(), i)));
        s.nextDue().forEach(i -> b.addNextDueItems(ref(r.planName(), i)));
        return b.build();
    }

    private static ItemRef ref(String planName, PlanItemRow i) {
        return ItemRef.newBuilder()
                .setName(planName + "/items/" + i.id())
                .setTitle(i.title())
                .setDueDate(Days.format(i.dueDay()))
                .build();
    }
}
