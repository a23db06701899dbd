package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.FreePorts;
import dev.ascent.common.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged web app ({@code target/ascent-web.jar}) started as its own process, as {@code ./ascent up} does. */
class WebJarIT {

    static PackagedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    static Process launch(Map<String, String> settings, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("ascent.web.jar", "target/ascent-web.jar"));
        assertTrue(Files.exists(jar), jar + " is built by the package phase");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("ASCENT_"));
        pb.environment().put("ASCENT_CONTENT_TARGET", platform.contentTarget());
        pb.environment().put("ASCENT_TRACKER_TARGET", platform.trackerTarget());
        pb.environment().putAll(settings);
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theJarServesPagesOnItsPortAndStopsOnSigterm() throws Exception {
        int port = FreePorts.next();
        Path log = Files.createTempFile("ascent-web", ".log");
        Process web = launch(Map.of("ASCENT_WEB_PORT", Integer.toString(port)), log);
        try {
            WebUser browser = new WebUser("http://127.0.0.1:" + port, null);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    if (browser.get("/sign-in").status() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    assertTrue(web.isAlive(), () -> "the web app exited: " + read(log));
                    assertTrue(System.nanoTime() < until, () -> "not up after 60 s: " + read(log));
                    Thread.sleep(250);
                }
            }
            assertTrue(browser.page("/roles").body().contains("Senior Machine Learning Engineer"));
            browser.signIn(PackagedPlatform.ADMIN_TOKEN);
            assertEquals(200, browser.get("/admin").status());

            Path second = Files.createTempFile("ascent-web", ".log");
            Process clash = launch(Map.of("ASCENT_WEB_PORT", Integer.toString(port)), second);
            assertTrue(clash.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, clash.exitValue());
            assertTrue(
                    read(second).contains("web: port " + port + " is already in use; set ASCENT_WEB_PORT"),
                    read(second));
        } finally {
            web.destroy();
            assertTrue(web.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops it");
        }
    }

    @Test
    void aBadPortSettingIsOneLineAndExitCode2() throws Exception {
        Path log = Files.createTempFile("ascent-web", ".log");
        Process web = launch(Map.of("ASCENT_WEB_PORT", "eighty"), log);
        assertTrue(web.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, web.exitValue());
        assertEquals(
                "web: ASCENT_WEB_PORT must be a port number (0-65535), not 'eighty'",
                read(log).strip());
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
