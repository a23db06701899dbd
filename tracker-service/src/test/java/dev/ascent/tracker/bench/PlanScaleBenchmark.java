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
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * GetPlan's scale curve (issue 15 part 4): plans of 30, 100, 200 and 500 items, one in-process tracker, a real
 * channel. 200 is the most a plan holds through the API (AddPlanItem answers RESOURCE_EXHAUSTED PLAN_FULL beyond
 * it, and CreatePlan keeps the 200 most urgent), so the 500-item plan gets its last 300 items as copies of its last
 * one, inserted into the database directly: the curve shows what raising the limit would cost. Each round takes
 * turns between the sizes: one caller for {@code -Dbench.calls} timed calls (p50, p99) of a plan unchanged since
 * the last read (the kept answer), the same again with the plan's stamp moved before each call (outside the timing;
 * the read assembles the plan from the database), then 16 callers for {@code -Dbench.seconds} (calls/s). Prints
 * medians over {@code -Dbench.rounds} and each size's figures against the 30-item plan's.
 *
 * <pre>bench/tracker-plan-scale.sh</pre> runs it on H2; with ASCENT_TEST_MYSQL_URL set on MySQL as well.
 */
public final class PlanScaleBenchmark {

    private static final int[] SIZES = {30, 100, 200, 500};
    private static final int API_LIMIT = 200;
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
        System.out.println("| engine | items | response bytes | p50 ms (1 caller) | p99 ms | p50 ms, changed plan | "
                + "p99 ms, changed plan | calls/s (16 callers) | calls/s / 30 items' | load average |");
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
                for (int i = plan.getItemsCount(); i < Math.min(size, API_LIMIT); i++) {
                    stub.addPlanItem(AddPlanItemRequest.newBuilder()
                            .setParent(plan.getName())
                            .setPlanItem(PlanItem.newBuilder()
                                    .setTitle("Extra item " + i)
                                    .setDescription("Added to reach " + size + " items")
                                    .build())
                            .build());
                }
                if (size > API_LIMIT) {
                    copyLastItem(
                            tracker,
                            stub.getPlan(GetPlanRequest.newBuilder()
                                            .setName(plan.getName())
                                            .build())
                                    .getPlan(),
                            size - API_LIMIT);
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
            double[][] changedP50 = new double[SIZES.length][ROUNDS];
            double[][] changedP99 = new double[SIZES.length][ROUNDS];
            double[][] rate = new double[SIZES.length][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int s = 0; s < SIZES.length; s++) {
                    var stub = stubs.get(s);
                    GetPlanRequest request = requests.get(s);
                    double[] kept = timed(() -> {}, () -> stub.getPlan(request));
                    p50[s][r] = kept[0];
                    p99[s][r] = kept[1];
                    try (Connection c = tracker.database().connect();
                            PreparedStatement move = c.prepareStatement(
                                    "UPDATE plan SET last_activity_time = last_activity_time + 1 WHERE id = ?")) {
                        move.setLong(1, planId(request.getName()));
                        double[] changed = timed(move::executeUpdate, () -> stub.getPlan(request));
                        changedP50[s][r] = changed[0];
                        changedP99[s][r] = changed[1];
                    }
                    rate[s][r] = concurrent(stubs.get(s), requests.get(s));
                }
            }
            String[] load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            double base = median(rate[0]);
            for (int s = 0; s < SIZES.length; s++) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %,d | %.2f | %.2f | %.2f | %.2f | %,.0f | %.2fx | %s %s %s |%n",
                        engine,
                        SIZES[s],
                        bytes.get(s),
                        median(p50[s]),
                        median(p99[s]),
                        median(changedP50[s]),
                        median(changedP99[s]),
                        median(rate[s]),
                        median(rate[s]) / base,
                        load[0],
                        load[1],
                        load[2]);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** p50 and p99 in ms of {@link #CALLS} single calls, each after {@code before} (not timed). */
    private static double[] timed(Step before, Step call) throws Exception {
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            before.run();
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[CALLS / 2] / 1e6, nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6};
    }

    private static long planId(String name) {
        return Long.parseLong(name.substring(name.lastIndexOf('/') + 1));
    }

    /** Adds {@code count} copies of the plan's last item after it, past the API's limit, and moves its version. */
    private static void copyLastItem(TrackerHarness tracker, Plan plan, int count) throws Exception {
        String columns = "user_id, plan_id, kind, title, description, source_content, source_text, source_name, "
                + "source_line, estimated_minutes, week, due_day, due_pinned, status, verified, verified_by, notes, "
                + "notes_private, logged_minutes, version, create_time, update_time, complete_time";
        PlanItem last = plan.getItems(plan.getItemsCount() - 1);
        long lastId = Long.parseLong(last.getName().substring(last.getName().lastIndexOf('/') + 1));
        try (Connection c = tracker.database().connect();
                PreparedStatement copy = c.prepareStatement("INSERT INTO plan_item (id, position, " + columns
                        + ") SELECT ?, ?, " + columns + " FROM plan_item WHERE id = ?");
                PreparedStatement touch = c.prepareStatement("UPDATE plan SET version = version + 1 WHERE id = ?")) {
            for (int i = 0; i < count; i++) {
                copy.setLong(1, lastId + 1_000_000 + i);
                copy.setInt(2, last.getPosition() + 1 + i);
                copy.setLong(3, lastId);
                copy.executeUpdate();
            }
            touch.setLong(1, planId(plan.getName()));
            touch.executeUpdate();
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
