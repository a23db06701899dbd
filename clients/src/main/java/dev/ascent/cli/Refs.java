package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.client.NotFoundException;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import java.util.function.Supplier;

/**
 * Turns what people type into resource names. Plans: a full name ({@code users/ann/plans/123}), the numeric id
 * (the caller's plan), or nothing: the current plan, the one picked with {@code ascent plan use}, else the newest one
 * not archived. Items: a full name, {@code PLAN/ITEM} ids, an item id of the given or current plan, or a small
 * number: the item's position ({@code #} column) in that plan. Ids are large (time-based), positions small, so the
 * two cannot be confused.
 */
final class Refs {

    /** Item ids are at least 2^22; anything below this is a position. */
    static final long MAX_POSITION = 100_000;

    private final AscentClient client;
    private final Supplier<String> me;
    private final Supplier<String> stored;
    private Plan current;
    /** Whether {@link #current} came from GetPlan (with items) rather than ListPlans (without). */
    private boolean currentHasItems;

    Refs(AscentClient client, Supplier<String> me, Supplier<String> stored) {
        this.client = client;
        this.me = me;
        this.stored = stored;
    }

    String plan(String ref) {
        if (ref == null || ref.isBlank()) {
            return currentPlan().getName();
        }
        if (ref.startsWith("users/")) {
            return ref;
        }
        return "users/" + me.get() + "/plans/" + digits(ref, "plan");
    }

    String item(String ref, String planRef) {
        if (ref.startsWith("users/")) {
            return ref;
        }
        int slash = ref.indexOf('/');
        if (slash > 0) {
            return "users/" + me.get() + "/plans/" + digits(ref.substring(0, slash), "plan") + "/items/"
                    + digits(ref.substring(slash + 1), "item");
        }
        long n = Long.parseLong(digits(ref.startsWith("#") ? ref.substring(1) : ref, "item"));
        String plan = plan(planRef);
        if (n >= MAX_POSITION) {
            return plan + "/items/" + n;
        }
        return itemAt(plan, (int) n).getName();
    }

    /**
     * The plan picked with 'plan use' when it still exists, else the newest plan that is not archived; looked up
     * once per command (a command asks for it several times: to resolve a reference, then to mark it "current").
     */
    Plan currentPlan() {
        if (current == null) {
            String picked = stored.get();
            if (picked != null) {
                try {
                    current = getPlan(picked);
                    currentHasItems = true;
                } catch (NotFoundException e) {
                    throw new CliException(
                            ExitCodes.NOT_FOUND,
                            "your current plan " + picked + " no longer exists; "
                                    + "pick another with 'ascent plan use <id>' (see 'ascent plan list')");
                }
            } else {
                current = newestPlan();
            }
        }
        return current;
    }

    /** The plan named {@code name} with its items: the current plan as already read, else one call. */
    Plan planWithItems(String name) {
        if (current != null && currentHasItems && current.getName().equals(name)) {
            return current;
        }
        return getPlan(name);
    }

    private Plan getPlan(String name) {
        return client.plans()
                .getPlan(GetPlanRequest.newBuilder().setName(name).build())
                .getPlan();
    }

    Plan newestPlan() {
        var plans = client.plans()
                .listPlans(ListPlansRequest.newBuilder().setPageSize(1).build())
                .getPlansList();
        if (plans.isEmpty()) {
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "you have no plan yet; create one with: ascent plan new --role <slug> --hours-per-week N");
        }
        return plans.get(0);
    }

    private PlanItem itemAt(String plan, int position) {
        Plan p = planWithItems(plan);
        // Items come in plan order; '#' counts them from 1 as 'ascent plan show' prints them.
        if (position < 1 || position > p.getItemsCount()) {
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "plan " + plan + " has no item #" + position + " (it has " + p.getItemsCount() + ")");
        }
        return p.getItems(position - 1);
    }

    /** The item's {@code #} in its plan, counted from 1; 0 when the plan does not hold it. */
    static int position(Plan plan, String itemName) {
        for (int i = 0; i < plan.getItemsCount(); i++) {
            if (plan.getItems(i).getName().equals(itemName)) {
                return i + 1;
            }
        }
        return 0;
    }

    static String digits(String s, String what) {
        if (!s.matches("\\d{1,19}")) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "not a " + what + " id: '" + s + "' (use the number shown by "
                            + "'ascent plan show' or a full name such as users/<you>/plans/<id>)");
        }
        return s;
    }
}
