package dev.ascent.tracker;

import dev.ascent.common.testing.FreePorts;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real content service for tracker tests, started from its packaged jar on an embedded database with the
 * bundled starter catalog. One per JVM: tests only read the catalog, so they share it.
 */
public final class ContentProcess implements AutoCloseable {

    private static ContentProcess shared;

    private final Process process;
    private final int port;
    private final Path home;

    private ContentProcess(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
    }

    public static synchronized ContentProcess shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    /** A content service of the caller's own, for tests that import guides; close it when done. */
    public static ContentProcess startPrivate() {
        return start();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    /** Stops the service (for tests of the content service being down); the next {@link #shared()} restarts it. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static ContentProcess start() {
        String jarProperty =
                System.getProperty("ascent.test.content.jar", "../content-service/target/content-service.jar");
        Path jar = Path.of(jarProperty).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the content service first (./mvnw verify "
                    + "from the repository root builds it before the tracker)");
        }
        try {
            Path home = Files.createTempDirectory("ascent-content-for-tracker");
            int port = FreePorts.next();
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    jar.toString());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("ASCENT_"));
            env.put("ASCENT_HOME", home.toString());
            env.put("ASCENT_CONTENT_PORT", Integer.toString(port));
            env.put("ASCENT_ADMIN_TOKEN", TrackerHarness.ADMIN_TOKEN);
            // Shared by tracker tests that each run their own tracker: imports check the admin token by comparison
            // only (the check against the tracker is tested end to end in clients/).
            env.put("ASCENT_TRACKER_TARGET", "none");
            pb.redirectErrorStream(true)
                    .redirectOutput(home.resolve("content.log").toFile());
            ContentProcess cp = new ContentProcess(pb.start(), port, home);
            cp.awaitServing();
            return cp;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the content service: " + e.getMessage(), e);
        }
    }

    private void awaitServing() throws IOException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .build();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "content service exited: " + Files.readString(home.resolve("content.log")));
                }
                try {
                    if (HealthGrpc.newBlockingStub(channel)
                                    .withDeadlineAfter(1, TimeUnit.SECONDS)
                                    .check(HealthCheckRequest.getDefaultInstance())
                                    .getStatus()
                            == ServingStatus.SERVING) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("content service not SERVING after 90 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            channel.shutdownNow();
        }
    }
}
