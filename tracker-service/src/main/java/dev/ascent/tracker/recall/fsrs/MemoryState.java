package dev.ascent.tracker.recall.fsrs;

/**
 * A card's FSRS memory: stability S (days until recall probability falls to 90%) and difficulty D in [1, 10].
 */
public record MemoryState(double stability, double difficulty) {}
