package dev.ascent.tracker.practice;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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

    public PracticeExpiry(PracticeSessionRepository sessions, ActivityLog activity, PracticeRollupStore rollups,
                          Clock clock) {
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
        for (PracticeSessionRow s : sessions.overdue(ownerId, cutoff)) {
            // The conditional update makes a concurrent expiry (or completion) of the same session a no-op here.
            if (sessions.expire(s.id(), InstantMicros.toMicros(s.expiryTime()), InstantMicros.toMicros(now)) == 1) {
                activity.record(ActivityLog.Event.of(ownerId, s.planId(), s.planItemId(), ownerId,
                                ActivityType.PRACTICE_EXPIRED, "Practice \"" + s.title() + "\" expired, "
                                        + s.checkedCount() + "/" + s.stepCount() + " steps checked")
                        .withSubject(PracticeNames.session(ownerHandle, s.id())));
                expired.merge(s.source(), PracticeRollups.finished(s.finish(PracticeSessionRow.EXPIRED,
                        s.expiryTime(), 0, s.notes(), now)), PracticeRollups::merge);
            }
        }
        // After every session lock (taken in id order), one row per source in source order: the rollup rows are
        // the last locks a practice write takes, always in the same order.
        expired.values().forEach(delta -> rollups.add(ownerId, delta));
    }
}
