package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The importer on the project's own corpus: every guide must give exactly the outline written beside it, with
 * provenance pointing at the source line, and no structure warnings unless the expected file lists them
 * ({@code warning: <part of the message>}).
 */
class CorpusTest {

    @Test
    void theCorpusIsBigEnoughAndCoversEveryLayout() throws Exception {
        List<Corpus.Guide> guides = Corpus.guides();
        assertTrue(guides.size() >= 12, "at least 12 guides, found " + guides.size());
        Set<Layout> layouts = EnumSet.noneOf(Layout.class);
        for (Corpus.Guide g : guides) {
            layouts.add(g.parse().layout());
            assertTrue(Files.exists(g.expectedFile()), "expected outline beside " + g.name());
        }
        assertEquals(EnumSet.allOf(Layout.class), layouts);
    }

    @TestFactory
    Stream<DynamicTest> eachGuideGivesItsExpectedOutline() {
        return Corpus.guides().stream()
                .map(g -> DynamicTest.dynamicTest(g.name(), () -> {
                    List<String> expected = Files.readAllLines(g.expectedFile());
                    String outline = String.join(
                            "\n",
                            expected.stream()
                                    .filter(l -> !l.startsWith("warning: "))
                                    .toList());
                    List<String> warnings = expected.stream()
                            .filter(l -> l.startsWith("warning: "))
                            .map(l -> l.substring("warning: ".length()))
                            .toList();
                    ParsedGuide parsed = g.parse();
                    assertEquals(outline.strip(), Corpus.outline(parsed).strip(), g.name());
                    assertEquals(warnings.size(), parsed.warnings().size(), () -> g.name() + ": " + parsed.warnings());
                    for (String w : warnings) {
                        assertTrue(
                                parsed.warnings().stream()
                                        .anyMatch(p -> p.message().contains(w)),
                                g.name() + ": " + w);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> provenancePointsAtTheSourceLine() {
        return Corpus.guides().stream()
                .map(g -> DynamicTest.dynamicTest(g.name(), () -> {
                    List<String> lines = List.of(g.text().split("\n", -1));
                    ParsedGuide parsed = g.parse();
                    for (ParsedSection s : parsed.sections()) {
                        assertTrue(line(lines, s.line()).contains(firstWord(s.heading())), () -> g.name() + " " + s);
                        for (ParsedTopic t : s.topics()) {
                            if (!t.title().isEmpty()) {
                                assertTrue(
                                        line(lines, t.line()).contains(firstWord(t.title())), () -> g.name() + " " + t);
                            }
                            for (ParsedItem i : t.items()) {
                                assertTrue(
                                        line(lines, i.line()).contains(firstWord(i.text())), () -> g.name() + " " + i);
                            }
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> markupIsRecognisedWithoutAFileName() {
        return Corpus.guides().stream()
                .filter(g -> !g.name().endsWith(".txt"))
                .map(g -> DynamicTest.dynamicTest(g.name(), () -> {
                    GuideFormat sniffed = GuideFormat.AUTO.resolve(null, g.text());
                    assertEquals(g.parse().layout().name(), sniffed.name(), g.name());
                }));
    }

    @TestFactory
    Stream<DynamicTest> textGuidesAreNotMistakenForMarkup() {
        return Corpus.guides().stream()
                .filter(g -> g.name().endsWith(".txt"))
                .map(g -> DynamicTest.dynamicTest(
                        g.name(),
                        () -> assertEquals(GuideFormat.TEXT, GuideFormat.AUTO.resolve(null, g.text()), g.name())));
    }

    private static String line(List<String> lines, int number) {
        assertTrue(number >= 1 && number <= lines.size(), "line " + number);
        return lines.get(number - 1).toLowerCase(Locale.ROOT);
    }

    /** The first run of letters or digits: markup around it (bullets, tags, emphasis) differs by format. */
    private static String firstWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < lower.length() && !Character.isLetterOrDigit(lower.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        return lower.substring(start, end);
    }
}
