package dev.ascent.tracker.content;

import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.Topic;
import java.util.List;

/** Content protos to the tracker's snapshot records, so proto types stay at the edge. */
final class ContentMapper {

    private ContentMapper() {
    }

    static RoleSnapshot snapshot(Role role, List<RoleSnapshot.Practice> practice) {
        List<RoleSnapshot.Section> sections = role.getSectionsList().stream().map(ContentMapper::section).toList();
        List<RoleSnapshot.Skill> skills = role.getSkillsList().stream()
                .map(s -> new RoleSnapshot.Skill(s.getSkill().substring("skills/".length()), s.getDisplayName(),
                        s.getWeight()))
                .toList();
        return new RoleSnapshot(role.getName(), role.getTitle(), role.getRevision(), sections, skills, practice);
    }

    private static RoleSnapshot.Section section(Section s) {
        return new RoleSnapshot.Section(s.getKind().name().substring("SECTION_KIND_".length()),
                s.getTopicsList().stream().map(ContentMapper::topic).toList());
    }

    private static RoleSnapshot.Topic topic(Topic t) {
        return new RoleSnapshot.Topic(t.getName(), t.getTitle(), t.getText(), t.getItemsList().stream()
                .map(i -> new RoleSnapshot.Item(i.getName(), i.getText(), i.getProvenance().getSourceName(),
                        i.getProvenance().getLine()))
                .toList());
    }
}
