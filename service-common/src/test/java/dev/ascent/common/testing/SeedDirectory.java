package dev.ascent.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the career-guide seed documents are: {@code ../shared/seeds} beside the checkout. The build passes that path
 * as {@code ascent.seeds}; when it does not exist (a checkout somewhere else, a benchmark run from another folder)
 * the first {@code shared/seeds} above the working directory is used, then {@code ASCENT_SEEDS}.
 */
public final class SeedDirectory {

    private SeedDirectory() {
    }

    public static Path resolve() {
        String configured = System.getProperty("ascent.seeds");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/seeds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("seeds");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        String env = System.getenv("ASCENT_SEEDS");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        throw new IllegalStateException("the seed documents are not at " + configured + " nor in a shared/seeds "
                + "folder above " + Path.of("").toAbsolutePath() + "; set ASCENT_SEEDS or -Dascent.seeds");
    }
}
