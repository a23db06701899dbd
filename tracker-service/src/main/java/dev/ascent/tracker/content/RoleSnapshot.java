package dev.ascent.tracker.content;

import java.util.List;

/**
 * What the tracker needs of a role from the content service, copied at plan creation: later catalog changes do
 * not rewrite a plan.
 */
public record RoleSnapshot(
        String name, String title, int revision, List<Section> sections, List<Skill> skills, List<Practice> practice) {

    /** {@code kind} is the content SectionKind without its prefix, e.g. "NEXT_STEPS". */
    public record Section(String kind, List<Topic> topics) {}

    public record Topic(String name, String title, String text, List<Item> items) {}

    public record Item(String name, String text, String sourceName, int line) {}

    /** {@code key} is the skill's normalized key ({@code skills/{key}} without the prefix). */
    public record Skill(String key, String displayName, double weight) {}

    /** A design prompt or checklist to practise with: {@code designPrompts/...} or {@code checklists/...}. */
    public record Practice(String name, String title, String description, int suggestedMinutes, int stepCount) {}

    public List<Topic> topics(String kind) {
        return sections.stream()
                .filter(s -> s.kind().equals(kind))
                .findFirst()
                .map(Section::topics)
                .orElse(List.of());
    }
}
