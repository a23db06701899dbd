package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.tracker.content.RoleSnapshot;
import dev.ascent.tracker.content.RoleSnapshot.Item;
import dev.ascent.tracker.content.RoleSnapshot.Practice;
import dev.ascent.tracker.content.RoleSnapshot.Section;
import dev.ascent.tracker.content.RoleSnapshot.Skill;
import dev.ascent.tracker.content.RoleSnapshot.Topic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private static Topic topic(String title, String... items) {
        return new Topic(
                "roles/r/topics/1",
                title,
                "",
                java.util.Arrays.stream(items)
                        .map(t -> new Item("roles/r/items/" + Math.abs(t.hashCode()), t, "guide.txt", 3))
                        .toList());
    }

    private static final List<Skill> SKILLS = List.of(
            new Skill("python", "Python", 9),
            new Skill("distributed system", "Distributed Systems", 6),
            new Skill("sql", "SQL", 2));
    private static final List<Practice> PRACTICE = List.of(
            new Practice("designPrompts/feature-store", "Feature Store", "", 45, 8),
            new Practice("checklists/7", "Testing", "", 0, 4));

    @Test
    void nextStepsComeFirstThenGapsThenLowRatedSkillsThenPractice() {
        RoleSnapshot role = new RoleSnapshot(
                "roles/r",
                "Staff Engineer",
                3,
                List.of(
                        new Section("SKILL_GAPS", List.of(topic("", "Causal inference"))),
                        new Section("NEXT_STEPS", List.of(topic("", "Ship a model", "Write a design doc")))),
                SKILLS,
                PRACTICE);
        List<PlanDraft> drafts = PlanBuilder.build(role, Map.of("skills/sql", 1, "Distributed System", 2, "python", 5));
        assertEquals(
                List.of(
                        "Ship a model",
                        "Write a design doc",
                        "Close the skill gap: Causal inference",
                        "Strengthen Distributed Systems",
                        "Strengthen SQL",
                        "Practise system design: Feature Store",
                        "Practise the checklist: Testing"),
                drafts.stream().map(PlanDraft::title).toList());
        assertEquals(
                List.of(
                        ItemKind.NEXT_STEP,
                        ItemKind.NEXT_STEP,
                        ItemKind.SKILL_GAP,
                        ItemKind.SKILL,
                        ItemKind.SKILL,
                        ItemKind.PRACTICE,
                        ItemKind.PRACTICE),
                drafts.stream().map(PlanDraft::kind).toList());
        assertEquals(360, drafts.get(0).estimatedMinutes());
        assertEquals(9 * 60, drafts.get(3).estimatedMinutes(), "rated 2: 3 h per point below 5");
        assertEquals(12 * 60, drafts.get(4).estimatedMinutes(), "rated 1");
        assertEquals("guide.txt", drafts.get(0).sourceName());
    }

    @Test
    void withoutNextStepsCareerDevelopmentAndTopSkillsLead() {
        RoleSnapshot role = new RoleSnapshot(
                "roles/r",
                "Scientist",
                1,
                List.of(
                        new Section("CAREER_DEVELOPMENT", List.of(topic("Growth", "Lead a research agenda"))),
                        new Section("BEST_PRACTICES", List.of(topic("Testing", "Test data pipelines")))),
                SKILLS,
                PRACTICE);
        List<PlanDraft> drafts = PlanBuilder.build(role, Map.of());
        assertEquals(ItemKind.CAREER_DEVELOPMENT, drafts.get(0).kind());
        assertEquals("Lead a research agenda", drafts.get(0).title());
        assertEquals("Strengthen Python", drafts.get(1).title(), "highest-weight skill first");
        assertTrue(drafts.stream().anyMatch(d -> d.kind() == ItemKind.PRACTICE));
    }

    @Test
    void duplicateTitlesAppearOnce() {
        RoleSnapshot role = new RoleSnapshot(
                "roles/r",
                "R",
                1,
                List.of(new Section("NEXT_STEPS", List.of(topic("", "Ship a model"), topic("Again", "ship a model")))),
                List.of(),
                List.of());
        assertEquals(1, PlanBuilder.build(role, Map.of()).size());
    }

    @Test
    void anEmptyRoleGivesAnEmptyPlanRatherThanFailing() {
        assertEquals(
                List.of(),
                PlanBuilder.build(new RoleSnapshot("roles/r", "R", 1, List.of(), List.of(), List.of()), Map.of()));
    }
}
