package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.AscentClient;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.FreePorts;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ascent up} itself, run as a user runs it (issue 14, "a sturdy ./ascent up"): a second instance is refused
 * without touching the first, logs are appended and rotated, everything listens on 127.0.0.1, and a second process on
 * the embedded database is told which process holds it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    static final Path ROOT =
            Path.of(System.getProperty("ascent.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    static Path home;

    static Map<String, String> env;
    static Process up;
    static Path upOutput;
    static int contentPort;
    static int trackerPort;
    static int webPort;

    @BeforeAll
    static void startPlatform() throws Exception {
        contentPort = FreePorts.next();
        trackerPort = FreePorts.next();
        webPort = FreePorts.next();
        env = new HashMap<>();
        env.put("ASCENT_HOME", home.toString());
        env.put("ASCENT_CONTENT_PORT", Integer.toString(contentPort));
        env.put("ASCENT_TRACKER_PORT", Integer.toString(trackerPort));
        env.put("ASCENT_WEB_PORT", Integer.toString(webPort));
        env.put("ASCENT_ADMIN_TOKEN", PackagedPlatform.ADMIN_TOKEN);
        env.put("ASCENT_CONFIG", home.resolve("cli-config.properties").toString());
        // Small logs, so that a few hundred calls roll them.
        env.put("ASCENT_LOG_MAX_SIZE", "64KB");
        env.put("ASCENT_LOG_FILES", "3");
        upOutput = home.resolveSibling(home.getFileName() + "-up.txt");
        up = startUp(env, upOutput);
        awaitOutput(up, upOutput, "Press Ctrl-C to stop all three.");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (up != null && up.isAlive()) {
            up.destroy();
            up.waitFor(60, TimeUnit.SECONDS);
        }
    }

    static Process startUp(Map<String, String> settings, Path output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("ascent").toString(), "up");
        pb.environment().keySet().removeIf(k -> k.startsWith("ASCENT_"));
        pb.environment().putAll(settings);
        // The jars are those this build just made; the launcher must not start a build of its own inside one.
        pb.environment().put("ASCENT_NO_BUILD", "1");
        return pb.redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    static void awaitOutput(Process p, Path output, String text) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.readString(output).contains(text)) {
            assertTrue(p.isAlive(), () -> "./ascent up exited: " + read(output) + logs());
            assertTrue(System.nanoTime() < until, () -> "not up in 240 s: " + read(output) + logs());
            Thread.sleep(500);
        }
    }

    static AscentClient client() {
        return AscentClient.builder()
                .contentTarget("127.0.0.1:" + contentPort)
                .trackerTarget("127.0.0.1:" + trackerPort)
                .token(PackagedPlatform.ADMIN_TOKEN)
                .build();
    }

    @Test
    @Order(1)
    void everythingListensOnLoopbackOnly() throws Exception {
        try (AscentClient client = client()) {
            assertEquals(ServingStatus.SERVING, client.health(AscentClient.Service.TRACKER));
        }
        assertTrue(answers(InetAddress.getLoopbackAddress(), webPort));
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            for (int port : new int[] {contentPort, trackerPort, webPort}) {
                assertFalse(answers(outside.get(), port), "port " + port + " answers on " + outside.get());
            }
        } else {
            System.out.println("[ascent] no non-loopback address on this machine; only loopback checked");
        }
    }

    @Test
    @Order(2)
    void aSecondUpOnTheSameHomeSaysSoAndTouchesNothing() throws Exception {
        Map<String, String> before = snapshot();
        Path output = home.resolveSibling(home.getFileName() + "-second.txt");
        Process second = startUp(env, output);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        String said = read(output);
        assertEquals(3, second.exitValue(), said);
        assertTrue(
                said.startsWith("Ascent is already running on " + home + " (lock held on " + home.resolve("ascent.lock")
                        + "); nothing was started or changed."),
                said);
        assertTrue(said.contains("tracker-service pid " + pidOf("tracker-service")), said);
        assertTrue(said.contains("Stop it with Ctrl-C where it runs, or: kill "), said);
        assertFalse(said.contains("Ascent is running"), said);
        Map<String, String> after = snapshot();
        // The lock file and what the processes printed (NAME.out, where the old launcher's redirect truncated the
        // logs) are unchanged; the logs the services keep writing have only grown.
        for (Map.Entry<String, String> file : before.entrySet()) {
            String name = file.getKey();
            if (name.equals("ascent.lock") || name.endsWith(".out")) {
                assertEquals(file.getValue(), after.get(name), name + " changed");
            } else if (name.startsWith("logs/")) {
                assertTrue(
                        Files.size(home.resolve(name))
                                >= Long.parseLong(file.getValue().split(" ")[1]),
                        name + " shrank");
            }
        }
        assertTrue(before.containsKey("logs/tracker-service.out"), before::toString);
        try (AscentClient client = client()) {
            assertEquals(
                    "admin",
                    client.accounts()
                            .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                            .getUser()
                            .getHandle());
        }
    }

    @Test
    @Order(3)
    void anotherHomeOnTheSamePortsIsRefusedBeforeItStartsAnything(@TempDir Path other) throws Exception {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("ASCENT_HOME", other.toString());
        Path output = other.resolveSibling(other.getFileName() + "-ports.txt");
        Process p = startUp(settings, output);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), read(output));
        assertTrue(
                read(output).startsWith("port " + contentPort + " (content-service) is already in use on 127.0.0.1"),
                read(output));
        try (Stream<Path> files = Files.list(other)) {
            assertEquals(List.of(other.resolve("ascent.lock")), files.toList());
        }
    }

    @Test
    @Order(4)
    void aSecondTrackerOnTheSameDatabaseNamesThePidThatHoldsIt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("ascent").toString(), "service", "tracker");
        pb.environment().keySet().removeIf(k -> k.startsWith("ASCENT_"));
        pb.environment().putAll(env);
        pb.environment().put("ASCENT_NO_BUILD", "1");
        pb.environment().put("ASCENT_TRACKER_PORT", Integer.toString(FreePorts.next()));
        Path output = home.resolveSibling(home.getFileName() + "-tracker.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), read(output));
        assertTrue(
                read(output)
                        .contains("tracker-service: the embedded database in " + home.resolve("tracker")
                                + " is in use by pid " + pidOf("tracker-service") + " (tracker-service, started "),
                read(output));
        assertFalse(read(output).contains("DB_USER"), read(output));
    }

    /**
     * With no locale set (LANG=C, as in many containers), Java 17 would decode the arguments as ASCII, and the
     * name below would be stored as "Jos\uFFFD\uFFFD Mu\uFFFD\uFFFDoz": the launcher runs Java in a UTF-8 locale then.
     * What is printed is the name as the server stored it.
     */
    @Test
    @Order(6)
    void aCommandWithoutALocaleStoresItsArgumentsAsTyped() throws Exception {
        Process locales =
                new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String available = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(
                available.lines().anyMatch(l -> l.equalsIgnoreCase("C.UTF-8") || l.equalsIgnoreCase("C.utf8")),
                "no C.UTF-8 locale on this machine: the launcher cannot switch to it");
        ProcessBuilder pb = new ProcessBuilder(
                ROOT.resolve("ascent").toString(), "admin", "create-user", "jose-no-locale", "José", "Muñoz");
        pb.environment().keySet().removeIf(k -> k.startsWith("ASCENT_") || k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().putAll(env);
        pb.environment().put("LANG", "C");
        pb.environment().put("ASCENT_NO_BUILD", "1");
        pb.environment().put("ASCENT_TOKEN", PackagedPlatform.ADMIN_TOKEN);
        pb.environment().put("ASCENT_TRACKER_TARGET", "127.0.0.1:" + trackerPort);
        pb.environment().put("ASCENT_CONTENT_TARGET", "127.0.0.1:" + contentPort);
        Path output = home.resolveSibling(home.getFileName() + "-no-locale.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), read(output));
        assertTrue(read(output).startsWith("created jose-no-locale (José Muñoz)"), read(output));
    }

    @Test
    @Order(5)
    void logsRollBySizeAndAStartAppendsToThem() throws Exception {
        Path logs = home.resolve("logs");
        try (AscentClient client = client()) {
            // One log line per call: a few thousand calls pass the 64 KB limit more than once (logback looks at the
            // size every 100 ms, so a rolled file is the limit plus what 100 ms wrote). A roll renames .1 to .2 and
            // then the log to .1, so .1 is missing for a moment after .2 appears: wait for both.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((Files.notExists(logs.resolve("tracker-service.log.2"))
                            || Files.notExists(logs.resolve("tracker-service.log.1")))
                    && System.nanoTime() < until) {
                client.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
            }
        }
        assertTrue(Files.exists(logs.resolve("tracker-service.log.1")), () -> listing(logs));
        assertTrue(Files.exists(logs.resolve("tracker-service.log.2")), () -> listing(logs));
        assertTrue(Files.size(logs.resolve("tracker-service.log.1")) < 200 * 1024, () -> listing(logs));

        up.destroy();
        assertTrue(up.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, up.exitValue(), read(upOutput));
        assertTrue(read(upOutput).endsWith("stopped\n"), read(upOutput));
        String beforeRestart = Files.readString(logs.resolve("tracker-service.log"));

        Path again = home.resolveSibling(home.getFileName() + "-again.txt");
        up = startUp(env, again);
        awaitOutput(up, again, "Press Ctrl-C to stop all three.");
        String now = Files.readString(logs.resolve("tracker-service.log"));
        String rolled = Files.readString(logs.resolve("tracker-service.log.1"));
        // Appended: what the first run wrote last is still there, in the live file or (rolled since) in .1.
        assertTrue(now.startsWith(beforeRestart) || rolled.startsWith(beforeRestart), () -> listing(logs));
        assertEquals(2, countStarts(logs), () -> listing(logs));
        assertFalse(now.contains("\0"), "NUL bytes in the log");
    }

    private static long countStarts(Path logs) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("tracker-service.log"))
                    .toList()) {
                n += Files.readAllLines(f).stream()
                        .filter(l -> l.contains("tracker-service starting: gRPC on 127.0.0.1:"))
                        .count();
            }
        }
        return n;
    }

    private static String listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                out.add(f.getFileName() + " " + Files.size(f));
            }
            return String.join("\n", out);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every file under the home (name relative to it): "sha256 size". */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(
                        home.relativize(f).toString(),
                        HexFormat.of()
                                        .formatHex(MessageDigest.getInstance("SHA-256")
                                                .digest(Files.readAllBytes(f))) + " " + Files.size(f));
            }
        }
        return out;
    }

    private static long pidOf(String part) throws IOException {
        Matcher m = Pattern.compile("^" + part + " pid (\\d+)$", Pattern.MULTILINE)
                .matcher(Files.readString(home.resolve("ascent.lock")));
        assertTrue(m.find(), Files.readString(home.resolve("ascent.lock")));
        return Long.parseLong(m.group(1));
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static String logs() {
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                out.append("\n== ").append(f.getFileName()).append("\n").append(read(f));
            }
            return out.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
