package dev.ascent.tracker.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The plan use cases' inputs, already checked for shape by the endpoint. */
public final class PlanCommands {

    public static final int MAX_NOTES = 4000;
    /** Items per plan: keeps a whole plan (GetPlan, and the stored response of a retried write) a few MB at most. */
    public static final int MAX_ITEMS = 200;
    /** Minutes one item may have logged on one day, in all of its time entries: a day has no more. */
    public static final int MAX_MINUTES_PER_ITEM_DAY = 24 * 60;
    public static final int MAX_TITLE = 300;
    public static final int MAX_PLAN_TITLE = 200;
    public static final int MAX_ESTIMATE_MINUTES = 100 * 60;
    public static final double MAX_HOURS_PER_WEEK = 80;
    /** Half an hour a week: anything smaller rounds towards no time at all and leaves nothing to schedule by. */
    public static final double MIN_HOURS_PER_WEEK = 0.5;
    public static final int MAX_SKILL_RATINGS = 100;

    private PlanCommands() {
    }

    /** {@code hoursPerWeek} 0 means "derive from the target date". Days are epoch days; null when not given. */
    public record CreatePlan(String targetRole, String title, double hoursPerWeek, Integer startDay,
                             Integer targetDay, Map<String, Integer> ratings, String timeZone) {
    }

    /** Only the fields named in {@code mask} are applied. */
    public record UpdatePlan(Set<String> mask, String title, double hoursPerWeek, Integer targetDay,
                             boolean archived, String etag) {
    }

    public record AddItem(ItemKind kind, String title, String description, Integer estimatedMinutes,
                          Integer dueDay, int position) {
    }

    /** Only the fields named in {@code mask} are applied; {@code dueDay} null with "due_date" in the mask unpins. */
    public record UpdateItem(Set<String> mask, String status, String notes, boolean notesPrivate,
                             int estimatedMinutes, Integer dueDay, String title, String description, String etag,
                             boolean allowReopenVerified) {
    }

    public record LogTime(int minutes, Integer day, String note) {
    }

    public record Reorder(List<Long> itemIds, String etag) {
    }
}
