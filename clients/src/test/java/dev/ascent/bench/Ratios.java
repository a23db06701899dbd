package dev.ascent.bench;

import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.LoggableItems;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * The throughput of the hot RPCs as a ratio of a bare ceiling measured by the same client in the same run: reads
 * against a bare grpc-java echo server at the same concurrency, writes against raw single-row JDBC UPDATEs. Starts
 * the packaged services (H2; then MariaDB when ASCENT_TEST_MYSQL_URL is set), interleaves every configuration over
 * {@code -Drounds} rounds (closed loop, fixed concurrency, warm-up, HdrHistogram) and prints medians as Markdown,
 * then start-up times and resident memory. {@code bench/ratios.sh} runs it.
 */
public final class Ratios {

    private static final int SECONDS = Integer.getInteger("seconds", 6);
    private static final int WARMUP = Integer.getInteger("warmup", 2);
    private static final int ROUNDS = Integer.getInteger("rounds", 2);
    private static final String ROLE = "roles/senior-machine-learning-engineer";
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };
    private static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("bench.Echo/Echo")
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();
    private static final MethodDescriptor<byte[], byte[]> SIZED =
            ECHO.toBuilder().setFullMethodName("bench.Echo/Sized").build();

    /** One row of the table: what is called, at which concurrency, against which ceiling. */
    private record Config(String name, int threads, boolean write, Op op) {}

    @FunctionalInterface
    private interface Op {
        void call(int thread) throws Exception;
    }

    /** Calls a second, p99, and CPU time per call in microseconds of each process in {@link #PROCESSES}. */
    private record Result(double perSecond, double p99Millis, double[] cpuMicros) {}

    /**
     * Whose CPU each row reports: the load client (this JVM, which also serves the echo ceilings), the two services
     * and the database server (MariaDB; none on H2). The two cores are shared, so a call's cost in CPU time is what
     * bounds its throughput once they are full, and it moves much less between machines than calls a second do.
     */
    private static final List<String> PROCESSES = List.of("load client", "content", "tracker", "database");

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%d rounds, %d s measured after %d s warm-up per configuration; ratios are "
                        + "medians of per-round ratios%n%n",
                ROUNDS,
                SECONDS,
                WARMUP);
        // -Dengines=MYSQL runs one engine only.
        String engines = System.getProperty("engines", "H2,MYSQL");
        if (engines.contains("H2")) {
            run(TestDatabase.Engine.H2);
        }
        if (engines.contains("MYSQL") && System.getenv("ASCENT_TEST_MYSQL_URL") != null) {
            run(TestDatabase.Engine.MYSQL);
        }
        System.exit(0);
    }

    private static List<String> names(Plan plan) {
        return plan.getItemsList().stream().map(i -> i.getName()).toList();
    }

    private static void run(TestDatabase.Engine engine) throws Exception {
        // SIZED answers a 64-byte request with GetRole's response bytes: the ceiling for a response that large.
        AtomicReference<byte[]> sized = new AtomicReference<>(new byte[0]);
        Server echo = NettyServerBuilder.forPort(0)
                .addService(ServerServiceDefinition.builder("bench.Echo")
                        .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
                            response.onNext(request);
                            response.onCompleted();
                        }))
                        .addMethod(SIZED, ServerCalls.asyncUnaryCall((request, response) -> {
                            response.onNext(sized.get());
                            response.onCompleted();
                        }))
                        .build())
                .build()
                .start();
        long started = System.nanoTime();
        // -Denv=ASCENT_TRACKER_DB_POOL_SIZE=32,... sets the services' environment: for comparing settings.
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : System.getProperty("env", "").split(",")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        try (PackagedPlatform platform =
                PackagedPlatform.start(engine, new PackagedPlatform.Options(false, false, Map.of(), env))) {
            double firstStart = (System.nanoTime() - started) / 1e9;
            ManagedChannel echoChannel = channel("127.0.0.1:" + echo.getPort());
            ManagedChannel content = channel(platform.contentTarget());
            ManagedChannel tracker = channel(platform.trackerTarget());
            var admin = AccountServiceGrpc.newBlockingStub(tracker)
                    .withCallCredentials(Bearer.token(PackagedPlatform.ADMIN_TOKEN));
            List<PlanServiceGrpc.PlanServiceBlockingStub> plans = new ArrayList<>();
            // An item holds at most 1440 minutes a day: writes go round a plan's items (LoggableItems).
            List<LoggableItems> items = new ArrayList<>();
            Plan first = null;
            String firstToken = null;
            for (int u = 0; u < 32; u++) {
                String token = admin.createUser(CreateUserRequest.newBuilder()
                                .setHandle("ratio-" + u)
                                .setDisplayName("Ratio " + u)
                                .build())
                        .getToken();
                var stub = PlanServiceGrpc.newBlockingStub(tracker).withCallCredentials(Bearer.token(token));
                Plan plan = stub.createPlan(CreatePlanRequest.newBuilder()
                                .setTargetRole(ROLE)
                                .setHoursPerWeek(6)
                                .build())
                        .getPlan();
                plans.add(stub);
                List<List<String>> itemsByPlan = new ArrayList<>(List.of(names(plan)));
                for (int spare = 0; u == 0 && spare < 7; spare++) {
                    itemsByPlan.add(names(stub.createPlan(CreatePlanRequest.newBuilder()
                                    .setTargetRole(ROLE)
                                    .setHoursPerWeek(6)
                                    .build())
                            .getPlan()));
                }
                items.add(new LoggableItems(itemsByPlan, 1));
                if (first == null) {
                    first = plan;
                    firstToken = token;
                }
            }
            String planName = first.getName();
            var contentStub = ContentServiceGrpc.newBlockingStub(content);
            var accounts = AccountServiceGrpc.newBlockingStub(tracker).withCallCredentials(Bearer.token(firstToken));
            var progress = ProgressServiceGrpc.newBlockingStub(tracker).withCallCredentials(Bearer.token(firstToken));
            byte[] payload = new byte[64];

            List<Config> configs = new ArrayList<>();
            configs.add(new Config(
                    "echo (ceiling)",
                    16,
                    false,
                    t -> ClientCalls.blockingUnaryCall(echoChannel, ECHO, CallOptions.DEFAULT, payload)));
            sized.set(contentStub
                    .getRole(GetRoleRequest.newBuilder().setName(ROLE).build())
                    .toByteArray());
            configs.add(new Config(
                    String.format(Locale.ROOT, "echo, %.0f KB response (GetRole's size)", sized.get().length / 1024.0),
                    16,
                    false,
                    t -> ClientCalls.blockingUnaryCall(echoChannel, SIZED, CallOptions.DEFAULT, payload)));
            configs.add(new Config(
                    "GetRole",
                    16,
                    false,
                    t -> contentStub.getRole(
                            GetRoleRequest.newBuilder().setName(ROLE).build())));
            // The same call with the response kept as bytes, as the echo ceilings keep theirs: the client's decoding
            // of the 51 KB role (about a third of a core here) then no longer competes with the service for the CPU.
            MethodDescriptor<GetRoleRequest, byte[]> rawGetRole = ContentServiceGrpc.getGetRoleMethod().toBuilder(
                            ContentServiceGrpc.getGetRoleMethod().getRequestMarshaller(), BYTES)
                    .build();
            GetRoleRequest roleRequest =
                    GetRoleRequest.newBuilder().setName(ROLE).build();
            configs.add(new Config(
                    "GetRole, response not decoded",
                    16,
                    false,
                    t -> ClientCalls.blockingUnaryCall(content, rawGetRole, CallOptions.DEFAULT, roleRequest)));
            configs.add(new Config(
                    "ListRoles", 16, false, t -> contentStub.listRoles(ListRolesRequest.getDefaultInstance())));
            configs.add(new Config(
                    "GetCurrentUser",
                    16,
                    false,
                    t -> accounts.getCurrentUser(GetCurrentUserRequest.getDefaultInstance())));
            configs.add(new Config(
                    "GetPlan (" + first.getItemsCount() + " items)",
                    16,
                    false,
                    t -> plans.get(0)
                            .getPlan(GetPlanRequest.newBuilder()
                                    .setName(planName)
                                    .build())));
            configs.add(new Config(
                    "GetProgressSummary",
                    16,
                    false,
                    t -> progress.getProgressSummary(GetProgressSummaryRequest.newBuilder()
                            .setPlan(planName)
                            .build())));
            configs.add(new Config(
                    "LogTime, one plan",
                    32,
                    true,
                    t -> plans.get(0)
                            .logTime(LogTimeRequest.newBuilder()
                                    .setPlanItem(items.get(0).next())
                                    .setMinutes(1)
                                    .build())));
            configs.add(new Config(
                    "LogTime, 32 users",
                    32,
                    true,
                    t -> plans.get(t)
                            .logTime(LogTimeRequest.newBuilder()
                                    .setPlanItem(items.get(t).next())
                                    .setMinutes(1)
                                    .build())));
            Config raw = engine == TestDatabase.Engine.MYSQL ? rawUpdates(platform.database("tracker")) : null;
            if (raw != null) {
                configs.add(raw);
            }

            // -Donly=GetPlan,LogTime keeps the rows whose names start so (and the ceilings): for profiling one call.
            // A value with ';' or ', ' in it is split at ';' instead, for names with a comma: -Donly="LogTime, 32".
            String only = System.getProperty("only", "");
            if (!only.isEmpty()) {
                List<String> wanted = Arrays.asList(only.split(only.contains(";") || only.contains(", ") ? ";" : ","));
                configs.removeIf(
                        c -> !c.name().contains("ceiling") && wanted.stream().noneMatch(c.name()::startsWith));
            }
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Config c : configs) {
                    results.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(measure(c, processes(platform, engine)));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "### %s%n%n| call | concurrency | calls/s | ratio | ceiling | p99 ms | "
                            + "p99 / ceiling's p99 |%n|---|---|---|---|---|---|---|%n",
                    (engine == TestDatabase.Engine.H2 ? "H2 (embedded)" : "MariaDB") + ", load average "
                            + loadAverage());
            List<String> byRound = new ArrayList<>();
            for (Config c : configs) {
                Config ceiling = c.write() ? raw : configs.get(0);
                List<Result> mine = results.get(c.name());
                String ratio = "n/a";
                String p99Ratio = "n/a";
                if (ceiling != null) {
                    List<Result> base = results.get(ceiling.name());
                    double[] r = new double[ROUNDS];
                    double[] p = new double[ROUNDS];
                    for (int i = 0; i < ROUNDS; i++) {
                        r[i] = mine.get(i).perSecond() / base.get(i).perSecond();
                        p[i] = mine.get(i).p99Millis() / base.get(i).p99Millis();
                    }
                    ratio = String.format(Locale.ROOT, "%.3fx", median(r));
                    if (c != ceiling) {
                        byRound.add(c.name() + ": "
                                + Arrays.stream(r)
                                        .mapToObj(x -> String.format(Locale.ROOT, "%.3f", x))
                                        .collect(java.util.stream.Collectors.joining(", ")));
                    }
                    p99Ratio = String.format(Locale.ROOT, "%.1fx", median(p));
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %,.0f | %s | %s | %.1f | %s |%n",
                        c.name(),
                        c.threads(),
                        median(mine.stream().mapToDouble(Result::perSecond).toArray()),
                        ratio,
                        ceiling == null ? "none on the embedded database" : ceiling.name(),
                        median(mine.stream().mapToDouble(Result::p99Millis).toArray()),
                        p99Ratio);
            }
            // The spread behind each median: on shared cores one round can be far off the others.
            System.out.printf(Locale.ROOT, "%nratios by round: %s%n", String.join("; ", byRound));
            printCpu(configs, results);
            System.out.printf(
                    Locale.ROOT,
                    "%nresident memory after the load (peak): content %s (%s), tracker %s (%s)" + "; load average %s%n",
                    status(platform.pid("content"), "VmRSS"),
                    status(platform.pid("content"), "VmHWM"),
                    status(platform.pid("tracker"), "VmRSS"),
                    status(platform.pid("tracker"), "VmHWM"),
                    loadAverage());
            if (Boolean.getBoolean("bench.nmt")) {
                // With -Dascent.service.jvm=-XX:NativeMemoryTracking=summary: where the resident memory went.
                for (String service : List.of("content", "tracker")) {
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    Long.toString(platform.pid(service)),
                                    "VM.native_memory",
                                    "summary")
                            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                            .start()
                            .waitFor();
                }
            }
            System.out.printf(Locale.ROOT, "start to SERVING, both together, first start: %.1f s%n", firstStart);
            for (String service : List.of("content", "tracker")) {
                platform.stop(service);
                long restart = System.nanoTime();
                platform.restart(service);
                System.out.printf(
                        Locale.ROOT,
                        "start to SERVING, %s alone, a later start: %.1f s%n",
                        service,
                        (System.nanoTime() - restart) / 1e9);
            }
            System.out.println();
            echoChannel.shutdownNow();
            content.shutdownNow();
            tracker.shutdownNow();
        } finally {
            echo.shutdownNow();
        }
    }

    /** Raw autocommit single-row UPDATEs, one row and one connection per thread, on the tracker's own database. */
    private static Config rawUpdates(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_counter (id INT NOT NULL PRIMARY KEY, n BIGINT NOT NULL)");
            for (int i = 0; i < 32; i++) {
                s.execute("INSERT INTO bench_counter VALUES (" + i + ", 0)");
            }
        }
        Map<Integer, PreparedStatement> statements = new java.util.concurrent.ConcurrentHashMap<>();
        return new Config(
                "raw UPDATE (ceiling)",
                32,
                true,
                t -> statements
                        .computeIfAbsent(t, k -> {
                            try {
                                PreparedStatement ps = db.connect()
                                        .prepareStatement("UPDATE bench_counter SET n = n + 1 WHERE id = ?");
                                ps.setInt(1, k);
                                return ps;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .executeUpdate());
    }

    private static Result measure(Config c, long[] pids) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(c.threads());
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < c.threads(); t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    c.op().call(thread);
                    if (counting.get()) {
                        recorder.recordValue((System.nanoTime() - start) / 1000);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WARMUP * 1000L);
        recorder.reset();
        counting.set(true);
        long[] cpuBefore = cpuTicks(pids);
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        var histogram = recorder.getIntervalHistogram();
        long[] cpuAfter = cpuTicks(pids);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double[] cpu = new double[pids.length];
        for (int i = 0; i < pids.length; i++) {
            cpu[i] = pids[i] <= 0 || cpuBefore[i] < 0 || cpuAfter[i] < 0 || histogram.getTotalCount() == 0
                    ? Double.NaN
                    : (cpuAfter[i] - cpuBefore[i]) * (1e6 / CLOCK_TICKS) / histogram.getTotalCount();
        }
        return new Result(histogram.getTotalCount() / seconds, histogram.getValueAtPercentile(99) / 1000.0, cpu);
    }

    private static ManagedChannel channel(String target) {
        return NettyChannelBuilder.forTarget(target).usePlaintext().build();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 1, 5 and 15 minute load averages: the figures above move with the machine's other work. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    /** One field of /proc/PID/status: VmRSS (resident now) or VmHWM (the peak). */
    /** CPU time per call of each process (medians over the rounds): where a call's cost goes on the shared cores. */
    private static void printCpu(List<Config> configs, Map<String, List<Result>> results) {
        System.out.printf(
                Locale.ROOT,
                "%n| call | CPU per call, \u00b5s: %s | all |%n|---|%s---|%n",
                String.join(" | ", PROCESSES),
                "---|".repeat(PROCESSES.size()));
        for (Config c : configs) {
            List<Result> mine = results.get(c.name());
            StringBuilder row = new StringBuilder("| " + c.name() + " |");
            double all = 0;
            for (int p = 0; p < PROCESSES.size(); p++) {
                int process = p;
                double[] values = mine.stream()
                        .mapToDouble(r -> r.cpuMicros()[process])
                        .filter(v -> !Double.isNaN(v))
                        .toArray();
                if (values.length == 0) {
                    row.append(" n/a |");
                } else {
                    double median = median(values);
                    all += median;
                    row.append(String.format(Locale.ROOT, " %.0f |", median));
                }
            }
            System.out.println(row.append(String.format(Locale.ROOT, " %.0f |", all)));
        }
    }

    /** Linux's USER_HZ: the unit of /proc/[pid]/stat's CPU times on every architecture Java runs on here. */
    private static final double CLOCK_TICKS = 100;

    /** The pids of {@link #PROCESSES}: 0 where there is none (no database server on H2). */
    private static long[] processes(PackagedPlatform platform, TestDatabase.Engine engine) throws IOException {
        long database = 0;
        if (engine == TestDatabase.Engine.MYSQL) {
            try (var dirs = Files.list(Path.of("/proc"))) {
                database = dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .filter(d -> {
                            try {
                                String comm =
                                        Files.readString(d.resolve("comm")).strip();
                                return comm.equals("mariadbd") || comm.equals("mysqld");
                            } catch (IOException e) {
                                return false; // gone meanwhile, or not ours to read
                            }
                        })
                        .mapToLong(d -> Long.parseLong(d.getFileName().toString()))
                        .findFirst()
                        .orElse(0);
            }
        }
        return new long[] {ProcessHandle.current().pid(), platform.pid("content"), platform.pid("tracker"), database};
    }

    /** User plus system CPU time of each process, in clock ticks (-1 where it cannot be read). */
    private static long[] cpuTicks(long[] pids) {
        long[] out = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            if (pids[i] <= 0) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pids[i]), "stat"));
                // After the command name in parentheses: state is field 3, utime 14, stime 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                out[i] = -1; // no /proc (not Linux), or the process is gone: no figure
            }
        }
        return out;
    }

    private static String status(long pid, String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip())
                .findFirst()
                .orElse("n/a");
    }
}
