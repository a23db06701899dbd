package dev.ascent.content.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code threads} callers each issue one blocking call after another, with no think time, first for
 * a warm-up period whose samples are dropped, then for a measured period.
 */
final class LoadRunner {

    /** One blocking call; it throws if the call fails, which aborts the run. */
    interface Call {
        void run() throws Exception;
    }

    record Result(int threads, long calls, double seconds, Latencies.Sorted latencies) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    private final long warmUpNanos;
    private final long measureNanos;

    LoadRunner(long warmUpMillis, long measureMillis) {
        this.warmUpNanos = warmUpMillis * 1_000_000L;
        this.measureNanos = measureMillis * 1_000_000L;
    }

    Result run(int threads, Call call) throws Exception {
        phase(threads, call, warmUpNanos, new ArrayList<>());
        List<Latencies> perThread = new ArrayList<>();
        long elapsed = phase(threads, call, measureNanos, perThread);
        Latencies.Sorted all = Latencies.merge(perThread);
        return new Result(threads, all.count(), elapsed / 1e9, all);
    }

    /** Runs the callers for {@code millis} and drops the samples: JIT warm-up before the first measured run. */
    void warmUp(int threads, Call call, long millis) throws Exception {
        phase(threads, call, millis * 1_000_000L, new ArrayList<>());
    }

    /** Runs the callers until the deadline; returns the wall time from the common start to the last caller's end. */
    private long phase(int threads, Call call, long nanos, List<Latencies> out) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] start = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Latencies mine = new Latencies();
            out.add(mine);
            Thread t = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            long deadline = start[0] + nanos;
                            long now = System.nanoTime();
                            while (now < deadline && failure.get() == null) {
                                call.run();
                                long end = System.nanoTime();
                                mine.add(end - now);
                                now = end;
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "bench-caller-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - start[0];
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed during the run", failure.get());
        }
        return elapsed;
    }
}
