package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as text: its header and schedule, every item with its {@code #}, and the items needing attention. */
final class PlanPrinter {

    /** An item a mentor sent back, with the mentor's comment. */
    record Attention(int position, PlanItem item, ReviewRequest review) {}

    private PlanPrinter() {}

    static void print(Cli cli, Plan plan, List<Attention> attention, boolean current) {
        var out = cli.out;
        out.printf(
                "%s  (plan %s%s%s)%n",
                plan.getTitle(),
                Fmt.id(plan.getName()),
                current ? ", current" : "",
                plan.getArchived() ? ", archived" : "");
        out.printf(
                "target: %s  |  %s h/week  |  %s to %s%s%n",
                plan.getRoleTitle(),
                Fmt.hours(plan.getHoursPerWeek()),
                plan.getStartDate(),
                Fmt.orDash(plan.getScheduledEndDate()),
                plan.getTargetDate().isEmpty() ? "" : "  |  target " + plan.getTargetDate());
        if (!plan.getScheduleNote().isEmpty()) {
            out.println(plan.getScheduleNote());
        }
        out.println();
        Table t = new Table("#", "WEEK", "DUE", "STATUS", "KIND", "EST", "LOGGED", "TITLE");
        for (int n = 0; n < plan.getItemsCount(); n++) {
            PlanItem i = plan.getItems(n);
            t.row(
                    n + 1,
                    i.getWeek(),
                    i.getDueDate() + (i.getDueDatePinned() ? " (set)" : ""),
                    status(i),
                    Fmt.en(i.getKind(), "PLAN_ITEM_KIND_"),
                    Fmt.minutes(i.getEstimatedMinutes()),
                    Fmt.minutes(i.getLoggedMinutes()),
                    i.getTitle());
        }
        t.print(cli);
        if (!attention.isEmpty()) {
            out.println();
            out.println("needs your attention (a mentor asked for changes):");
            for (Attention a : attention) {
                out.printf(
                        "  #%d %s%n     %s: \"%s\"%n",
                        a.position(),
                        a.item().getTitle(),
                        Fmt.id(a.review().getMentor()),
                        a.review().getDecisionComment());
            }
            out.println("  (ascent item show <#> shows the whole thread)");
        }
        out.flush();
    }

    static String status(PlanItem i) {
        return Fmt.en(i.getStatus(), "PLAN_ITEM_STATUS_")
                + (i.getVerified() ? " ✓ verified" : "")
                + (i.getOpenReviewRequest().isEmpty() ? "" : " (in review)");
    }

    /**
     * Items of the plan whose latest review asked for changes and that are not done or back in review: one call
     * for the owner's decided requests (as mentee, or to the caller as mentor), newest decision per item.
     */
    static List<Attention> needingAttention(AscentClient client, Plan plan) {
        String owner = plan.getName().substring(0, plan.getName().indexOf("/plans/"));
        Map<String, ReviewRequest> latest = new LinkedHashMap<>();
        for (ReviewRequest rr :
                ItemDetail.requests(client, owner, ReviewRequestState.REVIEW_REQUEST_STATE_CHANGES_REQUESTED)) {
            if (rr.getTarget().startsWith(plan.getName() + "/items/")) {
                latest.put(rr.getTarget(), rr);
            }
        }
        List<Attention> out = new ArrayList<>();
        for (int n = 0; n < plan.getItemsCount(); n++) {
            PlanItem i = plan.getItems(n);
            ReviewRequest rr = latest.get(i.getName());
            if (rr != null
                    && i.getOpenReviewRequest().isEmpty()
                    && i.getStatus() != PlanItemStatus.PLAN_ITEM_STATUS_DONE
                    && i.getStatus() != PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED) {
                out.add(new Attention(n + 1, i, rr));
            }
        }
        return out;
    }
}
