package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, end to end: {@code clients/demo/demo.sh} runs its {@code ./ascent} lines as written
 * (fresh handles aside) through the real CLI, each in its own JVM, against the packaged services.
 */
class WalkthroughTest {

    @Test
    void theDemoRunsEveryLineOfTheReadmeWalkthrough() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path demo = root.resolve("clients/demo/demo.sh");
        try (PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2)) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder("bash", demo.toString()).redirectErrorStream(true);
            pb.environment().put("ASCENT_CONTENT_TARGET", platform.contentTarget());
            pb.environment().put("ASCENT_TRACKER_TARGET", platform.trackerTarget());
            pb.environment().put("ASCENT_ADMIN_TOKEN", PackagedPlatform.ADMIN_TOKEN);
            pb.environment()
                    .put(
                            "ASCENT_CLI_COMMAND",
                            java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                                    + " dev.ascent.cli.AscentCli");
            Path log = Files.createTempFile("ascent-demo", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the demo finished");
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            List<String> readme = Files.readAllLines(root.resolve("README.md")).stream()
                    .dropWhile(l -> !l.startsWith("<!-- walkthrough"))
                    .takeWhile(l -> !l.startsWith("<!-- /walkthrough"))
                    .filter(l -> l.startsWith("./ascent ") && !l.matches("\\./ascent (up|demo)\\b.*"))
                    .toList();
            assertEquals(
                    readme.size(),
                    out.lines().filter(l -> l.startsWith("$ ascent ")).count(),
                    "every line ran: " + out);
            assertTrue(out.contains("walkthrough complete"), out);
            assertTrue(out.contains("accepted: they mentor you now"), out);
            assertTrue(out.contains("approved"), out);
            assertTrue(out.contains("1 done (1 verified)"), out);
            assertTrue(out.contains("shipped the API"), "item show prints the time entry's note: " + out);
        }
    }
}
