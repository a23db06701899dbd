package dev.ascent.content.importer;

import static dev.ascent.content.importer.SectionKind.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortFormSeedTest {
    private static final String SEED = "003_";

    private static ParsedSection section(ParsedGuide g, SectionKind kind) {
        return g.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void titleIsFirstLineAndLayoutIsShort() throws Exception {
        ParsedGuide g = Seeds.parse(SEED);
        assertEquals(Seeds.line(Seeds.lines(SEED), 1), g.title());
        assertEquals(Layout.SHORT_FORM, g.layout());
        assertEquals(List.of(), g.warnings());
    }

    @Test
    void sectionsInDocumentOrder() throws Exception {
        ParsedGuide g = Seeds.parse(SEED);
        assertEquals(
                List.of(
                        RESPONSIBILITIES,
                        SKILLS,
                        CAREER_PATHS,
                        SKILL_GAPS,
                        DEVELOPMENT_SUGGESTIONS,
                        SALARY,
                        MARKET_DEMAND,
                        NEXT_STEPS),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(
                List.of(1, 1, 2, 1, 0, 2, 2, 1),
                g.sections().stream().map(s -> s.topics().size()).toList());
    }

    @Test
    void headingGluedToCareerGuideMarkerOpensFirstSection() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        ParsedSection first = Seeds.parse(SEED).sections().get(0);
        assertEquals(2, first.line());
        assertEquals(
                "career guide" + first.heading().toLowerCase(),
                lines.get(1).trim().toLowerCase());
    }

    @Test
    void gluedHeadingsAreCutFromTheirLines() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        ParsedGuide g = Seeds.parse(SEED);
        ParsedSection dev = section(g, DEVELOPMENT_SUGGESTIONS);
        assertEquals(Seeds.line(lines, dev.line()), dev.heading() + dev.summary());
        ParsedSection hiring = section(g, MARKET_DEMAND);
        ParsedTopic growth = section(g, SALARY).topics().get(1);
        assertEquals(hiring.line(), growth.line() + 1);
        assertEquals(Seeds.line(lines, hiring.line()), growth.text() + hiring.heading());
    }

    @Test
    void everyItemIsTextOfItsOwnLine() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        int items = 0;
        for (ParsedSection s : Seeds.parse(SEED).sections()) {
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem item : t.items()) {
                    assertTrue(Seeds.line(lines, item.line()).contains(item.text()), item::toString);
                    items++;
                }
            }
        }
        assertEquals(9 + 14 + 10 + 8 + 3 + 12 + 8 + 7, items);
    }

    @Test
    void runTogetherListsAreSplitWithoutLosingCharacters() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        ParsedGuide g = Seeds.parse(SEED);
        assertSplit(lines, section(g, SKILL_GAPS).topics().get(0), 8);
        assertSplit(lines, section(g, MARKET_DEMAND).topics().get(0), 12);
        assertSplit(lines, section(g, MARKET_DEMAND).topics().get(1), 8);
    }

    private static void assertSplit(List<String> lines, ParsedTopic topic, int expected) {
        assertEquals(expected, topic.items().size());
        int line = topic.items().get(0).line();
        assertTrue(topic.items().stream().allMatch(i -> i.line() == line));
        assertEquals(
                Seeds.line(lines, line).replace(" ", ""),
                String.join("", topic.items().stream().map(ParsedItem::text).toList())
                        .replace(" ", ""));
    }

    @Test
    void gluedStepNumbersAreRemoved() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        ParsedTopic steps = section(Seeds.parse(SEED), NEXT_STEPS).topics().get(0);
        assertEquals(7, steps.items().size());
        int first = steps.items().get(0).line();
        assertEquals("1", Seeds.line(lines, first - 1));
        for (int i = 0; i < steps.items().size(); i++) {
            ParsedItem item = steps.items().get(i);
            assertEquals(first + i, item.line());
            String docLine = Seeds.line(lines, item.line());
            String expected =
                    i < steps.items().size() - 1 ? docLine.replaceFirst(String.valueOf(i + 2) + "$", "") : docLine;
            assertEquals(expected, item.text());
            assertFalse(Character.isDigit(item.text().charAt(item.text().length() - 1)));
        }
    }

    @Test
    void salaryLinesWithGluedCurrencyCodeAreParsed() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        List<ParsedSalary> salaries = Seeds.parse(SEED).salaries();
        assertEquals(3, salaries.size());
        for (ParsedSalary s : salaries) {
            assertEquals("USD", s.currency());
            assertEquals(Seeds.line(lines, s.line()), s.raw());
            assertTrue(s.raw().startsWith(s.label()) && s.label().endsWith("Level"), s::toString);
            assertTrue(s.raw().contains(String.format("%,d to %,d", s.min(), s.max())), s::toString);
        }
    }

    @Test
    void skillsComeFromSkillsAndSkillGaps() throws Exception {
        List<String> lines = Seeds.lines(SEED);
        List<ParsedSkillMention> skills = Seeds.parse(SEED).skills();
        assertEquals(14, skills.stream().filter(m -> m.sectionKind() == SKILLS).count());
        assertEquals(
                8, skills.stream().filter(m -> m.sectionKind() == SKILL_GAPS).count());
        for (ParsedSkillMention m : skills) {
            assertTrue(Seeds.line(lines, m.line()).contains(m.name()));
        }
        long shared = skills.stream()
                .filter(m -> m.sectionKind() == SKILL_GAPS)
                .map(m -> SkillKeys.key(m.name()))
                .filter(k -> skills.stream()
                        .anyMatch(o -> o.sectionKind() == SKILLS
                                && SkillKeys.key(o.name()).equals(k)))
                .count();
        assertEquals(1, shared, "one gap skill is also listed as a top skill");
    }
}
