package dev.ascent.content.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own guides (test resources {@code corpus/}): written by the Ascent team for roles the seeds do not
 * cover, in every layout the importer reads, each with its expected outline beside it ({@code .expected}).
 */
public final class Corpus {
    private Corpus() {}

    public record Guide(Path file, String text) {
        public String name() {
            return file.getFileName().toString();
        }

        Path expectedFile() {
            String n = name();
            return file.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".expected");
        }

        ParsedGuide parse() throws GuideParseException {
            return new GuideParser().parse(text, null, GuideFormat.AUTO.resolve(name(), text), Cancellation.NONE);
        }
    }

    static Path dir() {
        try {
            return Path.of(Corpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Guide> guides() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> !p.toString().endsWith(".expected"))
                    .sorted()
                    .map(p -> new Guide(p, read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return GuideText.decode(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GuideParseException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    /** The outline in the {@code .expected} format: title, layout, then sections and their topics with item counts. */
    static String outline(ParsedGuide g) {
        StringBuilder sb = new StringBuilder();
        sb.append("title: ").append(g.title()).append('\n');
        sb.append("layout: ").append(g.layout()).append('\n');
        for (ParsedSection s : g.sections()) {
            sb.append(s.kind()).append(" | ").append(s.heading()).append('\n');
            for (ParsedTopic t : s.topics()) {
                sb.append("  - ")
                        .append(t.title().isEmpty() ? "(untitled)" : t.title())
                        .append(" | ")
                        .append(t.items().size())
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
