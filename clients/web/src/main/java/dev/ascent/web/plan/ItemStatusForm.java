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

    static PlanItemStatus parse(String value) {
        return CHOICES.stream().filter(c -> c.value.equals(value)).findFirst().map(ItemStatusForm::status)
                .orElseThrow(() -> new Form.BadForm("status must be one of: to do, in progress, done, skipped"));
    }
}
