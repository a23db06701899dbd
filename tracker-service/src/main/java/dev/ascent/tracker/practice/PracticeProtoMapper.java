package dev.ascent.tracker.practice;

import com.google.protobuf.Duration;
import dev.ascent.proto.tracker.v1.AttemptPoint;
import dev.ascent.proto.tracker.v1.MissedStep;
import dev.ascent.proto.tracker.v1.PhaseStats;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.PracticeTotals;
import dev.ascent.proto.tracker.v1.SourceStats;
import dev.ascent.tracker.grpc.Timestamps;
import java.util.Map;

/** Practice views and stats to proto messages. */
public final class PracticeProtoMapper {

    private PracticeProtoMapper() {}

    public static PracticeSession session(PracticeView view) {
        return session(view, Map.of());
    }

    /** The session with its open review request ({@code openReviews}: session id to request id). */
    static PracticeSession session(PracticeView view, Map<Long, Long> openReviews) {
        PracticeSessionRow s = view.session();
        PracticeSession.Builder b = PracticeSession.newBuilder()
                .setName(view.name())
                .setSource(s.source())
                .setTitle(s.title())
                .setScenario(s.scenario())
                .setState(state(s.state()))
                .setTimeBoxMinutes(s.timeBoxMinutes())
                .setStartTime(Timestamps.of(s.startTime()))
                .setDeadlineTime(Timestamps.of(s.deadlineTime()))
                .setCheckedCount(s.checkedCount())
                .setStepCount(s.stepCount())
                .setCoveragePercent(s.coveragePercent())
                .setSelfRating(s.selfRating())
                .setNotes(s.notes())
                .setUpdateTime(Timestamps.of(s.updateTime()))
                .setEtag(s.etag());
        if (s.endTime() != null) {
            b.setEndTime(Timestamps.of(s.endTime()))
                    .setDuration(duration(java.time.Duration.between(s.startTime(), s.endTime())))
                    .setOverran(s.state().equals(PracticeSessionRow.COMPLETED)
                            && s.endTime().isAfter(s.deadlineTime()));
        }
        Long review = openReviews.get(s.id());
        if (review != null) {
            b.setOpenReviewRequest("reviewRequests/" + review);
        }
        if (s.planItemId() != null) {
            b.setPlanItem(PlanLinks.name(view.ownerHandle(), s).name());
        }
        for (PracticeStepRow step : view.steps()) {
            b.addSteps(PracticeStep.newBuilder()
                    .setName(PracticeNames.step(view.ownerHandle(), s.id(), step.position()))
                    .setSourceStep(step.sourceStep())
                    .setPhase(step.phase())
                    .setTitle(step.title())
                    .setText(step.body())
                    .setChecked(step.checked())
                    .setNotes(step.notes())
                    .setMentorScore(step.mentorScore()));
        }
        return b.build();
    }

    static PracticeSessionState state(String state) {
        return PracticeSessionState.valueOf("PRACTICE_SESSION_STATE_" + state);
    }

    static PracticeStats stats(String handle, PracticeStatsCalculator.Stats stats) {
        PracticeStats.Builder b = PracticeStats.newBuilder().setOverall(totals(stats.overall()));
        for (var source : stats.sources()) {
            SourceStats.Builder sb = SourceStats.newBuilder()
                    .setSource(source.source())
                    .setTitle(source.title())
                    .setTotals(totals(source.totals()))
                    .setBestCoveragePercent(source.bestCoveragePercent());
            source.trend()
                    .forEach(p -> sb.addTrend(AttemptPoint.newBuilder()
                            .setPracticeSession(PracticeNames.session(handle, p.sessionId()))
                            .setEndTime(Timestamps.of(p.endTime()))
                            .setCoveragePercent(p.coveragePercent())
                            .setSelfRating(p.selfRating())));
            source.mostMissed()
                    .forEach(m -> sb.addMostMissedSteps(MissedStep.newBuilder()
                            .setSourceStep(m.sourceStep())
                            .setTitle(m.title())
                            .setPhase(m.phase())
                            .setMissedCount(m.missedCount())
                            .setAttemptCount(m.attemptCount())
                            .setMissPercent(m.missPercent())));
            b.addSources(sb);
        }
        stats.phases()
                .forEach(p -> b.addPhases(PhaseStats.newBuilder()
                        .setPhase(p.phase())
                        .setStepCount(p.stepCount())
                        .setMissedCount(p.missedCount())
                        .setMissPercent(p.missPercent())));
        return b.build();
    }

    private static PracticeTotals totals(PracticeStatsCalculator.Totals t) {
        PracticeTotals.Builder b = PracticeTotals.newBuilder()
                .setAttempts(t.attempts())
                .setAbandonedCount(t.abandonedCount())
                .setAverageCoveragePercent(t.averageCoveragePercent())
                .setAverageSelfRating(t.averageSelfRating())
                .setTotalDuration(duration(t.totalDuration()));
        if (t.lastAttemptTime() != null) {
            b.setLastAttemptTime(Timestamps.of(t.lastAttemptTime()));
        }
        return b.build();
    }

    static Duration duration(java.time.Duration d) {
        return Duration.newBuilder()
                .setSeconds(d.getSeconds())
                .setNanos(d.getNano())
                .build();
    }
}
