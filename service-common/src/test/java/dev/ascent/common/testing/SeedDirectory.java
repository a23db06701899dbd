package dev.ascent.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the career-guide seed documents are: {@code ../shared/seeds} beside the checkout, never an absolute host
 * path. The build passes that path as {@code ascent.seeds}; a run outside Maven (a benchmark, an IDE) looks beside
 * the checkout that holds the working directory. {@code ASCENT_SEEDS} names another folder explicitly.
 *
 * <p>The seeds are an additional real-world corpus, not part of the project: a fresh clone has none, so tests that
 * need them are skipped with one line saying so. With {@code ASCENT_SEEDS_REQUIRED=true} (as in CI) a missing corpus
 * fails those tests instead, like {@code ASCENT_TEST_MYSQL_REQUIRED} does for MySQL.
 */
public final class SeedDirectory {

    public static final String REQUIRED_VARIABLE = "ASCENT_SEEDS_REQUIRED";

    private static volatile boolean announced;

    private SeedDirectory() {}

    /** The seed folder, or the calling test is skipped (failed when the corpus is required). */
    public static Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String message = "seed corpus not found at " + expected() + "; seed tests skipped (set " + REQUIRED_VARIABLE
                + "=true to fail instead)";
        if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
            throw new IllegalStateException(REQUIRED_VARIABLE + " is set but the seed corpus is not at " + expected());
        }
        if (!announced) {
            announced = true;
            System.out.println("[ascent] " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /**
     * For tests that use the seeds when they are there and run without them otherwise: the folder, or empty; a
     * failure when the corpus is required but missing.
     */
    public static Optional<Path> findOrFailWhenRequired() {
        return Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE)) ? Optional.of(require()) : find();
    }

    /** The seed folder when it exists. */
    public static Optional<Path> find() {
        Path dir = expected();
        return dir != null && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static Path expected() {
        String env = System.getenv("ASCENT_SEEDS");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String configured = System.getProperty("ascent.seeds");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolveSibling("shared").resolve("seeds").normalize();
            }
        }
        return Path.of("..", "shared", "seeds").toAbsolutePath().normalize();
    }
}
