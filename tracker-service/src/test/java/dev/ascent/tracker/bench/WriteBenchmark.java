package dev.ascent.tracker.bench;

import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.LoggableItems;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.TrackerApplication;
import dev.ascent.tracker.TrackerHarness;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write throughput against its bare ceiling in the same run: raw single-row autocommit UPDATEs over JDBC (one row
 * per thread) at 32 threads, then LogTime on one plan (every call serializes on the plan row's lock) and LogTime
 * on 32 users' plans, 32 concurrent calls each, one minute a call spread over each plan's items so that none
 * reaches the 1440 minutes an item may hold a day (the first user has spare plans for when one is full), interleaved for {@code -Drounds} rounds. Prints Markdown.
 *
 * <pre>bench/tracker-writes.sh</pre> runs it on H2, and on MySQL when ASCENT_TEST_MYSQL_URL is set.
 */
public final class WriteBenchmark {

    private static final int THREADS = 32;
    private static final int SECONDS = Integer.getInteger("seconds", 8);
    private static final int ROUNDS = Integer.getInteger("rounds", 2);
    private static final String ROLE = "roles/senior-machine-learning-scientist";

    public static void main(String[] args) throws Exception {
        System.out.println("| engine | round | raw UPDATE/s (32 threads) | LogTime/s, one plan | ratio | "
                + "LogTime/s, 32 users | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        run(TestDatabase.Engine.H2);
        if (System.getenv("ASCENT_TEST_MYSQL_URL") != null) {
            run(TestDatabase.Engine.MYSQL);
        }
        System.exit(0);
    }

    private static void run(TestDatabase.Engine engine) throws Exception {
        String content = ContentProcess.shared().target();
        try (TestDatabase db = TestDatabase.create(engine);
                RunningService tracker = RunningService.start(
                        TrackerApplication.SPEC,
                        db,
                        Files.createTempDirectory("ascent-bench"),
                        Map.of("ascent.admin-token", TrackerHarness.ADMIN_TOKEN, "ascent.content.target", content))) {
            var admin = AccountServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(TrackerHarness.ADMIN_TOKEN));
            List<PlanServiceGrpc.PlanServiceBlockingStub> users = new ArrayList<>();
            // An item holds at most 1440 minutes a day: writes go round a plan's items, and on to another plan of
            // the same user when all are full (the one-plan load stays on one plan at a time).
            List<LoggableItems> items = new ArrayList<>();
            for (int u = 0; u < THREADS; u++) {
                String token = admin.createUser(CreateUserRequest.newBuilder()
                                .setHandle("bench-" + u)
                                .setDisplayName("Bench " + u)
                                .build())
                        .getToken();
                var plans = PlanServiceGrpc.newBlockingStub(tracker.channel()).withCallCredentials(Bearer.token(token));
                users.add(plans);
                List<List<String>> itemsByPlan = new ArrayList<>();
                for (int p = 0; p < (u == 0 ? 8 : 1); p++) {
                    itemsByPlan.add(plans
                            .createPlan(CreatePlanRequest.newBuilder()
                                    .setTargetRole(ROLE)
                                    .setHoursPerWeek(6)
                                    .build())
                            .getPlan()
                            .getItemsList()
                            .stream()
                            .map(i -> i.getName())
                            .toList());
                }
                items.add(new LoggableItems(itemsByPlan, 1));
            }
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_counter (id INT NOT NULL PRIMARY KEY, n BIGINT NOT NULL)");
                for (int i = 0; i < THREADS; i++) {
                    s.execute("INSERT INTO bench_counter VALUES (" + i + ", 0)");
                }
            }
            for (int round = 1; round <= ROUNDS; round++) {
                double raw = measure(null, true, db);
                double onePlan = measure(
                        t -> () -> users.get(0)
                                .logTime(LogTimeRequest.newBuilder()
                                        .setPlanItem(items.get(0).next())
                                        .setMinutes(1)
                                        .build()),
                        false,
                        db);
                double manyUsers = measure(
                        t -> () -> users.get(t)
                                .logTime(LogTimeRequest.newBuilder()
                                        .setPlanItem(items.get(t).next())
                                        .setMinutes(1)
                                        .build()),
                        false,
                        db);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %,.0f | %,.0f | %.3fx | %,.0f | %.3fx |%n",
                        engine,
                        round,
                        raw,
                        onePlan,
                        onePlan / raw,
                        manyUsers,
                        manyUsers / raw);
            }
        }
    }

    interface Op {
        void run() throws Exception;
    }

    interface OpFactory {
        Op open(int thread) throws Exception;
    }

    /** Calls per second over {@link #SECONDS} seconds after one second of warm-up, {@link #THREADS} threads. */
    private static double measure(OpFactory factory, boolean ownConnection, TestDatabase db) throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                if (ownConnection) {
                    try (Connection c = db.connect();
                            PreparedStatement ps =
                                    c.prepareStatement("UPDATE bench_counter SET n = n + 1 WHERE id = ?")) {
                        ps.setInt(1, thread);
                        loop(() -> ps.executeUpdate(), counting, stop, calls);
                    }
                } else {
                    loop(factory.open(thread), counting, stop, calls);
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long counted = calls.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return counted / seconds;
    }

    private static void loop(Op op, AtomicBoolean counting, AtomicBoolean stop, AtomicLong calls) throws Exception {
        while (!stop.get()) {
            op.run();
            if (counting.get()) {
                calls.incrementAndGet();
            }
        }
    }
}
