package dev.ascent.tracker.plan;

/**
 * Where a plan item stands. Stored by name in {@code plan_item.status} (and in the activity history's
 * {@code old_status}/{@code new_status}), so a value is never renamed; {@code PlanProtoMapper} maps it to and from
 * the API's {@code PlanItemStatus}.
 */
public enum ItemStatus {
    TODO,
    IN_PROGRESS,
    DONE,
    SKIPPED;

    /** Open items are the ones still to do: they are rescheduled and count towards the time still needed. */
    public boolean open() {
        return this == TODO || this == IN_PROGRESS;
    }
}
