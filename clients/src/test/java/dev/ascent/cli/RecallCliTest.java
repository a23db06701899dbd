package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ascent recall} in-process against the packaged services: the interactive pass, --json, scripts. */
class RecallCliTest {

    static PackagedPlatform platform;
    static Path configDir;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
        configDir = Files.createTempDirectory("ascent-recall-cli");
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    static CliRun ascent(String token, String stdin, String... args) {
        return CliRun.run(platform.cliEnvironment(configDir.resolve("unused.properties"), token), stdin, args);
    }

    @Test
    void reviewDueCardsInteractivelyAndByScript() {
        CliRun user =
                ascent(PackagedPlatform.ADMIN_TOKEN, "", "admin", "create-user", "cli-rex", "Rex", "--token-only");
        assertEquals(0, user.exitCode, user::toString);
        String token = user.out.strip();

        assertEquals(0, ascent(token, "", "recall", "add", "What is a bloom filter?", "A probabilistic set").exitCode);
        assertEquals(0, ascent(token, "", "recall", "add", "Second card", "Second answer").exitCode);
        JsonArray due = JsonParser.parseString(ascent(token, "", "recall", "--json").out)
                .getAsJsonArray();
        assertEquals(2, due.size());
        String second = due.get(1).getAsJsonObject().get("name").getAsString();

        // Enter reveals the back, 3 rates GOOD; the second card: Enter, then 's' skips it, then the pass ends.
        CliRun pass = ascent(token, "\n3\n\ns\n", "recall", "-i");
        assertEquals(0, pass.exitCode, pass::toString);
        assertTrue(pass.out.contains("What is a bloom filter?"), pass.out);
        assertTrue(pass.out.contains("A probabilistic set"), pass.out);
        assertTrue(pass.out.contains("good: next due "), pass.out);
        assertTrue(pass.out.contains("skipped"), pass.out);
        assertTrue(pass.out.contains("1 cards reviewed"), pass.out);

        // The GOOD card is on its 10-minute learning step; only the skipped one is due.
        JsonArray after = JsonParser.parseString(ascent(token, "", "recall", "--json").out)
                .getAsJsonArray();
        assertEquals(1, after.size());
        assertEquals(second, after.get(0).getAsJsonObject().get("name").getAsString());

        CliRun rated = ascent(token, "", "recall", "rate", second.replaceAll(".*/", ""), "easy", "--json");
        assertEquals(0, rated.exitCode, rated::toString);
        JsonObject card = JsonParser.parseString(rated.out).getAsJsonObject().getAsJsonObject("card");
        assertEquals("RECALL_CARD_STATE_REVIEW", card.get("state").getAsString());
        assertTrue(ascent(token, "", "recall").out.startsWith("0 cards due"));

        JsonObject stats = JsonParser.parseString(ascent(token, "", "recall", "stats", "--json").out)
                .getAsJsonObject();
        assertEquals(2, stats.get("cardCount").getAsInt());
        JsonArray perDay = stats.getAsJsonArray("reviewsPerDay");
        assertEquals(
                2, perDay.get(perDay.size() - 1).getAsJsonObject().get("count").getAsInt());

        assertEquals(ExitCodes.USAGE, ascent(token, "", "recall", "rate", "1", "5").exitCode);
        CliRun bad = ascent(token, "", "recall", "settings", "--retention", "0.5");
        assertEquals(ExitCodes.USAGE, bad.exitCode, bad::toString);
        assertTrue(bad.err.startsWith("ascent: invalid input: --retention: "), "errors name the flag: " + bad.err);
        CliRun limit = ascent(token, "", "recall", "settings", "--daily-limit", "5");
        assertTrue(limit.out.contains("daily limit 5"), limit::toString);
        assertEquals(ExitCodes.NOT_FOUND, ascent(token, "", "recall", "delete", "42").exitCode);
    }
}
