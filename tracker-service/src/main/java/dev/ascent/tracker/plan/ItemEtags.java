package dev.ascent.tracker.plan;

/** An item's etag is its row version. */
public final class ItemEtags {

    private ItemEtags() {}

    public static String of(PlanItemRow item) {
        return "i" + item.version();
    }
}
