package dev.ascent.content.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the seed documents at run time; their text is never copied into the tests. */
final class Seeds {
    private Seeds() {}

    static Path dir() {
        return dev.ascent.common.testing.SeedDirectory.require();
    }

    static Path file(String prefix) {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("seed " + prefix + " not found in " + dir()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String prefix) throws Exception {
        return GuideText.decode(Files.readAllBytes(file(prefix)));
    }

    /** The document's lines; index 0 is line 1. */
    static List<String> lines(String prefix) throws Exception {
        return List.of(text(prefix).split("\n", -1));
    }

    static String line(List<String> lines, int number) {
        return lines.get(number - 1).trim();
    }

    static ParsedGuide parse(String prefix) throws Exception {
        return new GuideParser().parse(text(prefix), null);
    }
}
