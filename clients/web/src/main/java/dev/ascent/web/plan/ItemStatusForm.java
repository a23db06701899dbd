package dev.ascent.web.plan;

import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.web.Form;
import java.util.List;

/** The item statuses a form can choose, by the value the form sends. */
public record ItemStatusForm(String value, String label, PlanItemStatus status) {

    public static final List<ItemStatusForm> CHOICES = List.of(
            new ItemStatusForm("todo", "To do", PlanItemStatus.PLAN_ITEM_STATUS_TODO),
            new ItemStatusForm("in-progress", "In progress", PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS),
            new ItemStatusForm("done", "Done", PlanItemStatus.PLAN_ITEM_STATUS_DONE),
            new ItemStatusForm("skipped", "Skipped", PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED));

    /** The checkbox that confirms moving a verified item out of done ({@code allow_reopen_verified}). */
    static final String WITHDRAW_FIELD = "withdraw_approval";

    /** The tracker's reason for refusing to move a verified item out of done without that confirmation. */
    public static final String ITEM_VERIFIED = "ITEM_VERIFIED";

    /** What the engineer reads when the tracker refused for {@link #ITEM_VERIFIED}. */
    public static final String KEPT_VERIFIED = "Nothing changed: a mentor verified this item, and another status "
            + "would withdraw that approval. To do so, tick \"Withdraw the approval\" and set the status again.";

    static PlanItemStatus parse(String value) {
        return CHOICES.stream()
                .filter(c -> c.value.equals(value))
                .findFirst()
                .map(ItemStatusForm::status)
                .orElseThrow(() -> new Form.BadForm("status must be one of: to do, in progress, done, skipped"));
    }
}
