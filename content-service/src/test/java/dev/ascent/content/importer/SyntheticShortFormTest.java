package dev.ascent.content.importer;

import static dev.ascent.content.importer.SectionKind.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticShortFormTest {
    static final String DOC = """
            Senior MLOps Engineer
            Career GuideOverviewA Senior MLOps Engineer keeps model delivery boring, repeatable and observable.
            Key Responsibilities
            * Own the path from notebook to production
            \u2022 Keep model registries tidy
            - Tune GPU scheduling for training jobs
            Top Skills for Success
            Kubernetes
            Terraform
            MLflow
            Skill Gaps
            Often Missing Skills
            Cost OptimizationGitHub ActionsIncident ResponseXGBoost Serving
            Salary Range
            Entry LevelUSD 120,000 to 150,000
            Staff Level$180k\u2013$230k
            Certifications To Consider
            - Cloud practitioner badge
            Recommended Next Steps
            1Ship a small pipeline with automated retraining2Write a runbook for a failed deployment3Join an on-call rotation
            """;

    private static ParsedGuide parse() throws GuideParseException {
        return new GuideParser().parse(DOC, null);
    }

    @Test
    void layoutTitleAndKinds() throws Exception {
        ParsedGuide g = parse();
        assertEquals(Layout.SHORT_FORM, g.layout());
        assertEquals("Senior MLOps Engineer", g.title());
        assertEquals(
                List.of(OVERVIEW, RESPONSIBILITIES, SKILLS, SKILL_GAPS, SALARY, NEXT_STEPS),
                g.sections().stream().map(ParsedSection::kind).toList());
    }

    @Test
    void overviewGluedToMarkerAndProseBecomesSummary() throws Exception {
        ParsedSection overview = parse().sections().get(0);
        assertEquals("Overview", overview.heading());
        assertEquals(2, overview.line());
        assertTrue(overview.summary().startsWith("A Senior MLOps Engineer keeps"));
        assertTrue(overview.topics().isEmpty());
    }

    @Test
    void threeBulletStyles() throws Exception {
        ParsedTopic t = parse().sections().get(1).topics().get(0);
        assertEquals("", t.title());
        assertEquals(3, t.items().size());
        assertEquals(List.of(4, 5, 6), t.items().stream().map(ParsedItem::line).toList());
    }

    @Test
    void runTogetherSplitKeepsCamelCaseNames() throws Exception {
        ParsedTopic gaps = parse().sections().get(3).topics().get(0);
        assertEquals("Often Missing Skills", gaps.title());
        assertEquals(
                List.of("Cost Optimization", "GitHub Actions", "Incident Response", "XGBoost Serving"),
                gaps.items().stream().map(ParsedItem::text).toList());
        assertEquals(
                List.of("Kubernetes", "Terraform", "MLflow"),
                parse().sections().get(2).topics().get(0).items().stream()
                        .map(ParsedItem::text)
                        .toList());
    }

    @Test
    void unknownHeadingFollowedByBulletsIsATopic() throws Exception {
        ParsedSection salary = parse().sections().get(4);
        assertEquals(
                List.of("", "Certifications To Consider"),
                salary.topics().stream().map(ParsedTopic::title).toList());
    }

    @Test
    void salariesWithGluedLabels() throws Exception {
        List<ParsedSalary> s = parse().salaries();
        assertEquals(2, s.size());
        assertEquals(
                new ParsedSalary("Entry Level", 120_000L, 150_000L, "USD", "Entry LevelUSD 120,000 to 150,000", 15),
                s.get(0));
        assertEquals("Staff Level", s.get(1).label());
        assertEquals(
                List.of(180_000L, 230_000L), List.of(s.get(1).min(), s.get(1).max()));
    }

    @Test
    void stepsGluedOnOneLine() throws Exception {
        ParsedTopic steps = parse().sections().get(5).topics().get(0);
        assertEquals(
                List.of(
                        "Ship a small pipeline with automated retraining",
                        "Write a runbook for a failed deployment",
                        "Join an on-call rotation"),
                steps.items().stream().map(ParsedItem::text).toList());
        assertTrue(steps.items().stream().allMatch(i -> i.line() == 20));
    }

    @Test
    void skillsFromSkillsAndGaps() throws Exception {
        List<ParsedSkillMention> skills = parse().skills();
        assertEquals(7, skills.size());
        assertEquals(new ParsedSkillMention("GitHub Actions", SKILL_GAPS, 13), skills.get(4));
    }

    @Test
    void unknownGroupHeadingBeforeALabelIsOtherWithWarning() throws Exception {
        String doc = """
                Data Analyst
                Career Guide
                Key Responsibilities
                - Build weekly reports
                Helpful Background
                Related Roles
                Business Analyst
                """;
        ParsedGuide g = new GuideParser().parse(doc, null);
        assertEquals(
                List.of(RESPONSIBILITIES, OTHER),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(5, g.warnings().get(0).line());
        assertEquals("Related Roles", g.sections().get(1).topics().get(0).title());
    }

    @Test
    void shortFormWithCrlf() throws Exception {
        assertEquals(parse(), new GuideParser().parse(DOC.replace("\n", "\r\n"), null));
    }
}
