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
    private final PlanService plans;
    private final DoneItems doneItems;

    ApplyReviewDecision(PlanItemRepository items, PlanService plans, DoneItems doneItems) {
        this.items = items;
        this.plans = plans;
        this.doneItems = doneItems;
    }

    /** The item as updated; {@code mentorHandle} is the approving mentor's. */
    public PlanItemRow applyReviewDecision(PlanItemRow item, boolean approved, String mentorHandle, Instant now) {
        String oldStatus = item.status();
        PlanItemRow.Builder b = item.toBuilder().updateTime(now);
        if (approved) {
            b.status("DONE").verified(true, "users/" + mentorHandle);
            if (!oldStatus.equals("DONE")) {
                b.completeTime(now);
            }
        } else {
            b.status("IN_PROGRESS").verified(false, "").completeTime(null);
        }
        PlanItemRow updated = items.update(b.build());
        if (!oldStatus.equals("DONE") && updated.status().equals("DONE")) {
            doneItems.itemDone(updated);
        }
        if (!oldStatus.equals(updated.status())) {
            plans.rescheduleOpenItems(updated.planId());
        }
        return updated;
    }
}
