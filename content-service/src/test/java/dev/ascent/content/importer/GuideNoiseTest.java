package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated noise (random bytes and words, shuffled and truncated guides, huge inputs) only ever yields a clean
 * parse or a {@link GuideParseException}: never another exception, never a parse that breaks its own invariants.
 * The random seed is fixed, so a failure reproduces.
 */
class GuideNoiseTest {

    private static final GuideParser PARSER = new GuideParser();
    private static final String[] WORDS = {
        "Overview",
        "Skills",
        "Best Practices",
        "- ",
        "1.",
        "2",
        ":",
        "Career",
        "Guide",
        "Senior",
        "Engineer",
        "model",
        "data",
        "$120,000",
        "-",
        "Next Steps",
        "Salary",
        "\t",
        "•",
        "A",
        "plays",
        "role",
        "The",
        "of",
        "is",
        "Common Challenges",
        "(",
        ")",
        "In summary,",
        "K",
        "%"
    };

    @Test
    void noiseNeverCrashesTheImporter() throws Exception {
        Random random = new Random(20261123L);
        List<byte[]> inputs = new ArrayList<>();
        // The project's corpus always; the seeds too when they are beside the checkout.
        List<String> seeds = new ArrayList<>();
        Corpus.guides().forEach(g -> seeds.add(g.text()));
        Optional<Path> seedDir = dev.ascent.common.testing.SeedDirectory.findOrFailWhenRequired();
        if (seedDir.isPresent()) {
            try (Stream<Path> files = Files.list(seedDir.get())) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    seeds.add(Files.readString(p));
                }
            }
        }
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            inputs.add(bytes);
            inputs.add(words(random, 1 + random.nextInt(400)).getBytes(StandardCharsets.UTF_8));
        }
        for (String seed : seeds) {
            for (int i = 0; i < 40; i++) {
                List<String> lines = new ArrayList<>(seed.lines().toList());
                Collections.shuffle(lines, random);
                inputs.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
                inputs.add(seed.substring(0, random.nextInt(seed.length())).getBytes(StandardCharsets.UTF_8));
                inputs.add(seed.substring(random.nextInt(seed.length())).getBytes(StandardCharsets.UTF_8));
            }
            inputs.add(seed.repeat(1 + (1 << 20) / seed.length()).getBytes(StandardCharsets.UTF_8));
            inputs.add(seed.repeat(2 + (1 << 20) / seed.length())
                    .substring(0, (1 << 20) - 10)
                    .getBytes(StandardCharsets.UTF_8));
        }
        int parsed = 0;
        int rejected = 0;
        for (byte[] input : inputs) {
            try {
                String text = GuideText.decode(input);
                check(PARSER.parse(text, null), (int) text.lines().count());
                parsed++;
            } catch (GuideParseException e) {
                assertFalse(e.getMessage().isBlank());
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("input of " + input.length + " bytes crashed the importer", e);
            }
        }
        assertTrue(parsed > 50, "shuffled and truncated guides still parse: " + parsed);
        assertTrue(rejected > 100, "random bytes are rejected: " + rejected);
    }

    private static void check(ParsedGuide g, int lineCount) {
        assertFalse(g.title().isBlank());
        assertFalse(g.sections().isEmpty());
        for (ParsedSection s : g.sections()) {
            assertTrue(s.line() >= 1 && s.line() <= lineCount, "section line " + s.line());
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem i : t.items()) {
                    assertTrue(i.line() >= 1 && i.line() <= lineCount, "item line " + i.line());
                    assertFalse(i.text().isBlank());
                }
            }
        }
    }

    private static String words(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]);
            b.append(random.nextInt(6) == 0 ? "\n" : " ");
        }
        return b.toString();
    }
}
