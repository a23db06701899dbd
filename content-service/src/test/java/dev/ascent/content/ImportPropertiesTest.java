package dev.ascent.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.content.importer.Corpus;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guides from the project's corpus, mutated at random (lines dropped, repeated, swapped, joined or truncated, markup
 * and odd characters inserted, a token repeated thousands of times), imported as a dry run over a real channel:
 * the answer is always OK or INVALID_ARGUMENT, never INTERNAL, and always well within the call's deadline.
 */
class ImportPropertiesTest {
    /** Far above any parse time measured (docs/PERFORMANCE.md); reaching it means a hang, not a slow machine. */
    private static final int DEADLINE_SECONDS = 20;

    private static final List<String> INSERTS = List.of(
            "# ",
            "## ",
            "- ",
            "1. ",
            "**",
            "*",
            "_",
            "`",
            "[",
            "](",
            ")",
            "<h2>",
            "</h2>",
            "<li>",
            "<ul>",
            "<script>",
            "<!--",
            "&amp;",
            ":",
            "$",
            "999999999999999999",
            "\t",
            "Career Guide",
            "Skills",
            "Overview",
            "REQUIREMENTS",
            "Salary:",
            "\u00A0",
            "\u2022 ",
            "é",
            "\uD83D\uDE80",
            "\r",
            "\n",
            "\n\n",
            "\u0000",
            "Xyz ");

    private static ContentHarness content;

    @BeforeContainer
    static void start() throws Exception {
        content = ContentHarness.start(TestDatabase.Engine.H2, false);
    }

    @AfterContainer
    static void stop() {
        if (content != null) {
            content.close();
        }
    }

    @Property(tries = 150, seed = "20261201")
    void mutatedGuidesAreAcceptedOrRefusedCleanly(@ForAll("mutatedGuides") Mutated guide) {
        ImportGuideRequest request = ImportGuideRequest.newBuilder()
                .setDryRun(true)
                .setSourceName(guide.sourceName())
                .setText(ByteString.copyFrom(guide.text().getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            content.admin()
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .importGuide(request);
        } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), () -> guide.sourceName() + ": " + e);
        }
    }

    record Mutated(String sourceName, String text) {}

    @Provide
    Arbitrary<Mutated> mutatedGuides() {
        Arbitrary<Corpus.Guide> guides = Arbitraries.of(Corpus.guides());
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, INSERTS.size() - 1))
                .as((op, a, b, c) -> new int[] {op, a, b, c})
                .list()
                .ofMinSize(1)
                .ofMaxSize(8);
        Arbitrary<String> names = Arbitraries.of("", ".txt", ".md", ".html", ".markdown", ".htm", ".bin");
        return Combinators.combine(guides, edits, names).as((g, e, ext) -> {
            String base = g.name().substring(0, g.name().lastIndexOf('.'));
            return new Mutated(ext.isEmpty() ? g.name() : base + ext, apply(g.text(), e));
        });
    }

    private static String apply(String text, List<int[]> edits) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int[] e : edits) {
            int n = lines.size();
            int i = e[1] % n;
            int j = e[2] % n;
            String insert = INSERTS.get(e[3]);
            switch (e[0]) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(j));
                case 2 -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 3 -> {
                    String l = lines.get(i);
                    int at = l.isEmpty() ? 0 : e[2] % (l.length() + 1);
                    lines.set(i, l.substring(0, at) + insert + l.substring(at));
                }
                case 4 -> {
                    if (i + 1 < n) {
                        lines.set(i, lines.get(i) + lines.remove(i + 1));
                    }
                }
                case 5 -> lines.subList(Math.max(1, i), n).clear();
                case 6 -> lines.set(i, lines.get(i).toUpperCase(java.util.Locale.ROOT));
                default -> lines.add(i, insert.repeat(1 + e[2] * 5));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
