package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlanReadCacheTest {

    private static PlanReadCache.Key key(long plan, int version, long activity, boolean owner, int today) {
        return new PlanReadCache.Key(new PlanStamp(plan, 7, version, activity, "UTC"), owner, "eng", today);
    }

    @Test
    void answersOnlyForTheExactStampViewAndDay() {
        PlanReadCache<String> cache = new PlanReadCache<>(100, String::length);
        cache.put(key(1, 3, 10, true, 500), "v3");
        assertEquals("v3", cache.get(key(1, 3, 10, true, 500)));
        assertNull(cache.get(key(1, 4, 10, true, 500)), "a newer version");
        assertNull(cache.get(key(1, 3, 11, true, 500)), "newer history");
        assertNull(cache.get(key(1, 3, 10, true, 501)), "the next day");
        assertNull(cache.get(key(1, 3, 10, false, 500)), "a mentor's view");
        assertNull(cache.get(new PlanReadCache.Key(new PlanStamp(1, 7, 3, 10, "UTC"), true, "renamed", 500)));
    }

    @Test
    void aNewStampReplacesTheOldOneOfTheSamePlanAndView() {
        PlanReadCache<String> cache = new PlanReadCache<>(100, String::length);
        cache.put(key(1, 3, 10, true, 500), "v3");
        cache.put(key(1, 3, 10, false, 500), "mentor");
        cache.put(key(1, 4, 10, true, 500), "v4");
        assertNull(cache.get(key(1, 3, 10, true, 500)));
        assertEquals("v4", cache.get(key(1, 4, 10, true, 500)));
        assertEquals("mentor", cache.get(key(1, 3, 10, false, 500)));
        assertEquals(2, cache.size());
    }

    @Test
    void theLeastRecentlyUsedGoFirstPastTheBudget() {
        PlanReadCache<String> cache = new PlanReadCache<>(10, String::length);
        cache.put(key(1, 1, 0, true, 0), "aaaa");
        cache.put(key(2, 1, 0, true, 0), "bbbb");
        cache.get(key(1, 1, 0, true, 0));
        cache.put(key(3, 1, 0, true, 0), "cccc");
        assertEquals("aaaa", cache.get(key(1, 1, 0, true, 0)), "read last, so kept");
        assertNull(cache.get(key(2, 1, 0, true, 0)), "the least recently used went");
        assertEquals("cccc", cache.get(key(3, 1, 0, true, 0)));
        cache.put(key(4, 1, 0, true, 0), "far more than the whole budget");
        assertNull(cache.get(key(4, 1, 0, true, 0)), "an answer larger than the budget is not kept");
        assertEquals(2, cache.size());
    }
}
