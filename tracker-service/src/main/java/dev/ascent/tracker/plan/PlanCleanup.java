package dev.ascent.tracker.plan;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

/** Removes everything that belongs to a plan before the plan row itself. */
final class PlanCleanup {

    private PlanCleanup() {
    }

    static void deleteHistory(PlanItemRepository items, long planId, long userId, JdbcOperations jdbc) {
        for (String table : new String[] {"time_entry", "plan_day", "activity"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND plan_id = ?", ps -> {
                ps.setLong(1, userId);
                ps.setLong(2, planId);
                return ps.executeUpdate();
            });
        }
        items.deleteByPlanId(planId);
    }
}
