package dev.ascent.content.importer;

import static dev.ascent.content.importer.SectionKind.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LongFormSeedTest {
    private static final List<SectionKind> KINDS = List.of(
            OVERVIEW,
            RESPONSIBILITIES,
            REQUIREMENTS,
            CAREER_DEVELOPMENT,
            MARKET_DEMAND,
            SALARY,
            INDUSTRY_TRENDS,
            SOFT_SKILLS,
            BEST_PRACTICES,
            CHALLENGES);

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000_", "Senior Machine Learning Engineer", List.of(4, 8, 5, 7, 6, 5, 7, 8, 5, 7)),
                Arguments.of("001_", "Senior Machine Learning Scientist", List.of(4, 9, 10, 6, 5, 5, 7, 11, 8, 10)),
                Arguments.of(
                        "002_",
                        "Senior Software Engineer specializing in Machine Learning",
                        List.of(3, 8, 5, 7, 6, 4, 9, 8, 6, 12)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void titleLayoutKindsAndTopicCounts(String seed, String title, List<Integer> topicCounts) throws Exception {
        ParsedGuide g = Seeds.parse(seed);
        assertEquals(title, g.title());
        assertEquals(Layout.LONG_FORM, g.layout());
        assertEquals(KINDS, g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(
                topicCounts, g.sections().stream().map(s -> s.topics().size()).toList());
        assertEquals(List.of(), g.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_"})
    void headingsAndTopicTitlesAreTheDocumentsOwnLines(String seed) throws Exception {
        List<String> lines = Seeds.lines(seed);
        ParsedGuide g = Seeds.parse(seed);
        assertEquals(1, g.sections().get(0).line());
        for (ParsedSection s : g.sections()) {
            assertEquals(Seeds.line(lines, s.line()), s.heading());
            for (ParsedTopic t : s.topics()) {
                String docLine = Seeds.line(lines, t.line());
                assertTrue(docLine.endsWith(t.title()), () -> "topic " + t + " vs " + docLine);
                assertFalse(t.title().matches("^\\d+\\..*"), "number prefix must be stripped");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_"})
    void everyItemIsTextOfItsOwnLine(String seed) throws Exception {
        List<String> lines = Seeds.lines(seed);
        for (ParsedSection s : Seeds.parse(seed).sections()) {
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem item : t.items()) {
                    String docLine = Seeds.line(lines, item.line());
                    assertTrue(docLine.startsWith("- "), () -> "item from a non-bullet line: " + item);
                    assertTrue(docLine.contains(item.text()), () -> "item " + item + " not in its line");
                    assertFalse(item.text().startsWith("-"), "bullet marker must be stripped");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_"})
    void everyBulletLineBecomesAnItemAndNoLineIsDropped(String seed) throws Exception {
        List<String> lines = Seeds.lines(seed);
        ParsedGuide g = Seeds.parse(seed);
        Set<Integer> itemLines = new HashSet<>();
        Set<Integer> structureLines = new HashSet<>();
        StringBuilder prose = new StringBuilder();
        for (ParsedSection s : g.sections()) {
            structureLines.add(s.line());
            prose.append(s.summary()).append('\n');
            for (ParsedTopic t : s.topics()) {
                structureLines.add(t.line());
                prose.append(t.text()).append('\n');
                t.items().forEach(i -> itemLines.add(i.line()));
            }
        }
        for (int n = 1; n <= lines.size(); n++) {
            String l = Seeds.line(lines, n);
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("- ")) {
                assertTrue(itemLines.contains(n), "bullet line " + n + " lost");
            } else {
                int line = n;
                // A paragraph may be split between topic text and summary, but only between sentences.
                boolean covered = structureLines.contains(n)
                        || Stream.of(l.split("(?<=\\.) "))
                                .allMatch(sentence -> prose.toString().contains(sentence));
                assertTrue(covered, () -> "line " + line + " lost");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_"})
    void everySectionGetsIntroAndClosingSummary(String seed) throws Exception {
        List<String> lines = Seeds.lines(seed);
        for (ParsedSection s : Seeds.parse(seed).sections()) {
            String[] parts = s.summary().split("\n");
            assertEquals(2, parts.length, () -> "summary of " + s.heading() + ": " + s.summary());
            assertTrue(lines.stream().anyMatch(l -> l.trim().equals(parts[0])), "intro is a whole line");
            assertTrue(lines.stream().anyMatch(l -> l.trim().endsWith(parts[1])), "closing ends a line");
            assertTrue(Character.isUpperCase(parts[1].charAt(0)) && parts[1].endsWith("."));
        }
    }

    @Test
    void gluedSummaryOnLastBulletIsSplitOff() throws Exception {
        List<String> lines = Seeds.lines("000_");
        ParsedSection best = Seeds.parse("000_").sections().stream()
                .filter(s -> s.kind() == BEST_PRACTICES)
                .findFirst()
                .orElseThrow();
        ParsedTopic last = best.topics().get(best.topics().size() - 1);
        ParsedItem item = last.items().get(last.items().size() - 1);
        String docLine = Seeds.line(lines, item.line());
        String closing = best.summary().split("\n")[1];
        assertEquals(docLine, "- " + item.text() + " " + closing);
        assertTrue(closing.startsWith("By "));
        assertFalse(item.text().endsWith("."));
    }

    @Test
    void gluedSummaryInLastParagraphIsSplitOffAtSentenceEnd() throws Exception {
        ParsedSection trends = Seeds.parse("000_").sections().stream()
                .filter(s -> s.kind() == INDUSTRY_TRENDS)
                .findFirst()
                .orElseThrow();
        ParsedTopic last = trends.topics().get(trends.topics().size() - 1);
        assertTrue(last.text().endsWith("."));
        assertEquals(0, last.items().size());
        List<String> lines = Seeds.lines("000_");
        assertEquals(
                Seeds.line(lines, last.line() + 1),
                last.text() + " " + trends.summary().split("\n")[1]);
    }

    @Test
    void subHeadingsWithSectionWordsStayTopics() throws Exception {
        ParsedGuide g = Seeds.parse("000_");
        ParsedSection overview = g.sections().get(0);
        assertEquals(
                RESPONSIBILITIES,
                SectionVocabulary.kindOf(overview.topics().get(0).title()).orElseThrow());
        ParsedSection req = g.sections().get(2);
        assertTrue(req.topics().stream()
                .anyMatch(t -> SectionVocabulary.kindOf(t.title()).orElse(null) == RESPONSIBILITIES));
    }

    @Test
    void leadInLinesBecomeTopicTextNotItems() throws Exception {
        List<String> lines = Seeds.lines("000_");
        for (ParsedSection s : Seeds.parse("000_").sections()) {
            for (ParsedTopic t : s.topics()) {
                for (String textLine :
                        t.text().isEmpty() ? new String[0] : t.text().split("\n")) {
                    assertTrue(lines.stream().anyMatch(l -> l.contains(textLine)));
                }
                t.items().forEach(i -> assertFalse(i.text().isEmpty()));
            }
        }
    }

    @Test
    void salariesComeFromSalarySectionItems() throws Exception {
        List<String> lines = Seeds.lines("000_");
        List<ParsedSalary> salaries = Seeds.parse("000_").salaries();
        assertFalse(salaries.isEmpty());
        for (ParsedSalary s : salaries) {
            assertTrue(Seeds.line(lines, s.line()).contains(s.raw()));
            if (s.min() != null) {
                assertEquals("USD", s.currency());
                assertTrue(s.raw().contains(String.format("%,d", s.min())), s::toString);
            }
            if (s.min() != null && s.max() != null) {
                assertTrue(s.min() <= s.max());
            }
        }
        long ranges = salaries.stream()
                .filter(s -> s.min() != null && s.max() != null && s.min() < s.max())
                .count();
        assertTrue(ranges >= 7, "ranges found: " + ranges);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_"})
    void skillMentionsComeFromSkillTopicsOfRequirements(String seed) throws Exception {
        List<String> lines = Seeds.lines(seed);
        List<ParsedSkillMention> skills = Seeds.parse(seed).skills();
        assertFalse(skills.isEmpty());
        for (ParsedSkillMention m : skills) {
            assertEquals(REQUIREMENTS, m.sectionKind());
            assertTrue(Seeds.line(lines, m.line()).contains(m.name()), m::toString);
            assertTrue(LineShapes.wordCount(m.name()) <= 5, m::toString);
        }
    }
}
