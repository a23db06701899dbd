package dev.ascent.tracker.bench;

import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WatchActivity fan-out to 1,000 watchers across two tracker instances on one database (issue 15 part 4): 10
 * mentors with 9 mentees each, every one of the 100 users holding 10 streams (the most one user may hold on one
 * server), 5 on each instance. Every mentee event therefore goes to 20 watchers, 10 on each instance. Writers log
 * time on random mentees' plans at a fixed rate ({@code -Dbench.writes-per-second}), alternating the instance they
 * write through, for {@code -Dbench.seconds}. Prints the delay from an event's create_time (taken in the writing
 * transaction, same clock) to its arrival at a watcher: p50, p99, max, per instance and overall.
 *
 * <pre>bench/tracker-fanout.sh</pre> runs it on H2; with ASCENT_TEST_MYSQL_URL set on MySQL as well.
 */
public final class FanOutBenchmark {

    private static final int MENTORS = 10;
    private static final int MENTEES_PER_MENTOR = 9;
    private static final int STREAMS_PER_USER_PER_INSTANCE = 5;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int RATE = Integer.getInteger("bench.writes-per-second", 50);

    private FanOutBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%d watchers (%d users x %d streams on each of 2 instances), %d writes/s for "
                        + "%d s, poll interval %s%n%n",
                (MENTORS + MENTORS * MENTEES_PER_MENTOR) * 2 * STREAMS_PER_USER_PER_INSTANCE,
                MENTORS + MENTORS * MENTEES_PER_MENTOR,
                STREAMS_PER_USER_PER_INSTANCE,
                RATE,
                SECONDS,
                System.getProperty("poll", "the default (100ms while a stream is open)"));
        System.out.println("| engine | instance | writes | events | deliveries | deliveries per event | delay p50 ms "
                + "| p99 ms | max ms | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        String engines = System.getProperty("bench.engines", "H2,MYSQL");
        if (engines.contains("H2")) {
            run(TestDatabase.Engine.H2);
        }
        if (engines.contains("MYSQL") && System.getenv("ASCENT_TEST_MYSQL_URL") != null) {
            run(TestDatabase.Engine.MYSQL);
        }
        System.exit(0);
    }

    private static void run(TestDatabase.Engine engine) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(
                Map.of("ascent.content.target", ContentProcess.shared().target()));
        if (System.getProperty("poll") != null) {
            props.put("ascent.activity.poll-interval", System.getProperty("poll"));
        }
        try (TrackerHarness a = TrackerHarness.start(engine, props);
                RunningService b = a.startAnotherInstance(props)) {
            List<Mentors> instances = List.of(new Mentors(a.service().channel()), new Mentors(b.channel()));
            Mentors setup = instances.get(0);
            List<User> users = new ArrayList<>();
            List<User> mentees = new ArrayList<>();
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < MENTORS; i++) {
                User mentor = setup.user("mentor");
                users.add(mentor);
                for (int j = 0; j < MENTEES_PER_MENTOR; j++) {
                    User mentee = setup.user("mentee");
                    setup.activate(mentee, mentor);
                    mentees.add(mentee);
                    plans.add(setup.plan(mentee));
                    users.add(mentee);
                }
            }
            List<Delays> delays = List.of(new Delays(), new Delays());
            for (int i = 0; i < 2; i++) {
                for (User u : users) {
                    for (int s = 0; s < STREAMS_PER_USER_PER_INSTANCE; s++) {
                        instances
                                .get(i)
                                .activity(u)
                                .watchActivity(WatchActivityRequest.getDefaultInstance(), delays.get(i));
                    }
                }
            }
            Thread.sleep(2000);
            delays.forEach(Delays::reset);
            AtomicLong writes = new AtomicLong();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
            long start = System.nanoTime();
            long total = (long) RATE * SECONDS;
            for (long w = 0; w < total; w++) {
                long due = start + w * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Mentors through = instances.get((int) (w % 2));
                pool.execute(() -> {
                    int k = ThreadLocalRandom.current().nextInt(mentees.size());
                    Plan plan = plans.get(k);
                    try {
                        through.plans(mentees.get(k))
                                .logTime(LogTimeRequest.newBuilder()
                                        .setMinutes(1)
                                        .setPlanItem(plan.getItems(ThreadLocalRandom.current()
                                                        .nextInt(plan.getItemsCount()))
                                                .getName())
                                        .build());
                        writes.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            Thread.sleep(3000); // the last polls land
            // A write makes one event, two when it also moves the item's status (its first minutes).
            Set<Long> all = new HashSet<>(delays.get(0).events());
            all.addAll(delays.get(1).events());
            String[] loadavg = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            String load = loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
            long[] a0 = delays.get(0).sorted();
            long[] b0 = delays.get(1).sorted();
            long[] both = Arrays.copyOf(a0, a0.length + b0.length);
            System.arraycopy(b0, 0, both, a0.length, b0.length);
            Arrays.sort(both);
            print(engine, "A", writes.get(), a0, delays.get(0).events().size(), load);
            print(engine, "B", writes.get(), b0, delays.get(1).events().size(), load);
            print(engine, "both", writes.get(), both, all.size(), load);
            if (failures.get() > 0) {
                System.err.println(failures.get() + " writes failed");
            }
        }
    }

    /** One row; {@code d} holds delays in microseconds, sorted (nearest-rank percentiles). */
    private static void print(
            TestDatabase.Engine engine, String instance, long writes, long[] d, int events, String load) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %s |%n",
                engine,
                instance,
                writes,
                events,
                d.length,
                d.length / (double) Math.max(1, events),
                percentile(d, 50) / 1000.0,
                percentile(d, 99) / 1000.0,
                d.length == 0 ? 0 : d[d.length - 1] / 1000.0,
                load);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /** Arrival delays of events, in microseconds, from every stream of one instance. */
    private static final class Delays implements StreamObserver<WatchActivityResponse> {
        private long[] micros = new long[1 << 16];
        private int count;
        private final Set<Long> sequences = new HashSet<>();

        synchronized void reset() {
            count = 0;
            sequences.clear();
        }

        synchronized Set<Long> events() {
            return new HashSet<>(sequences);
        }

        synchronized long[] sorted() {
            long[] out = Arrays.copyOf(micros, count);
            Arrays.sort(out);
            return out;
        }

        @Override
        public void onNext(WatchActivityResponse r) {
            if (!r.hasEvent()) {
                return;
            }
            Instant now = Instant.now();
            long created = r.getEvent().getCreateTime().getSeconds() * 1_000_000
                    + r.getEvent().getCreateTime().getNanos() / 1000;
            long delay = Math.max(0, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - created);
            synchronized (this) {
                if (count == micros.length) {
                    micros = Arrays.copyOf(micros, count * 2);
                }
                micros[count++] = delay;
                sequences.add(r.getEvent().getSequence());
            }
        }

        @Override
        public void onError(Throwable t) {
            System.err.println("stream ended: " + t);
        }

        @Override
        public void onCompleted() {}
    }
}
