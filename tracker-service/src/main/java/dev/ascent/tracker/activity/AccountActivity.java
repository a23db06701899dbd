package dev.ascent.tracker.activity;

import dev.ascent.tracker.account.AccessReset;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Account events in the user's history; the account feature sits below activity and publishes them. */
@Singleton
class AccountActivity {

    private final ActivityLog activity;

    AccountActivity(ActivityLog activity) {
        this.activity = activity;
    }

    @EventListener
    void accessReset(AccessReset e) {
        activity.record(ActivityLog.Event.of(
                e.userId(),
                null,
                null,
                e.adminId(),
                ActivityType.ACCESS_RESET,
                "Access reset by " + e.adminHandle() + ": " + e.revoked() + (e.revoked() == 1 ? " token" : " tokens")
                        + " revoked, a new one issued"));
    }
}
