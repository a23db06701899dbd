package dev.ascent.content.importer;

import static dev.ascent.content.importer.SectionKind.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlatAndEdgeDocumentsTest {
    private static ParsedGuide parse(String doc) throws GuideParseException {
        return new GuideParser().parse(doc, null);
    }

    @Test
    void flatDocumentOpensASectionPerVocabularyHeading() throws Exception {
        String doc = """
                Overview
                As a Site Reliability Engineer, you keep services fast and available.
                Key Responsibilities
                - Define service level objectives
                - Lead incident reviews
                Soft Skills
                - Calm communication under pressure
                Salary Range
                - Mid: $140,000 - $170,000
                Career Paths
                - Staff SRE
                Recommended Next Steps
                1. Write one postmortem this month.
                2. Automate one toil task.
                """;
        ParsedGuide g = parse(doc);
        assertEquals("Site Reliability Engineer", g.title());
        assertEquals(
                List.of(OVERVIEW, RESPONSIBILITIES, SOFT_SKILLS, SALARY, CAREER_PATHS, NEXT_STEPS),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(2, g.sections().get(5).topics().get(0).items().size());
        assertEquals(140_000L, g.salaries().get(0).min());
    }

    @Test
    void unknownHeadingWithParagraphInFlatDocumentIsOther() throws Exception {
        String doc = """
                Overview
                A Product Analyst turns usage data into product decisions.
                Tooling Budget
                Teams usually spend little on tools for this role.
                Key Responsibilities
                - Own the metrics dictionary
                """;
        ParsedGuide g = parse(doc);
        assertEquals(
                List.of(OVERVIEW, OTHER, RESPONSIBILITIES),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(3, g.warnings().get(0).line());
    }

    @Test
    void leadingTitleLineIsUsedAsTitle() throws Exception {
        String doc = """
                Principal Security Engineer
                Overview
                This guide covers what the job looks like day to day.
                Challenges
                - Alert fatigue
                """;
        ParsedGuide g = parse(doc);
        assertEquals("Principal Security Engineer", g.title());
        assertEquals(
                List.of(OVERVIEW, CHALLENGES),
                g.sections().stream().map(ParsedSection::kind).toList());
    }

    @Test
    void prefaceBeforeFirstHeadingIsKeptWithWarning() throws Exception {
        String doc = """
                Compiled from several public postings.
                Overview
                A Cloud Architect designs how systems run in the cloud.
                Best Practices
                - Tag every resource
                """;
        ParsedGuide g = parse(doc);
        assertEquals(OTHER, g.sections().get(0).kind());
        assertEquals(
                "Compiled from several public postings.", g.sections().get(0).summary());
        assertEquals(1, g.warnings().get(0).line());
        assertEquals("Cloud Architect", g.title());
    }

    @Test
    void noRecognizableHeadingIsRejected() {
        GuideParseException e = assertThrows(
                GuideParseException.class,
                () -> parse("Just some notes about a job.\nNothing structured here at all."));
        assertEquals("no recognizable section headings found", e.getMessage());
        assertEquals(0, e.line());
        assertThrows(GuideParseException.class, () -> parse("Random Thoughts\nA paragraph of text."));
    }

    @Test
    void missingTitleIsRejectedWithOverviewLineUnlessOverridden() throws Exception {
        String doc = """
                Overview
                This page describes a demanding job in plain terms.
                Challenges
                - Long hours
                """;
        GuideParseException e = assertThrows(GuideParseException.class, () -> parse(doc));
        assertEquals("could not infer the role title; pass a title", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(
                "Field Technician",
                new GuideParser().parse(doc, "Field Technician").title());
    }

    @Test
    void emptyTextIsRejected() {
        assertThrows(GuideParseException.class, () -> parse("  \n\t\n"));
        assertThrows(GuideParseException.class, () -> parse(null));
    }

    @Test
    void paragraphOnlyTopicsWithDotIntroAreNotSections() throws Exception {
        String doc = """
                Overview
                A QA Lead keeps releases predictable:
                Day to Day
                - Triage the bug queue
                Industry Trends
                Testing practice keeps moving:
                Shift Left
                Teams test earlier in the cycle.
                Career Prospects
                Demand for experienced testers stays healthy in most regions.
                Soft Skills
                A QA lead negotiates a lot:
                Tact
                - Report defects without blame
                """;
        ParsedGuide g = parse(doc);
        assertEquals(
                List.of(OVERVIEW, INDUSTRY_TRENDS, SOFT_SKILLS),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(
                List.of("Shift Left", "Career Prospects"),
                g.sections().get(1).topics().stream().map(ParsedTopic::title).toList());
    }
}
