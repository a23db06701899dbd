package dev.ascent.content.bench;

import ch.qos.logback.classic.Level;
import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.content.ContentApplication;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Prints the content service's performance figures as Markdown for docs/PERFORMANCE.md: guide parsing, GetRole and
 * ListRoles under concurrent load over a real plain-text channel, and the role cache's effect. A {@code main}, not a
 * test, so {@code ./mvnw verify} never runs it and no timing is ever asserted. Run it with {@code bench/content.sh}.
 *
 * <p>Argument {@code mysql}: run the service on a fresh database on the server named by {@code ASCENT_TEST_MYSQL_URL}
 * (as the tests do) instead of in-memory H2. System properties: {@code ascent.seeds} (the seed documents; otherwise
 * {@code ../shared/seeds} beside the checkout), {@code bench.warmup-ms} and {@code bench.measure-ms}
 * (per load run, default 2000 and 5000).
 */
public final class ContentBenchmark {

    static final String ADMIN_TOKEN = "content-bench-admin-token-0123456789";
    private static final String ROLE = "roles/senior-machine-learning-engineer";
    private static final List<String> SEEDS = List.of("000_", "001_", "002_", "003_");
    /** The long-form guide of about 20 KB that the parse figure is quoted for. */
    private static final String PARSE_HEADLINE = "001_";
    /** Re-imported by the cache rounds; one of the two guides merged into {@link #ROLE}. */
    private static final String REIMPORTED = "000_";

    private static final int[] CALLERS = {1, 8, 32};
    /** JIT warm-up of the whole call path before the first measured run, per call. */
    private static final long SERVICE_WARM_UP_MS = 4_000;

    private ContentBenchmark() {}

    public static void main(String[] args) throws Exception {
        // The call log writes one INFO line per call; at thousands of calls a second it would be the benchmark.
        quiet("ascent.calls");
        quiet("dev.ascent");
        TestDatabase.Engine engine = engine(args);
        Path seeds = seedsDir();
        long warmUpMs = Long.getLong("bench.warmup-ms", 2_000);
        long measureMs = Long.getLong("bench.measure-ms", 5_000);

        out("# Content service benchmark");
        out("");
        out("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM");
        out("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        out("- database: "
                + (engine == TestDatabase.Engine.H2 ? "H2 in memory (MySQL mode)" : "MySQL-compatible server")
                + "; client and server in one JVM");
        out("");

        progress("parsing the seed guides");
        List<Path> documents = new ArrayList<>();
        for (String prefix : SEEDS) {
            documents.add(seed(seeds, prefix));
        }
        Path headline = seed(seeds, PARSE_HEADLINE);
        documents.remove(headline);
        documents.add(0, headline);
        ParsingBenchmark.run(documents, headline);

        progress("starting the content service on " + engine);
        TestDatabase db = TestDatabase.create(engine);
        Path home = Files.createTempDirectory("ascent-bench");
        try (db;
                RunningService service = start(db, home)) {
            ContentServiceBlockingStub admin = ContentServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(Bearer.token(ADMIN_TOKEN));
            for (String prefix : SEEDS) {
                Path file = seed(seeds, prefix);
                admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(Files.readAllBytes(file)))
                        .setSourceName(file.getFileName().toString())
                        .build());
            }
            ContentServiceBlockingStub stub = ContentServiceGrpc.newBlockingStub(service.channel());
            load(stub, new LoadRunner(warmUpMs, measureMs), warmUpMs, measureMs);
            progress("cache effect");
            CacheEffect.run(service.context(), stub, admin, ROLE, seed(seeds, REIMPORTED));
        } finally {
            deleteTree(home);
        }
    }

    private static void load(ContentServiceBlockingStub stub, LoadRunner runner, long warmUpMs, long measureMs)
            throws Exception {
        GetRoleRequest get = GetRoleRequest.newBuilder().setName(ROLE).build();
        ListRolesRequest list = ListRolesRequest.getDefaultInstance();
        LoadRunner.Call getRole = () -> stub.getRole(get);
        LoadRunner.Call listRoles = () -> stub.listRoles(list);
        progress("warming up the service");
        runner.warmUp(8, getRole, SERVICE_WARM_UP_MS);
        runner.warmUp(8, listRoles, SERVICE_WARM_UP_MS);

        Role role = stub.getRole(get).getRole();
        out("## GetRole and ListRoles under load");
        out("");
        out(String.format(
                Locale.ROOT,
                "Closed loop: each caller thread sends the next call as soon as the last one "
                        + "returns; blocking stubs share one plain-text channel. %d ms warm-up, then %d ms measured per row. "
                        + "GetRole `%s` returns the full structure (%d sections, %,d bytes); ListRoles returns %d role "
                        + "headers (%,d bytes).",
                warmUpMs,
                measureMs,
                ROLE,
                role.getSectionsCount(),
                role.getSerializedSize(),
                stub.listRoles(list).getRolesCount(),
                stub.listRoles(list).getSerializedSize()));
        out("");
        out("| call | callers | calls/s | p50 ms | p99 ms | max ms | calls measured |");
        out("|---|---:|---:|---:|---:|---:|---:|");
        for (int callers : CALLERS) {
            for (String name : List.of("GetRole", "ListRoles")) {
                progress(name + " with " + callers + " callers");
                LoadRunner.Result r = runner.run(callers, name.equals("GetRole") ? getRole : listRoles);
                out(String.format(
                        Locale.ROOT,
                        "| %s | %d | %,.0f | %s | %s | %s | %,d |",
                        name,
                        callers,
                        r.callsPerSecond(),
                        Latencies.millis(r.latencies().percentile(50)),
                        Latencies.millis(r.latencies().percentile(99)),
                        Latencies.millis(r.latencies().max()),
                        r.calls()));
            }
        }
        out("");
    }

    static RunningService start(TestDatabase db, Path home) {
        Map<String, Object> props = new HashMap<>();
        props.put("ascent.catalog.bundled", false);
        props.put("ascent.admin-token", ADMIN_TOKEN);
        // No tracker in these tests: the admin token is only compared (AdminVerifier).
        props.put("ascent.tracker.target", "");
        return RunningService.start(ContentApplication.SPEC, db, home, props);
    }

    private static TestDatabase.Engine engine(String[] args) {
        boolean mysql = Stream.of(args).anyMatch(a -> a.equalsIgnoreCase("mysql") || a.equals("--mysql"));
        if (!mysql) {
            return TestDatabase.Engine.H2;
        }
        String url = System.getenv("ASCENT_TEST_MYSQL_URL");
        if (url == null || url.isBlank()) {
            System.err.println("ContentBenchmark: 'mysql' needs ASCENT_TEST_MYSQL_URL (with ASCENT_TEST_MYSQL_USER and "
                    + "ASCENT_TEST_MYSQL_PASSWORD), as the tests do");
            System.exit(2);
        }
        return TestDatabase.Engine.MYSQL;
    }

    static Path seedsDir() {
        return dev.ascent.common.testing.SeedDirectory.find()
                .orElseThrow(() -> new IllegalStateException(
                        "the seed documents are not beside the checkout (../shared/seeds); set ASCENT_SEEDS"));
    }

    static Path seed(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("seed " + prefix + " not found in " + dir));
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    static void quiet(String logger) {
        if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(Level.WARN);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void out(String line) {
        System.out.println(line);
    }

    private static void progress(String what) {
        System.err.println("ContentBenchmark: " + what + " ...");
    }
}
