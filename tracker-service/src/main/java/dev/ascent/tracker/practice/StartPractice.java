package dev.ascent.tracker.practice;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.plan.PlanItemRow;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starts a practice session: copies the prompt or checklist first, then stores the session in one transaction. */
@Singleton
public class StartPractice {

    private final PracticeSources sources;
    private final PracticeSessionRepository sessions;
    private final PracticeStepRepository steps;
    private final PlanLinks links;
    private final ActivityLog activity;
    private final PracticeRollupStore rollups;
    private final Clock clock;

    public StartPractice(
            PracticeSources sources,
            PracticeSessionRepository sessions,
            PracticeStepRepository steps,
            PlanLinks links,
            ActivityLog activity,
            PracticeRollupStore rollups,
            Clock clock) {
        this.sources = sources;
        this.sessions = sessions;
        this.steps = steps;
        this.links = links;
        this.activity = activity;
        this.rollups = rollups;
        this.clock = clock;
    }

    /**
     * The prompt's or checklist's steps, asked of the content service. Only for the caller: PERMISSION_DENIED for
     * anyone else, as the contract says, whether they exist or not. Not transactional, and called with no
     * transaction or connection open (as {@code Idempotency.run}'s prepare step: after the retry check, before the
     * write's transaction), so a slow content service holds no pooled connection or lock.
     */
    public PracticeSources.Copy source(Caller caller, String parentHandle, PracticeCommands.Start command) {
        if (!parentHandle.equals(caller.handle())) {
            throw ApiException.permissionDenied(
                    "practice sessions are started by their owner; use parent " + caller.name() + " or leave it empty");
        }
        return sources.copy(command.source());
    }

    @Transactional
    public PracticeView start(Caller caller, PracticeSources.Copy copy, PracticeCommands.Start command) {
        PlanItemRow item = command.planItem() == null ? null : links.link(caller, command.planItem());
        Instant now = clock.instant();
        long id = Ids.next(clock);
        PracticeSessionRow session =
                sessions.save(PracticeSessionRow.create(id, caller.userId(), copy.source(), now, now)
                        .text(copy.title(), copy.scenario())
                        .timeBox(command.timeBoxMinutes(), now.plus(Duration.ofMinutes(command.timeBoxMinutes())))
                        .steps(copy.steps().size(), 0)
                        .planItem(item == null ? null : item.planId(), item == null ? null : item.id())
                        .build());
        List<PracticeStepRow> rows = new ArrayList<>();
        for (int i = 0; i < copy.steps().size(); i++) {
            PracticeSources.Step s = copy.steps().get(i);
            rows.add(new PracticeStepRow(
                    Ids.next(clock),
                    caller.userId(),
                    id,
                    i + 1,
                    s.sourceStep(),
                    s.phase(),
                    s.title(),
                    s.body(),
                    false,
                    "",
                    0));
        }
        steps.saveAll(rows);
        activity.record(ActivityLog.Event.of(
                        caller.userId(),
                        session.planId(),
                        session.planItemId(),
                        caller.userId(),
                        ActivityType.PRACTICE_STARTED,
                        "Started practice \"" + copy.title() + "\" (" + rows.size() + " steps, "
                                + command.timeBoxMinutes() + " min)")
                .withSubject(PracticeNames.session(caller.handle(), id)));
        // Last: the rollup row is the last lock a practice write takes (docs/ARCHITECTURE.md).
        rollups.add(caller.userId(), PracticeRollups.started(session));
        return new PracticeView(session, rows, caller.handle());
    }
}
