package dev.ascent.tracker.plan;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps a plan's item positions 0, 1, 2, ... in list order after an item is added or the items are reordered. */
@Singleton
class ItemPositions {

    private final PlanItemRepository items;

    public ItemPositions(PlanItemRepository items) {
        this.items = items;
    }

    /** The rows in the same order, each at its index; only rows whose position moves are written. */
    List<PlanItemRow> renumber(List<PlanItemRow> rows, Instant now) {
        List<PlanItemRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanItemRow r = rows.get(i);
            out.add(
                    r.position() == i
                            ? r
                            : items.update(
                                    r.toBuilder().position(i).updateTime(now).build()));
        }
        return out;
    }
}
