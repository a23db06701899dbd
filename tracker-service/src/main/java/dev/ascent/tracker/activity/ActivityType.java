package dev.ascent.tracker.activity;

/** What happened; the names match {@code ascent.tracker.v1.ActivityType} without its prefix. */
public enum ActivityType {
    PLAN_CREATED,
    PLAN_UPDATED,
    PLAN_DELETED,
    ITEM_ADDED,
    ITEM_UPDATED,
    STATUS_CHANGED,
    TIME_LOGGED,
    ITEMS_REORDERED,
    PRACTICE_STARTED,
    PRACTICE_COMPLETED,
    PRACTICE_ABANDONED,
    PRACTICE_EXPIRED,
    REVIEW_REQUESTED,
    REVIEW_SUBMITTED,
    REVIEW_CANCELLED,
    COMMENT_ADDED,
    MENTORSHIP_CHANGED,
    RECALL_REVIEWED,
    VERIFIED_ITEM_REOPENED,
    ACCESS_RESET,
    PLAN_IMPORTED
}
