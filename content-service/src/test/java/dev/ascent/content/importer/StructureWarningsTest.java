package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings that tell the user the outline may be a misread. */
class StructureWarningsTest {

    private static List<ParseWarning> warnings(String doc) throws Exception {
        return new GuideParser().parse(doc, "Test Role").warnings();
    }

    @Test
    void fewerThanThreeSectionsIsSaid() throws Exception {
        List<ParseWarning> w = warnings("""
                Overview
                A short guide.
                Skills
                - SQL
                - Python
                """);
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).message().startsWith("only 2 sections were recognized"), w::toString);
    }

    @Test
    void oneSectionSwallowingMoreThanHalfIsSaid() throws Exception {
        StringBuilder doc = new StringBuilder("Overview\nA guide.\nSkills\n- SQL\nResponsibilities\n");
        for (int i = 0; i < 12; i++) {
            doc.append("- Task number ").append(i).append('\n');
        }
        List<ParseWarning> w = warnings(doc.toString());
        assertEquals(1, w.size(), w::toString);
        assertTrue(
                w.get(0)
                        .message()
                        .startsWith("section \"Responsibilities\" (line 5) holds 13 of the guide's 17" + " lines"),
                w::toString);
        assertEquals(5, w.get(0).line());
    }

    @Test
    void aBalancedGuideHasNoStructureWarning() throws Exception {
        assertEquals(List.of(), warnings("""
                Overview
                A guide.
                Skills
                - SQL
                Responsibilities
                - Task
                """));
    }

    @Test
    void topLevelHeadingsDirectlyFollowedBySubHeadingsAreSections() throws Exception {
        ParsedGuide g = new GuideParser().parse("""
                Overview
                Summary
                A Staff Data Engineer shapes the data platform.
                Core Responsibilities
                Pipelines
                - Own ingestion
                Requirements
                Technical Skills
                - SQL
                Soft Skills
                - Negotiation
                Career Development
                Career Paths
                - Principal Data Engineer
                Best Practices
                - Test every pipeline
                Challenges
                Ownership
                - Nobody owns the schema
                """, null);
        assertEquals(
                List.of(
                        SectionKind.OVERVIEW,
                        SectionKind.RESPONSIBILITIES,
                        SectionKind.REQUIREMENTS,
                        SectionKind.CAREER_DEVELOPMENT,
                        SectionKind.BEST_PRACTICES,
                        SectionKind.CHALLENGES),
                g.sections().stream().map(ParsedSection::kind).toList());
        assertEquals(
                List.of("Technical Skills", "Soft Skills"),
                g.sections().get(2).topics().stream().map(ParsedTopic::title).toList());
        assertEquals(List.of(), g.warnings());
    }
}
