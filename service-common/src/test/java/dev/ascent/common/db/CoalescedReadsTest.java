package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedReadsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Set<Integer>> reads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A read that answers key * 10 for every key but 0, and records the keys it was given. */
    private Map<Integer, Integer> tenfold(Set<Integer> keys) {
        reads.add(Set.copyOf(keys));
        Map<Integer, Integer> out = new HashMap<>();
        keys.stream().filter(k -> k != 0).forEach(k -> out.put(k, k * 10));
        return out;
    }

    @Test
    void aCallerAloneReadsItsOwnKeyAtOnce() {
        CoalescedReads<Integer, Integer> c = new CoalescedReads<>(this::tenfold, 100);
        assertEquals(70, c.get(7));
        assertNull(c.get(0), "a key the read does not answer is null");
        assertEquals(List.of(Set.of(7), Set.of(0)), reads);
    }

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Reads as {@link #tenfold}, the first read waiting for {@link #release} once it has begun. */
    private CoalescedReads<Integer, Integer> firstReadHeld(int maxKeys) {
        return new CoalescedReads<>(
                keys -> {
                    if (entered.getCount() > 0) {
                        entered.countDown();
                        await(release);
                    }
                    return tenfold(keys);
                },
                maxKeys);
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOne() throws Exception {
        CoalescedReads<Integer, Integer> c = firstReadHeld(100);
        Future<Integer> first = pool.submit(() -> c.get(1));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        List<Future<Integer>> others = new ArrayList<>();
        for (int k = 2; k <= 16; k++) {
            int key = k;
            others.add(pool.submit(() -> c.get(key)));
        }
        waitUntil(() -> c.waiting() == 15);
        release.countDown();
        assertEquals(10, first.get(10, TimeUnit.SECONDS));
        for (int k = 2; k <= 16; k++) {
            assertEquals(k * 10, others.get(k - 2).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, reads.size(), reads::toString);
        assertEquals(Set.of(1), reads.get(0));
        assertEquals(15, reads.get(1).size());
    }

    @Test
    void aReadTakesAtMostMaxKeys() throws Exception {
        CoalescedReads<Integer, Integer> c = firstReadHeld(2);
        Future<Integer> first = pool.submit(() -> c.get(1));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        List<Future<Integer>> others = new ArrayList<>();
        for (int k = 2; k <= 6; k++) {
            int key = k;
            others.add(pool.submit(() -> c.get(key)));
        }
        waitUntil(() -> c.waiting() == 5);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Integer> f : others) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(4, reads.size(), reads::toString); // 1, then 2 + 2 + 1
        assertTrue(reads.stream().allMatch(r -> r.size() <= 2), reads::toString);
    }

    /**
     * Threads share four keys: each raises a key's value to a number higher than any before it and then reads the
     * key, which must give at least that number. A caller answered by a read that began before its call (the slow
     * read snapshots the values when it starts) would get less.
     */
    @Test
    void everyCallerSeesWhatWasWrittenBeforeItsCall() throws Exception {
        Map<Integer, Integer> table = new ConcurrentHashMap<>();
        AtomicInteger clock = new AtomicInteger();
        CoalescedReads<Integer, Integer> c = new CoalescedReads<>(
                keys -> {
                    Map<Integer, Integer> snapshot = new HashMap<>();
                    keys.forEach(k -> snapshot.put(k, table.get(k)));
                    reads.add(Set.copyOf(keys));
                    sleep(1);
                    return snapshot;
                },
                100);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int key = t % 4;
            threads.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    int v = clock.incrementAndGet();
                    table.merge(key, v, Math::max);
                    int read = c.get(key);
                    assertTrue(read >= v, "wrote " + v + " to " + key + " before the call, read " + read);
                }
                return null;
            }));
        }
        for (Future<?> f : threads) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertTrue(reads.size() < 16 * 200, "some reads answered several callers: " + reads.size());
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextCallReadsAgain() throws Exception {
        RuntimeException down = new IllegalStateException("database down");
        CoalescedReads<Integer, Integer> c = new CoalescedReads<>(
                keys -> {
                    reads.add(Set.copyOf(keys));
                    if (reads.size() == 1) {
                        entered.countDown();
                        await(release);
                        return Map.of(1, 10);
                    }
                    if (reads.size() == 2) {
                        throw down;
                    }
                    return Map.of(9, 90);
                },
                100);
        Future<Integer> first = pool.submit(() -> c.get(1));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        Future<Integer> a = pool.submit(() -> c.get(2));
        Future<Integer> b = pool.submit(() -> c.get(3));
        waitUntil(() -> c.waiting() == 2);
        release.countDown();
        assertEquals(10, first.get(10, TimeUnit.SECONDS));
        for (Future<Integer> f : List.of(a, b)) {
            Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
            assertSame(down, e.getCause());
        }
        assertEquals(90, c.get(9));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(1);
        }
    }
}
