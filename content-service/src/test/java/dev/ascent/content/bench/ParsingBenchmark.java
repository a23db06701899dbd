package dev.ascent.content.bench;

import static dev.ascent.content.bench.ContentBenchmark.out;

import dev.ascent.content.importer.GuideParser;
import dev.ascent.content.importer.GuideText;
import dev.ascent.content.importer.ParsedGuide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code GuideParser.parse} on each seed document, one thread, after a warm-up; every parse timed on its own. */
final class ParsingBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;

    /** Keeps the parse results alive so the JIT cannot drop the work. */
    static volatile long blackhole;

    private ParsingBenchmark() {}

    /** Prints one row per document; {@code headline} is the ~20 KB long-form guide the issue asks about. */
    static void run(List<Path> documents, Path headline) throws Exception {
        out("## Parsing (`new GuideParser().parse(text, null)`, one thread, " + WARM_UP + " warm-up parses, then "
                + MEASURED + " timed)");
        out("");
        out("| guide | layout | size (bytes) | mean µs | p50 µs | p99 µs | MB/s |");
        out("|---|---|---:|---:|---:|---:|---:|");
        GuideParser parser = new GuideParser();
        long sink = 0;
        for (Path file : documents) {
            byte[] bytes = Files.readAllBytes(file);
            String text = GuideText.decode(bytes);
            ParsedGuide last = null;
            for (int i = 0; i < WARM_UP; i++) {
                last = parser.parse(text, null);
                sink += last.sections().size();
            }
            Latencies times = new Latencies();
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                ParsedGuide g = parser.parse(text, null);
                times.add(System.nanoTime() - t0);
                sink += g.sections().size();
            }
            Latencies.Sorted s = times.sorted();
            double mbPerSecond = bytes.length / (s.mean() / 1e9) / 1e6;
            out(String.format(
                    Locale.ROOT,
                    "| `%s`%s | %s | %,d | %s | %s | %s | %.1f |",
                    file.getFileName().toString().substring(0, 3),
                    file.equals(headline) ? " (headline)" : "",
                    last.layout(),
                    bytes.length,
                    Latencies.micros(s.mean()),
                    Latencies.micros(s.percentile(50)),
                    Latencies.micros(s.percentile(99)),
                    mbPerSecond));
        }
        out("");
        blackhole = sink;
    }
}
