package dev.ascent.client;

import dev.ascent.common.testing.FreePorts;
import dev.ascent.common.testing.TcpProxy;
import dev.ascent.common.testing.TestDatabase;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services ({@code content-service.jar}, {@code tracker-service.jar}) started as separate processes,
 * the way {@code ./ascent up} runs them, each on its own database, on free ports.
 */
public final class PackagedPlatform implements AutoCloseable {

    public static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

    private final Path home;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private final Options options;
    private TcpProxy trackerDbProxy;
    private TcpProxy contentProxy;
    private final int contentPort;
    private final int trackerPort;

    private TestDatabase.Engine engine;

    /**
     * How to start: the tracker's database connections and its calls to the content service can go through a
     * {@link TcpProxy} each (for fault tests), the tracker can get extra environment variables, and both services
     * can ({@code env}: TLS, for one). With {@code ASCENT_TLS_CERT_FILE} in {@code env}, the platform's own clients
     * trust that certificate (or {@code ASCENT_TLS_CA_FILE}).
     */
    public record Options(
            boolean trackerDbThroughProxy,
            boolean contentThroughProxy,
            Map<String, String> trackerEnv,
            Map<String, String> env) {
        public static final Options PLAIN = new Options(false, false, Map.of());

        public Options(boolean trackerDbThroughProxy, boolean contentThroughProxy, Map<String, String> trackerEnv) {
            this(trackerDbThroughProxy, contentThroughProxy, trackerEnv, Map.of());
        }

        /** The CA file clients of this platform trust, or null for plain text. */
        public java.io.File caFile() {
            String ca = env.getOrDefault("ASCENT_TLS_CA_FILE", env.get("ASCENT_TLS_CERT_FILE"));
            return ca == null ? null : new java.io.File(ca);
        }
    }

    private PackagedPlatform(Path home, int contentPort, int trackerPort, Options options) {
        this.options = options;
        this.home = home;
        this.contentPort = contentPort;
        this.trackerPort = trackerPort;
    }

    /** Starts both services; with {@code engine} MYSQL each gets a fresh database on the test server. */
    public static PackagedPlatform start(TestDatabase.Engine engine) throws Exception {
        return start(engine, Options.PLAIN);
    }

