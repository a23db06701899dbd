package dev.ascent.tracker.content;

import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.ChecklistItem;
import dev.ascent.proto.content.v1.DesignPhase;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.DesignStep;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.Topic;
import java.util.ArrayList;
import java.util.List;

/** Content protos to the tracker's snapshot records, so proto types stay at the edge. */
final class ContentMapper {

    private ContentMapper() {}

    static RoleSnapshot snapshot(Role role, List<RoleSnapshot.Practice> practice) {
        List<RoleSnapshot.Section> sections =
                role.getSectionsList().stream().map(ContentMapper::section).toList();
        List<RoleSnapshot.Skill> skills = role.getSkillsList().stream()
                .map(s -> new RoleSnapshot.Skill(
                        s.getSkill().substring("skills/".length()), s.getDisplayName(), s.getWeight()))
                .toList();
        return new RoleSnapshot(role.getName(), role.getTitle(), role.getRevision(), sections, skills, practice);
    }

    private static RoleSnapshot.Section section(Section s) {
        return new RoleSnapshot.Section(
                s.getKind().name().substring("SECTION_KIND_".length()),
                s.getTopicsList().stream().map(ContentMapper::topic).toList());
    }

    private static RoleSnapshot.Topic topic(Topic t) {
        return new RoleSnapshot.Topic(
                t.getName(),
                t.getTitle(),
                t.getText(),
                t.getItemsList().stream()
                        .map(i -> new RoleSnapshot.Item(
                                i.getName(),
                                i.getText(),
                                i.getProvenance().getSourceName(),
                                i.getProvenance().getLine()))
                        .toList());
    }

    static PracticeMaterial material(DesignPrompt prompt) {
        List<PracticeMaterial.Step> steps = new ArrayList<>();
        for (DesignStep s : prompt.getStepsList()) {
            String phase =
                    s.getPhase() == DesignPhase.DESIGN_PHASE_UNSPECIFIED || s.getPhase() == DesignPhase.UNRECOGNIZED
                            ? ""
                            : s.getPhase().name().substring("DESIGN_PHASE_".length());
            steps.add(new PracticeMaterial.Step(s.getName(), phase, s.getTitle(), s.getText()));
        }
        return new PracticeMaterial(prompt.getName(), prompt.getTitle(), prompt.getScenario(), steps);
    }

    /** Checklist items have only text, which is also their title. */
    static PracticeMaterial material(Checklist checklist) {
        List<PracticeMaterial.Step> steps = new ArrayList<>();
        for (ChecklistItem item : checklist.getItemsList()) {
            steps.add(new PracticeMaterial.Step(item.getName(), "", item.getText(), item.getText()));
        }
        return new PracticeMaterial(checklist.getName(), checklist.getTitle(), "", steps);
    }
}
