package dev.ascent.content.importer;

import static dev.ascent.content.importer.SectionKind.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A two-level long-form guide for a role and wordings that the seeds do not use. */
class SyntheticLongFormTest {
    static final String DOC = """
            Overview
            A Staff Data Engineer owns the shape of the data platform and keeps pipelines honest.
            What the Job Involves
            - Own ingestion contracts
            - Review storage costs every quarter
            Key Responsibilities
            In this role you will mostly:
            Platform Ownership
            * Keep batch and streaming jobs healthy
            * Retire tables nobody reads
            Mentoring
            \t- Pair with newer engineers weekly
            \t- Run design reviews Overall, a staff engineer multiplies the output of the whole data group over time.
            Required Skills
            The stack changes, yet these basics persist:
            Languages
            - SQL: window functions and query plans
            - Python: typed, tested pipeline code
            Orchestration
            • Airflow
            • dbt
            Skill Gaps
            Engineers moving up tend to lack the following:
            Often Missing
            - Cost modelling
            - Data contracts
            Salary Range
            Pay depends heavily on city and company stage:
            Base Pay
            - Entry: $120,000 - $150,000
            - Senior: $150k–$200k
            - Staff: 190,000 to 240,000 USD
            - Principal: up to $300,000+
            Career Paths
            Three directions are common from here:
            Individual Contributor
            - Principal Data Engineer
            Management
            - Data Engineering Manager
            Team Rituals
            Some habits that appear across strong data teams:
            Weekly Demo
            - Show one pipeline change to stakeholders
            Industry Trends
            Several shifts shape the work:
            Lakehouse Formats
            Open table formats replace many warehouse-only setups.
            Streaming by Default
            More teams treat batch as a special case of streaming. These shifts reward engineers who understand storage and compute as one system.
            Market Outlook
            Hiring for platform-minded data engineers remains steady:
            Demand Signals
            - Postings mention data contracts more often than before
            Challenges
            Expect friction in a few places:
            Ownership Gaps
            - Nobody owns the upstream schema
            Soft Skills
            The job is half negotiation:
            Listening
            - Ask what a dashboard is really for
            Development Suggestions
            Concrete ways to grow:
            Projects
            - Build a cost report for your own pipelines
            Next Steps
            Start small and ship:
            This Month
            1. Map every table you own.
            2. Delete one unused job.
            """;

    private static ParsedGuide parse(String text) throws GuideParseException {
        return new GuideParser().parse(text, null);
    }

    private static List<String> lines() {
        return List.of(DOC.split("\n", -1));
    }

    @Test
    void kindsInOrderIncludingUnknownSection() throws Exception {
        ParsedGuide g = parse(DOC);
        assertEquals("Staff Data Engineer", g.title());
        assertEquals(Layout.LONG_FORM, g.layout());
        assertEquals(
                List.of(
                        OVERVIEW,
                        RESPONSIBILITIES,
                        SKILLS,
                        SKILL_GAPS,
                        SALARY,
                        CAREER_PATHS,
                        OTHER,
                        INDUSTRY_TRENDS,
                        MARKET_DEMAND,
                        CHALLENGES,
                        SOFT_SKILLS,
                        DEVELOPMENT_SUGGESTIONS,
                        NEXT_STEPS),
                g.sections().stream().map(ParsedSection::kind).toList());
    }

    @Test
    void unknownHeadingWithIntroIsKeptAsOtherWithWarning() throws Exception {
        ParsedGuide g = parse(DOC);
        ParsedSection other =
                g.sections().stream().filter(s -> s.kind() == OTHER).findFirst().orElseThrow();
        assertEquals("Team Rituals", other.heading());
        assertEquals(1, other.topics().size());
        assertEquals(1, g.warnings().size());
        assertEquals(other.line(), g.warnings().get(0).line());
        assertTrue(g.warnings().get(0).message().contains("Team Rituals"));
    }

    @Test
    void sectionWordsInsideOverviewStayTopics() throws Exception {
        ParsedSection overview = parse(DOC).sections().get(0);
        assertEquals(
                List.of("What the Job Involves"),
                overview.topics().stream().map(ParsedTopic::title).toList());
    }

