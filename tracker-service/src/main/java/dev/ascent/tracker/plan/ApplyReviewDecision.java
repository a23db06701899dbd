package dev.ascent.tracker.plan;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * A mentor's decision on a plan item's review, as the plan applies it: APPROVED makes the item DONE and verified
 * by the mentor; changes requested send it back to IN_PROGRESS, unverified. The plan is rescheduled when the status
 * changed. The caller (the review feature) holds the plan lock and records the activity.
 */
@Singleton
public class ApplyReviewDecision {

    private final PlanItemRepository items;
    private final Rescheduler rescheduler;
    private final DoneItems doneItems;

    ApplyReviewDecision(PlanItemRepository items, Rescheduler rescheduler, DoneItems doneItems) {
        this.items = items;
        this.rescheduler = rescheduler;
        this.doneItems = doneItems;
    }

    /** The item as updated; {@code mentorHandle} is the approving mentor's. */
    public PlanItemRow applyReviewDecision(PlanItemRow item, boolean approved, String mentorHandle, Instant now) {
        ItemStatus oldStatus = item.status();
        PlanItemRow.Builder b = item.toBuilder().updateTime(now);
        if (approved) {
            b.status(ItemStatus.DONE).verified(true, "users/" + mentorHandle);
            if (oldStatus != ItemStatus.DONE) {
                b.completeTime(now);
            }
        } else {
            b.status(ItemStatus.IN_PROGRESS).verified(false, "").completeTime(null);
        }
        PlanItemRow updated = items.update(b.build());
        if (oldStatus != ItemStatus.DONE && updated.status() == ItemStatus.DONE) {
            doneItems.itemDone(updated);
        }
        if (oldStatus != updated.status()) {
            rescheduler.rescheduleOpenItems(updated.planId());
        }
        return updated;
    }
}
