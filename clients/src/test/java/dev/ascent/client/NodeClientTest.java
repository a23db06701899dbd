package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ascent.common.testing.TestCertificates;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node.js client's own tests ({@code clients/node}, {@code node --test}) against the packaged services,
 * over TLS, proving the API is usable from the .proto files alone. Skipped, saying why in one line, when {@code node} is not
 * on the PATH or its packages cannot be installed ({@code npm ci}); with {@code ASCENT_NODE_REQUIRED=true} (as in CI)
 * either is a failure instead, so the test cannot silently skip there.
 */
class NodeClientTest {

    private static final Path NODE_DIR = Path.of(System.getProperty("ascent.root", ".."), "clients", "node")
            .toAbsolutePath()
            .normalize();

    private static final Path LOG = Path.of("target", "node-client-test.log").toAbsolutePath();

    private static String output() {
        try {
            return Files.readString(LOG);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Test
    void theNodeClientListsRolesAndPrintsProgress() throws Exception {
        needs(run(List.of("node", "--version"), Map.of(), 30) == 0, "node is not on the PATH");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            needs(
                    run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300) == 0,
                    "cannot install the Node client's packages (npm ci in " + NODE_DIR + ")");
        }
        // Over TLS, with a certificate made here: the Node client trusts it through its CA option.
        TestCertificates certs = TestCertificates.selfSigned(Files.createTempDirectory("ascent-node-tls"));
        try (PackagedPlatform platform = PackagedPlatform.start(
                        TestDatabase.Engine.H2,
                        new PackagedPlatform.Options(
                                false,
                                false,
                                Map.of(),
                                Map.of(
                                        "ASCENT_TLS_CERT_FILE",
                                        certs.certificate().toString(),
                                        "ASCENT_TLS_KEY_FILE",
                                        certs.privateKey().toString())));
                AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
            String token = admin.accounts()
                    .createUser(CreateUserRequest.newBuilder()
                            .setHandle("node-user")
                            .setDisplayName("Node User")
                            .build())
                    .getToken();
            int exit = run(
                    List.of("node", "--test", "test/"),
                    Map.of(
                            "ASCENT_CONTENT_TARGET",
                            platform.contentTarget(),
                            "ASCENT_TRACKER_TARGET",
                            platform.trackerTarget(),
                            "ASCENT_TOKEN",
                            token,
                            "ASCENT_TLS_CA_FILE",
                            certs.certificate().toString()),
                    180);
            assertEquals(0, exit, () -> "node --test failed:\n" + output());
        }
    }

    /** Skips with one line when a prerequisite is missing, or fails when ASCENT_NODE_REQUIRED=true. */
    private static void needs(boolean present, String problem) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("ASCENT_NODE_REQUIRED"))) {
            throw new AssertionError("ASCENT_NODE_REQUIRED is set but " + problem + ":\n" + output());
        }
        System.out.println("[ascent] " + problem + "; Node client test skipped (set ASCENT_NODE_REQUIRED=true to fail"
                + " instead)");
        Assumptions.abort(problem + "; skipping");
    }

    private static int run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(NODE_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ASCENT_"));
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
