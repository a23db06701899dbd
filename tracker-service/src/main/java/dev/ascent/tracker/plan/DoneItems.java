package dev.ascent.tracker.plan;

/**
 * Called when a plan item becomes DONE, in the write's transaction and under its plan lock. The recall feature
 * (above plan) implements it by making the item's card.
 */
public interface DoneItems {

    void itemDone(PlanItemRow item);
}
