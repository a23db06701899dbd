package dev.ascent.tracker.practice;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expires sessions left ACTIVE for {@link PracticeSessionRow#EXPIRY_GRACE} past their deadline. Nothing runs in
 * the background: every practice call first expires the owner's overdue sessions, in a transaction of its own that
 * commits before the call's own transaction opens (never nested: that would hold two pooled connections at once),
 * so the call then reads (or refuses to change) the expired state, and the expiry is recorded exactly once.
 */
@Singleton
public class PracticeExpiry {

    private final PracticeSessionRepository sessions;
    private final ActivityLog activity;
    private final PracticeRollupStore rollups;
    private final Clock clock;

    public PracticeExpiry(
            PracticeSessionRepository sessions, ActivityLog activity, PracticeRollupStore rollups, Clock clock) {
        this.sessions = sessions;
        this.activity = activity;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Transactional
    public void expireOverdue(long ownerId, String ownerHandle) {
        Instant now = clock.instant();
        long cutoff = InstantMicros.toMicros(now.minus(PracticeSessionRow.EXPIRY_GRACE));
        Map<String, PracticeRollups.Source> expired = new TreeMap<>();
        List<ActivityLog.Event> events = new ArrayList<>();
        for (PracticeSessionRow s : sessions.overdue(ownerId, cutoff)) {
            // The conditional update makes a concurrent expiry (or completion) of the same session a no-op here.
            if (sessions.expire(s.id(), InstantMicros.toMicros(s.expiryTime()), InstantMicros.toMicros(now)) == 1) {
                events.add(ActivityLog.Event.of(
                                ownerId,
                                s.planId(),
                                s.planItemId(),
                                ownerId,
                                ActivityType.PRACTICE_EXPIRED,
                                "Practice \"" + s.title() + "\" expired, " + s.checkedCount() + "/" + s.stepCount()
                                        + " steps checked")
                        .withSubject(PracticeNames.session(ownerHandle, s.id())));
                expired.merge(
                        s.source(),
                        PracticeRollups.finished(
                                s.finish(PracticeSessionRow.EXPIRED, s.expiryTime(), 0, s.notes(), now)),
                        PracticeRollups::merge);
            }
        }
        // Recording an event locks its plan (last activity time). Only after every session lock, and in plan id
        // order: a completion holds its session and then locks its plan, so taking a plan between two session
        // locks could wait on it in a cycle.
        events.sort(Comparator.comparing(ActivityLog.Event::planId, Comparator.nullsFirst(Comparator.naturalOrder())));
        events.forEach(activity::record);
        expired.values().forEach(delta -> rollups.add(ownerId, delta));
    }
}