    @Test
    void allBulletStylesAndIndentedBulletsBecomeItems() throws Exception {
        List<String> lines = lines();
        ParsedGuide g = parse(DOC);
        for (ParsedSection s : g.sections()) {
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem i : t.items()) {
                    assertTrue(lines.get(i.line() - 1).contains(i.text()), i::toString);
                    assertFalse(i.text().matches("^[-*\u2022].*"), i::toString);
                }
            }
        }
        ParsedSection skills = g.sections().get(2);
        assertEquals(
                List.of("Airflow", "dbt"),
                skills.topics().get(1).items().stream().map(ParsedItem::text).toList());
    }

    @Test
    void crlfAndTabsGiveTheSameResult() throws Exception {
        ParsedGuide lf = parse(DOC);
        ParsedGuide crlf = parse(DOC.replace("\n", "\r\n").replace("    ", "\t"));
        assertEquals(lf, crlf);
    }

    @Test
    void gluedClosingWithOverallIsSplitFromLastBullet() throws Exception {
        ParsedSection resp = parse(DOC).sections().get(1);
        ParsedTopic mentoring = resp.topics().get(1);
        assertEquals("Run design reviews", mentoring.items().get(1).text());
        assertEquals("In this role you will mostly:", resp.summary().split("\n")[0]);
        assertTrue(resp.summary().split("\n")[1].startsWith("Overall, a staff engineer"));
    }

    @Test
    void closingSentenceInLastParagraphMovesToSummary() throws Exception {
        ParsedSection trends = parse(DOC).sections().get(7);
        assertEquals(2, trends.topics().size());
        assertEquals(
                "More teams treat batch as a special case of streaming.",
                trends.topics().get(1).text());
        assertTrue(trends.summary().endsWith("as one system."));
        assertEquals(0, trends.topics().get(0).items().size());
    }

    @Test
    void salaryLinesOfManyShapes() throws Exception {
        List<ParsedSalary> s = parse(DOC).salaries();
        assertEquals(4, s.size());
        assertEquals(new ParsedSalary("Entry", 120_000L, 150_000L, "USD", "Entry: $120,000 - $150,000", 30), s.get(0));
        assertEquals(
                List.of(150_000L, 200_000L), List.of(s.get(1).min(), s.get(1).max()));
        assertEquals(
                List.of(190_000L, 240_000L), List.of(s.get(2).min(), s.get(2).max()));
        assertEquals("USD", s.get(2).currency());
        assertNull(s.get(3).min());
        assertEquals(300_000L, s.get(3).max());
        assertEquals("Principal", s.get(3).label());
    }

    @Test
    void skillMentionsTakeLabelsTitlesAndShortItems() throws Exception {
        List<ParsedSkillMention> skills = parse(DOC).skills();
        // "Languages" and "Orchestration" title lists of skills; they are groups, not skills.
        assertEquals(
                List.of("SQL", "Python", "Airflow", "dbt", "Cost modelling", "Data contracts"),
                skills.stream().map(ParsedSkillMention::name).toList());
        assertEquals(SKILL_GAPS, skills.get(skills.size() - 1).sectionKind());
    }

    @Test
    void numberedStepsAreItemsWithNumbersStripped() throws Exception {
        ParsedSection next = parse(DOC).sections().get(12);
        assertEquals(
                List.of("Map every table you own.", "Delete one unused job."),
                next.topics().get(0).items().stream().map(ParsedItem::text).toList());
    }

    @Test
    void overrideWinsOverInferredTitle() throws Exception {
        assertEquals(
                "Data Platform Lead",
                new GuideParser().parse(DOC, "  Data Platform Lead ").title());
        assertEquals("Staff Data Engineer", new GuideParser().parse(DOC, "  ").title());
    }

    @Test
    void parsingIsDeterministicAndThreadSafe() throws Exception {
        GuideParser parser = new GuideParser();
        ParsedGuide expected = parser.parse(DOC, null);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Object> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 20; k++) {
                    try {
                        results.add(parser.parse(DOC, null));
                    } catch (GuideParseException e) {
                        results.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(160, results.size());
        results.forEach(r -> assertEquals(expected, r));
    }
}
