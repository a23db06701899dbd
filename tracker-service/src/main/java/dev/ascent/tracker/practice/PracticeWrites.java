package dev.ascent.tracker.practice;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.plan.PlanItemRow;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a session by its owner: step progress, completion and abandoning. Each write locks the session row,
 * checks the etag, then the state; mentors get PERMISSION_DENIED and anyone else NOT_FOUND.
 */
@Singleton
public class PracticeWrites {

    private final PracticeSessionRepository sessions;
    private final PracticeStepRepository steps;
    private final AccessPolicy access;
    private final PracticeExpiry expiry;
    private final PlanLinks links;
    private final ActivityLog activity;
    private final PracticeRollupStore rollups;
    private final Clock clock;
    private final UncheckedSteps recall;

    public PracticeWrites(
            PracticeSessionRepository sessions,
            PracticeStepRepository steps,
            AccessPolicy access,
            PracticeExpiry expiry,
            PlanLinks links,
            ActivityLog activity,
            PracticeRollupStore rollups,
            Clock clock,
            UncheckedSteps recall) {
        this.recall = recall;
        this.sessions = sessions;
        this.steps = steps;
        this.access = access;
        this.expiry = expiry;
        this.links = links;
        this.activity = activity;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** A completed session and, when it has one, its plan item after the change. */
    public record Completed(PracticeView view, Optional<PlanItemRow> item) {}

    @Transactional
    public PracticeView update(Caller caller, PracticeNames.SessionName name, PracticeCommands.Update command) {
        Locked locked = lock(caller, name, command.etag());
        PracticeSessionRow s = locked.session;
        List<PracticeStepRow> rows = new ArrayList<>(locked.steps);
        for (PracticeCommands.StepChange change : command.steps()) {
            if (change.position() < 1 || change.position() > rows.size()) {
                throw ApiException.invalid(
                        change.field(), "is not a step of " + name.name() + " (it has " + rows.size() + " steps)");
            }
            PracticeStepRow old = rows.get(change.position() - 1);
            PracticeStepRow changed = old.with(
                    change.checked() == null ? old.checked() : change.checked(),
                    change.notes() == null ? old.notes() : change.notes());
            if (!changed.equals(old)) {
                rows.set(change.position() - 1, steps.update(changed));
            }
        }
        int checked = (int) rows.stream().filter(PracticeStepRow::checked).count();
        Instant now = clock.instant();
        PracticeSessionRow updated =
                sessions.update(s.withProgress(checked, command.notes() == null ? s.notes() : command.notes(), now));
        return new PracticeView(updated, rows, locked.owner.handle());
    }

    @Transactional
    public Completed complete(Caller caller, PracticeNames.SessionName name, PracticeCommands.Complete command) {
        Locked locked = lock(caller, name, command.etag());
        PracticeSessionRow s = locked.session;
        if (command.markItemDone() && s.planItemId() == null) {
            throw ApiException.invalid("mark_item_done", name.name() + " is not linked to a plan item");
        }
        Instant now = clock.instant();
        PracticeSessionRow done = sessions.update(s.finish(
                PracticeSessionRow.COMPLETED,
                now,
                command.selfRating(),
                command.notes() == null ? s.notes() : command.notes(),
                now));
        activity.record(ActivityLog.Event.of(
                        s.userId(),
                        s.planId(),
                        s.planItemId(),
                        caller.userId(),
                        ActivityType.PRACTICE_COMPLETED,
                        "Completed practice \"" + s.title() + "\": "
                                + s.checkedCount() + "/" + s.stepCount() + " steps, rated " + command.selfRating()
                                + "/5" + (now.isAfter(s.deadlineTime()) ? ", over time" : ""))
                .withSubject(name.name()));
        recall.stepsLeftUnchecked(s, locked.steps);
        Optional<PlanItemRow> item = command.markItemDone()
                ? Optional.of(links.markDone(caller, locked.owner.handle(), done))
                : links.current(done);
        // Last, after the plan's lock: the rollup rows are the last locks a practice write takes.
        rollups.add(s.userId(), PracticeRollups.finished(done));
        rollups.add(
                s.userId(),
                locked.steps.stream()
                        .map(step -> PracticeRollups.step(done, step))
                        .toList());
        return new Completed(new PracticeView(done, locked.steps, locked.owner.handle()), item);
    }

    @Transactional
    public PracticeView abandon(Caller caller, PracticeNames.SessionName name, String etag) {
        Locked locked = lock(caller, name, etag);
        PracticeSessionRow s = locked.session;
        Instant now = clock.instant();
        PracticeSessionRow abandoned = sessions.update(s.finish(PracticeSessionRow.ABANDONED, now, 0, s.notes(), now));
        activity.record(ActivityLog.Event.of(
                        s.userId(),
                        s.planId(),
                        s.planItemId(),
                        caller.userId(),
                        ActivityType.PRACTICE_ABANDONED,
                        "Abandoned practice \"" + s.title() + "\" with " + s.checkedCount() + "/" + s.stepCount()
                                + " steps checked")
                .withSubject(name.name()));
        rollups.add(s.userId(), PracticeRollups.finished(abandoned));
        return new PracticeView(abandoned, locked.steps, locked.owner.handle());
    }

    /**
     * Expires the owner's overdue sessions in a transaction of its own. The endpoint calls this before a write's
     * transaction opens (a write with a request_id opens it early), so a write never holds one connection while
     * waiting for a second: a nested transaction could exhaust the pool under concurrency.
     */
    public void expireOverdue(Caller caller, String handle) {
        UserRow owner = access.writableOwner(caller, handle, "users/" + handle);
        expiry.expireOverdue(owner.id(), owner.handle());
    }

    private record Locked(UserRow owner, PracticeSessionRow session, List<PracticeStepRow> steps) {}

    private Locked lock(Caller caller, PracticeNames.SessionName name, String etag) {
        UserRow owner = access.writableOwner(caller, name.handle(), name.name());
        PracticeSessionRow session = sessions.findByIdForUpdate(name.sessionId())
                .filter(s -> s.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (etag != null && !etag.isEmpty() && !etag.equals(session.etag())) {
            throw ApiException.aborted(
                    "STALE_ETAG", name.name() + " changed since etag " + etag + "; read it again and retry");
        }
        if (session.active() && clock.instant().isAfter(session.expiryTime())) {
            // Past its grace period but not yet expired by expireOverdue (a caller that skipped it): refuse, as the
            // expired session would be refused.
            throw ApiException.failedPrecondition(
                    "SESSION_NOT_ACTIVE",
                    name.name() + " is past its deadline and " + "expires; only ACTIVE sessions change");
        }
        if (!session.active()) {
            throw ApiException.failedPrecondition(
                    "SESSION_NOT_ACTIVE", name.name() + " is " + session.state() + "; only ACTIVE sessions change");
        }
        return new Locked(owner, session, steps.lockSteps(session.id()));
    }
}
