package dev.ascent.common.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a benchmark logs its next minutes, so that no item goes past the 1440 minutes a day it may hold: calls go
 * round the items of the first plan until each holds a day's worth, then round the next plan's, and so on. A load
 * on "one plan" thus stays on one plan at a time (every call still waits for that plan's lock), and no call is
 * refused for the cap. Thread-safe.
 */
public final class LoggableItems {

    private static final int DAY = 24 * 60;

    private final List<List<String>> itemsByPlan;
    private final int callsPerItem;
    private final AtomicLong calls = new AtomicLong();

    /** {@code itemsByPlan}: the item names of each plan, in order of use; each call logs {@code minutes}. */
    public LoggableItems(List<List<String>> itemsByPlan, int minutes) {
        this.itemsByPlan = List.copyOf(itemsByPlan);
        this.callsPerItem = DAY / minutes;
    }

    /** The item the next call logs on; fails when every plan holds a full day. */
    public String next() {
        long n = calls.getAndIncrement();
        for (List<String> items : itemsByPlan) {
            long capacity = (long) items.size() * callsPerItem;
            if (n < capacity) {
                return items.get((int) (n % items.size()));
            }
            n -= capacity;
        }
        throw new IllegalStateException("every plan holds a full day of minutes; give the benchmark more plans");
    }
}
