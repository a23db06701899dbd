package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ascent watch} across a tracker that stays away longer than the reconnect window (issue 14): it stops,
 * prints the last sequence, and {@code --after} resumes from there without losing or repeating an event.
 */
class WatchResumeTest {

    static PackagedPlatform platform;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
        env = platform.cliEnvironment(Files.createTempDirectory("ascent-watch").resolve("none.properties"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    private static CliRun ascent(String token, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.put("ASCENT_TOKEN", token);
        return CliRun.run(e, "", args);
    }

    private static CliRun ok(CliRun r) {
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    private static List<JsonObject> events(CliRun r) {
        return r.out.lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
    }

    @Test
    void watchPrintsWhereItStoppedAndResumesFromThere() throws Exception {
        String token = ok(ascent(
                        PackagedPlatform.ADMIN_TOKEN, "admin", "create-user", "resumer", "Re", "Sumer", "--token-only"))
                .out
                .strip();
        ok(ascent(token, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        long last = JsonParser.parseString(ok(ascent(token, "activity", "--json", "--limit", "1")).out)
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("sequence")
                .getAsLong();
        ok(ascent(token, "log", "1", "10", "before", "the", "restart"));

        CompletableFuture<CliRun> watching = CompletableFuture.supplyAsync(
                () -> ascent(token, "watch", "--after", Long.toString(last), "--reconnect", "3", "--json"));
        Thread.sleep(5000);
        platform.stop("tracker");
        CliRun stopped = watching.get(90, TimeUnit.SECONDS);

        assertEquals(ExitCodes.UNAVAILABLE, stopped.exitCode, stopped::toString);
        // The time logged, and the item's move from TODO to IN_PROGRESS that came with it.
        List<JsonObject> before = events(stopped);
        assertEquals(
                List.of("ACTIVITY_TYPE_TIME_LOGGED", "ACTIVITY_TYPE_STATUS_CHANGED"),
                before.stream().map(e -> e.get("type").getAsString()).toList(),
                stopped::toString);
        assertEquals(10, before.get(0).get("minutes").getAsInt());
        Matcher m = Pattern.compile(
                        "ascent: watch stopped after sequence (\\d+); resume with: ascent watch --after (\\d+)\n")
                .matcher(stopped.err);
        assertTrue(m.find(), stopped::toString);
        assertEquals(m.group(1), m.group(2));
        long cursor = Long.parseLong(m.group(1));
        assertTrue(cursor >= before.get(1).get("sequence").getAsLong(), stopped::toString);

        platform.restart("tracker");
        ok(ascent(token, "log", "1", "20", "after", "the", "restart"));
        CliRun resumed = ok(
                ascent(token, "watch", "--after", Long.toString(cursor), "--count", "1", "--json", "--timeout", "60"));
        List<JsonObject> after = events(resumed);
        assertEquals(1, after.size(), resumed::toString);
        assertEquals(20, after.get(0).get("minutes").getAsInt(), resumed::toString);
        assertTrue(after.get(0).get("sequence").getAsLong() > cursor, resumed::toString);
    }
}
