package dev.ascent.tracker.bench;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GetPlan's scale curve (issue 15 part 4): plans of 30, 100 and 200 items (200 is the most a plan holds:
 * AddPlanItem answers RESOURCE_EXHAUSTED PLAN_FULL beyond it, and CreatePlan keeps the 200 most urgent), one
 * in-process tracker, a real channel. Each round takes turns between the sizes: one caller for {@code
 * -Dbench.calls} timed calls (p50, p99), then 16 callers for {@code -Dbench.seconds} (calls/s). Prints medians
 * over {@code -Dbench.rounds} and each size's figures against the 30-item plan's.
 *
 * <pre>bench/tracker-plan-scale.sh</pre> runs it on H2; with ASCENT_TEST_MYSQL_URL set on MySQL as well.
 */
public final class PlanScaleBenchmark {

    private static final int[] SIZES = {30, 100, 200};
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CALLERS = 16;

    private PlanScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%d rounds; one caller: %d calls after %d warm-up; %d callers: %d s; medians" + "%n%n",
                ROUNDS,
                CALLS,
                WARMUP,
                CALLERS,
                SECONDS);
        System.out.println("| engine | items | response bytes | p50 ms (1 caller) | p99 ms | calls/s (16 callers) | "
                + "calls/s / 30 items' | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|");
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
        try (TrackerHarness tracker = TrackerHarness.start(
                engine, Map.of("ascent.content.target", ContentProcess.shared().target()))) {
            Mentors m = new Mentors(tracker.service().channel());
            List<PlanServiceGrpc.PlanServiceBlockingStub> stubs = new ArrayList<>();
            List<GetPlanRequest> requests = new ArrayList<>();
            List<Integer> bytes = new ArrayList<>();
            for (int size : SIZES) {
                User u = m.user("scale");
                var stub = m.plans(u);
                Plan plan = m.plan(u);
                for (int i = plan.getItemsCount(); i < size; i++) {
                    stub.addPlanItem(AddPlanItemRequest.newBuilder()
                            .setParent(plan.getName())
                            .setPlanItem(PlanItem.newBuilder()
                                    .setTitle("Extra item " + i)
                                    .setDescription("Added to reach " + size + " items")
                                    .build())
                            .build());
                }
                GetPlanRequest request =
                        GetPlanRequest.newBuilder().setName(plan.getName()).build();
                Plan full = stub.getPlan(request).getPlan();
                if (full.getItemsCount() != size) {
                    throw new IllegalStateException("plan has " + full.getItemsCount() + " items, wanted " + size);
                }
                stubs.add(stub);
                requests.add(request);
                bytes.add(full.getSerializedSize());
                for (int i = 0; i < WARMUP; i++) {
                    stub.getPlan(request);
                }
            }
            double[][] p50 = new double[SIZES.length][ROUNDS];
            double[][] p99 = new double[SIZES.length][ROUNDS];
            double[][] rate = new double[SIZES.length][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int s = 0; s < SIZES.length; s++) {
                    long[] nanos = new long[CALLS];
                    for (int i = 0; i < CALLS; i++) {
                        long start = System.nanoTime();
                        stubs.get(s).getPlan(requests.get(s));
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    p50[s][r] = nanos[CALLS / 2] / 1e6;
                    p99[s][r] = nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6;
                    rate[s][r] = concurrent(stubs.get(s), requests.get(s));
                }
            }
            String[] load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            double base = median(rate[0]);
            for (int s = 0; s < SIZES.length; s++) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %,d | %.2f | %.2f | %,.0f | %.2fx | %s %s %s |%n",
                        engine,
                        SIZES[s],
                        bytes.get(s),
                        median(p50[s]),
                        median(p99[s]),
                        median(rate[s]),
                        median(rate[s]) / base,
                        load[0],
                        load[1],
                        load[2]);
            }
        }
    }

    /** Calls per second of {@link #CALLERS} closed-loop callers over {@link #SECONDS}, after a second's warm-up. */
    private static double concurrent(PlanServiceGrpc.PlanServiceBlockingStub stub, GetPlanRequest request)
            throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    stub.getPlan(request);
                    if (counting.get()) {
                        calls.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
        long counted = calls.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return counted / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
