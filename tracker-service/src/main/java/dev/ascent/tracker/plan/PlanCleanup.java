package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.time.Instant;

/** Removes everything that belongs to a plan before the plan row itself. */
final class PlanCleanup {

    private PlanCleanup() {
    }

    static void deleteHistory(PlanItemRepository items, long planId, long userId, JdbcOperations jdbc, Instant now) {
        for (String table : new String[] {"time_entry", "plan_day", "activity", "item_comment"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND plan_id = ?", ps -> {
                ps.setLong(1, userId);
                ps.setLong(2, planId);
                return ps.executeUpdate();
            });
        }
        // Review requests outlive the plan (the mentor's decided history keeps them); open ones are cancelled.
        jdbc.prepareStatement("UPDATE review_request SET state = 'CANCELLED', open_key = NULL, cancel_time = ?, "
                + "version = version + 1 WHERE plan_id = ? AND state = 'OPEN'", ps -> {
                    ps.setLong(1, InstantMicros.toMicros(now));
                    ps.setLong(2, planId);
                    return ps.executeUpdate();
                });
        items.deleteByUserIdAndPlanId(userId, planId);
    }
}
