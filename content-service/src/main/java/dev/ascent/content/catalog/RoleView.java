package dev.ascent.content.catalog;

import dev.ascent.content.importer.SectionKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A role as readers see it: every source merged, sections in canonical kind order. Immutable, so it can be cached
 * and shared between calls.
 */
public record RoleView(
        long id,
        String slug,
        String title,
        String summary,
        int revision,
        Instant updateTime,
        List<Section> sections,
        List<SkillWeight> skills,
        List<Salary> salaries,
        List<Source> sources) {

    public String name() {
        return "roles/" + slug;
    }

    public Optional<Section> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    public List<Topic> topics(SectionKind kind) {
        return section(kind).map(Section::topics).orElse(List.of());
    }

    /** Where a piece of content came from: the source's name and the 1-based line in it. */
    public record Provenance(String sourceName, int line) {}

    public record Section(
            long id,
            SectionKind kind,
            String heading,
            String intro,
            String summary,
            List<Topic> topics,
            Provenance provenance) {}

    public record Topic(long id, String title, String text, List<Item> items, Provenance provenance) {}

    public record Item(long id, String text, Provenance provenance) {}

    public record SkillWeight(String key, String displayName, double weight) {}

    public record Salary(
            String label, Long min, Long max, String currency, String period, String rawText, Provenance provenance) {}

    public record Source(String sourceName, int revision, String sha256, Instant importTime, int lineCount) {}
}
