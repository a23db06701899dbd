package dev.ascent.tracker.bench;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stream fan-out: 100 concurrent WatchActivity streams on one in-process tracker (H2), 10 mentors with 9 mentees
 * each, so every mentee event goes to two watchers (the mentee and their mentor). Writers log time through the API
 * for {@code seconds}; the benchmark prints events delivered per second and the delay from an event's write
 * (its create_time, taken in the writing transaction) to its arrival at a watcher, p50/p99/max.
 *
 * <p>Run: {@code ./mvnw -o -q -pl tracker-service exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.ascent.tracker.bench.StreamBenchmark -Dexec.args="20 8"} (seconds, writer threads).
 */
public final class StreamBenchmark {

    private static final int MENTORS = 10;
    private static final int MENTEES_PER_MENTOR = 9;

    private StreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String poll = System.getProperty("poll", "250ms");
        try (TrackerHarness tracker = TrackerHarness.start(
                TestDatabase.Engine.H2,
                Map.of(
                        "ascent.content.target",
                        ContentProcess.shared().target(),
                        "ascent.activity.poll-interval",
                        poll))) {
            Mentors m = new Mentors(tracker.service().channel());
            List<User> watchers = new ArrayList<>();
            List<User> mentees = new ArrayList<>();
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < MENTORS; i++) {
                User mentor = m.user("mentor");
                watchers.add(mentor);
                for (int j = 0; j < MENTEES_PER_MENTOR; j++) {
                    User mentee = m.user("mentee");
                    m.activate(mentee, mentor);
                    mentees.add(mentee);
                    plans.add(m.plan(mentee));
                    watchers.add(mentee);
                }
            }
            Recorder recorder = new Recorder();
            for (User w : watchers) {
                TrackerHarness.as(ActivityServiceGrpc.newStub(tracker.service().channel()), w.token())
                        .watchActivity(WatchActivityRequest.getDefaultInstance(), recorder);
            }
            Thread.sleep(1000);
            recorder.reset();
            AtomicLong writes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int t = 0; t < writers; t++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        int k = ThreadLocalRandom.current().nextInt(mentees.size());
                        Plan plan = plans.get(k);
                        m.plans(mentees.get(k))
                                .logTime(LogTimeRequest.newBuilder()
                                        .setMinutes(1)
                                        .setPlanItem(plan.getItems(ThreadLocalRandom.current()
                                                        .nextInt(plan.getItemsCount()))
                                                .getName())
                                        .build());
                        writes.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the last polls land
            recorder.print(watchers.size(), writers, seconds, writes.get(), poll);
            System.exit(0);
        }
    }

    /** Collects arrival delays from every stream (one observer shared by all; it only touches synchronized state). */
    private static final class Recorder implements StreamObserver<WatchActivityResponse> {
        private long[] delaysMicros = new long[1 << 20];
        private int count;
        private long firstNanos;
        private long lastNanos;

        synchronized void reset() {
            count = 0;
            firstNanos = 0;
        }

        @Override
        public synchronized void onNext(WatchActivityResponse r) {
            if (!r.hasEvent()) {
                return;
            }
            java.time.Instant n = java.time.Instant.now();
            long now = n.getEpochSecond() * 1_000_000 + n.getNano() / 1000;
            long created = r.getEvent().getCreateTime().getSeconds() * 1_000_000
                    + r.getEvent().getCreateTime().getNanos() / 1000;
            if (count == delaysMicros.length) {
                delaysMicros = Arrays.copyOf(delaysMicros, count * 2);
            }
            delaysMicros[count++] = Math.max(0, now - created);
            lastNanos = System.nanoTime();
            if (firstNanos == 0) {
                firstNanos = lastNanos;
            }
        }

        @Override
        public void onError(Throwable t) {
            System.err.println("stream ended: " + t);
        }

        @Override
        public void onCompleted() {}

        synchronized void print(int streams, int writers, int seconds, long writes, String poll) {
            long[] d = Arrays.copyOf(delaysMicros, count);
            Arrays.sort(d);
            double span = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
            System.out.printf("streams=%d writers=%d duration=%ds poll-interval=%s%n", streams, writers, seconds, poll);
            System.out.printf("LogTime calls=%d (%.0f/s)%n", writes, writes / (double) seconds);
            System.out.printf("events delivered=%d (%.0f/s over %.1fs)%n", count, count / span, span);
            if (count > 0) {
                System.out.printf(
                        "write->delivery delay ms: p50=%.1f p99=%.1f max=%.1f%n",
                        d[count / 2] / 1000.0,
                        d[Math.min(count - 1, (int) (count * 0.99))] / 1000.0,
                        d[count - 1] / 1000.0);
            }
        }
    }
}