    public static PackagedPlatform start(TestDatabase.Engine engine, Options options) throws Exception {
        Path home = Files.createTempDirectory("ascent-e2e");
        PackagedPlatform platform = new PackagedPlatform(home, FreePorts.next(), FreePorts.next(), options);
        platform.engine = engine;
        try {
            platform.launch("content", engine);
            platform.launch("tracker", engine);
            platform.awaitServing(Duration.ofSeconds(90));
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    public String contentTarget() {
        return "127.0.0.1:" + contentPort;
    }

    public String trackerTarget() {
        return "127.0.0.1:" + trackerPort;
    }

    /**
     * The environment of a CLI run against this platform: its two targets, a config file of the test's own (so no
     * login of the machine's user is read), and the token ({@code null} for none). Mutable, for a test's additions.
     */
    public Map<String, String> cliEnvironment(Path configFile, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("ASCENT_CONTENT_TARGET", contentTarget());
        env.put("ASCENT_TRACKER_TARGET", trackerTarget());
        env.put("ASCENT_CONFIG", configFile.toString());
        if (token != null) {
            env.put("ASCENT_TOKEN", token);
        }
        return env;
    }

    public AscentClient client(String token) {
        return AscentClient.builder()
                .contentTarget(contentTarget())
                .trackerTarget(trackerTarget())
                .token(token)
                .caFile(options.caFile())
                .build();
    }

    public Path home() {
        return home;
    }

    private void launch(String service, TestDatabase.Engine engine) throws IOException {
        Path jar = Path.of(
                        System.getProperty("ascent.root", ".."),
                        service + "-service",
                        "target",
                        service + "-service.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build through the package phase");
        }
        String prefix = "ASCENT_" + service.toUpperCase();
        // The JVM options ./ascent starts a service with: its defaults, the class-data archive when it is newer
        // than the jar, then -Dascent.service.jvm in the place of ASCENT_JAVA_OPTS (so its options win).
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jar.getParent().resolve("../../jvm/service.options").normalize()));
        Path archive = jar.resolveSibling(service + "-service.jsa");
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"));
        }
        // For profiles: -Dascent.service.jvm="-XX:StartFlightRecording=filename=/tmp/{service}-{launch}.jfr".
        for (String option : System.getProperty("ascent.service.jvm", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option.replace("{service}", service).replace("{launch}", Long.toString(System.nanoTime())));
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ASCENT_"));
        env.put("ASCENT_HOME", home.toString());
        env.putIfAbsent("MALLOC_ARENA_MAX", "2"); // as ./ascent sets it
        env.put("ASCENT_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("ASCENT_CONTENT_PORT", Integer.toString(contentPort));
        env.put("ASCENT_TRACKER_PORT", Integer.toString(trackerPort));
        env.put("ASCENT_CONTENT_TARGET", contentTarget());
        env.put("ASCENT_TRACKER_TARGET", trackerTarget());
        boolean tracker = service.equals("tracker");
        if (tracker && options.contentThroughProxy()) {
            if (contentProxy == null) {
                contentProxy = TcpProxy.start("127.0.0.1", contentPort);
            }
            env.put("ASCENT_CONTENT_TARGET", "127.0.0.1:" + contentProxy.port());
        }
        if (engine == TestDatabase.Engine.MYSQL) {
            TestDatabase db = databases.computeIfAbsent(service, s -> TestDatabase.mysql());
            String url = db.url();
            if (tracker && options.trackerDbThroughProxy()) {
                URI server = URI.create(url.substring("jdbc:".length()));
                if (trackerDbProxy == null) {
                    trackerDbProxy = TcpProxy.start(server.getHost(), server.getPort());
                }
                url = "jdbc:mysql://127.0.0.1:" + trackerDbProxy.port() + server.getPath();
            }
            env.put(prefix + "_DB_URL", url);
            env.put(prefix + "_DB_USER", db.user());
            env.put(prefix + "_DB_PASSWORD", db.password());
        }
        env.putAll(options.env());
        if (tracker) {
            env.putAll(options.trackerEnv());
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(home.resolve(service + ".log").toFile()));
        processes.put(service, pb.start());
    }

    private void awaitServing(Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        try (AscentClient client = AscentClient.builder()
                .contentTarget(contentTarget())
                .trackerTarget(trackerTarget())
                .caFile(options.caFile())
                .deadline(Duration.ofSeconds(1))
                .build()) {
            while (System.nanoTime() < until) {
                for (Process p : processes.values()) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a service exited: " + logs());
                    }
                }
                if (client.health(AscentClient.Service.CONTENT) == ServingStatus.SERVING
                        && client.health(AscentClient.Service.TRACKER) == ServingStatus.SERVING) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("services not SERVING in " + timeout + ": " + logs());
    }

    /** Stops one service ("content" or "tracker") gracefully; its port stays reserved for {@link #restart}. */
    public void stop(String service) throws InterruptedException {
        Process p = processes.remove(service);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** Kills one service with SIGKILL (kill -9): no shutdown hook, no graceful drain. */
    void kill(String service) throws InterruptedException {
        Process p = processes.remove(service);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts stopped services again on their ports and databases, and waits until both are SERVING. */
    public void restart(String... services) throws Exception {
        for (String service : services) {
            launch(service, engine);
        }
        awaitServing(Duration.ofSeconds(90));
    }

    /** The process id of a running service ("content" or "tracker"). */
    public long pid(String service) {
        return processes.get(service).pid();
    }

    /** The database of "content" or "tracker" (MySQL only). */
    public TestDatabase database(String service) {
        return databases.get(service);
    }

    TcpProxy trackerDbProxy() {
        return trackerDbProxy;
    }

    TcpProxy contentProxy() {
        return contentProxy;
    }

    boolean isRunning(String service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    public String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String s : List.of("content", "tracker")) {
            Path log = home.resolve(s + ".log");
            if (Files.exists(log)) {
                out.append("\n== ").append(s).append("\n").append(Files.readString(log));
            }
        }
        return out.toString();
    }

    /** Stops like Ctrl-C does (SIGTERM), so the services shut down gracefully. */
    @Override
    public void close() throws Exception {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (trackerDbProxy != null) {
            trackerDbProxy.close();
        }
        if (contentProxy != null) {
            contentProxy.close();
        }
        databases.values().forEach(TestDatabase::close);
    }
}
