package dev.ascent.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of limits appears in the README and in docs/ARCHITECTURE.md's security section: the same rows. */
class LimitsTableTest {

    @Test
    void theReadmeAndTheArchitectureListTheSameLimits() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> readme = table(root.resolve("README.md"));
        List<String> architecture = table(root.resolve("docs/ARCHITECTURE.md"));
        assertTrue(readme.size() > 10, "the README's table: " + readme);
        assertEquals(readme, architecture);
    }

    private static List<String> table(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .dropWhile(l -> !l.equals("| limit | value |"))
                .takeWhile(l -> l.startsWith("|"))
                .toList();
    }
}
