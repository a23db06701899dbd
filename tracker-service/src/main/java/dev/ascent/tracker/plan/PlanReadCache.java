package dev.ascent.tracker.plan;

import dev.ascent.tracker.grpc.Days;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What a read of a plan answered, kept while the plan's {@link PlanStamp} stays the same: GetPlan and the progress
 * summary then cost one narrow primary-key read instead of four or five queries (docs/PERFORMANCE.md, fifth round).
 *
 * <p>Correct across instances because nothing is invalidated: every reader reads the plan's stamp from the
 * database first, and the stamp moves with every change of what a read shows (the version with every write to the
 * plan, its items, its day rollups and its items' open review requests; the last activity time with its history).
 * One entry per plan and view (the owner's, a mentor's); least recently used entries go first past the budget.
 *
 * @param <V> the answer kept
 */
public final class PlanReadCache<V> {

    /** Everything a kept answer depends on besides the stamp's plan: its view, owner name and day. */
    public record Key(PlanStamp stamp, boolean ownerView, String ownerHandle, int today) {}

    private record Slot(long planId, boolean ownerView) {}

    private record Entry<V>(Key key, V value, long weight) {}

    private final long budget;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<Slot, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    /** At most {@code budget} in the units of {@code weigher} (bytes, or 1 an entry). */
    public PlanReadCache(long budget, ToLongFunction<V> weigher) {
        this.budget = budget;
        this.weigher = weigher;
    }

    /** An answer as loaded, with the plan row it was read with: it is kept under that row's stamp. */
    public record Loaded<V>(PlanRow plan, V value) {}

    /**
     * The answer kept for the plan at {@code stamp} in this view today; else {@code load}'s, kept under the stamp
     * of the row it read (a write may have landed since {@code stamp} was read).
     */
    public V read(PlanStamp stamp, boolean ownerView, String ownerHandle, Clock clock, Supplier<Loaded<V>> load) {
        V hit = get(new Key(stamp, ownerView, ownerHandle, Days.today(clock, stamp.timeZone())));
        if (hit != null) {
            return hit;
        }
        Loaded<V> loaded = load.get();
        PlanRow plan = loaded.plan();
        put(new Key(PlanStamp.of(plan), ownerView, ownerHandle, Days.today(clock, plan.timeZone())), loaded.value());
        return loaded.value();
    }

    /** The answer kept for exactly {@code key}, or null. */
    public synchronized V get(Key key) {
        Entry<V> e = entries.get(new Slot(key.stamp().planId(), key.ownerView()));
        return e != null && e.key().equals(key) ? e.value() : null;
    }

    /** Keeps {@code value} for {@code key}, in place of what was kept for an older stamp of the same plan and view. */
    public synchronized void put(Key key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > budget) {
            return;
        }
        Entry<V> old = entries.put(new Slot(key.stamp().planId(), key.ownerView()), new Entry<>(key, value, w));
        weight += w - (old == null ? 0 : old.weight());
        var it = entries.entrySet().iterator();
        while (weight > budget && it.hasNext()) {
            Map.Entry<Slot, Entry<V>> eldest = it.next();
            weight -= eldest.getValue().weight();
            it.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
