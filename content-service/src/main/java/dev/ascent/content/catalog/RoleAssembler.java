package dev.ascent.content.catalog;

import dev.ascent.content.catalog.RoleView.Item;
import dev.ascent.content.catalog.RoleView.Provenance;
import dev.ascent.content.catalog.RoleView.Section;
import dev.ascent.content.catalog.RoleView.Topic;
import dev.ascent.content.importer.SectionKind;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the merged {@link RoleView} of a role from its rows. Sections of one kind from several sources become one
 * section (heading from the first source); topics with the same title merge; an item whose text another source
 * already gave is shown once, with the first source's id and provenance.
 */
@Singleton
public class RoleAssembler {

    private final RoleRepository roles;
    private final SourceRepository sources;
    private final StructureRows structure;
    private final SalaryRepository salaries;

    public RoleAssembler(
            RoleRepository roles, SourceRepository sources, StructureRows structure, SalaryRepository salaries) {
        this.roles = roles;
        this.sources = sources;
        this.structure = structure;
        this.salaries = salaries;
    }

    /** One connection for the whole assembly, in autocommit: no transaction, each statement reads the latest commits. */
    @Connectable
    public Optional<RoleView> load(String slug) {
        return roles.findBySlug(slug).map(this::assemble);
    }

    RoleView assemble(RoleRow role) {
        // Each statement reads the latest commits (READ COMMITTED, and no transaction), so the rows that name a
        // source are read before the sources: an import committing between two reads then adds a source without
        // its sections, never a section whose source is missing (its provenance would have no name).
        List<SectionRow> sectionRows = structure.sectionsOfRole(role.id());
        Map<Long, SectionRow> sectionById = new HashMap<>();
        sectionRows.forEach(s -> sectionById.put(s.id(), s));
        Map<Long, List<TopicRow>> topicsBySection = new HashMap<>();
        for (TopicRow t : structure.topicsOfRole(role.id())) {
            topicsBySection
                    .computeIfAbsent(t.sectionId(), k -> new ArrayList<>())
                    .add(t);
        }
        Map<Long, List<ItemRow>> itemsByTopic = new HashMap<>();
        for (ItemRow i : structure.itemsOfRole(role.id())) {
            itemsByTopic.computeIfAbsent(i.topicId(), k -> new ArrayList<>()).add(i);
        }
        List<SalaryRow> salaryRows = salaries.findByRoleIdOrderBySourceIdAndLine(role.id());
        List<SourceRow> sourceRows = sources.findByRoleIdOrderById(role.id());
        Map<Long, String> sourceNames = new HashMap<>();
        sourceRows.forEach(s -> sourceNames.put(s.id(), s.sourceName()));

        Map<SectionKind, List<SectionRow>> byKind = new EnumMap<>(SectionKind.class);
        for (SectionRow s : sectionRows) {
            byKind.computeIfAbsent(SectionKind.valueOf(s.kind()), k -> new ArrayList<>())
                    .add(s);
        }
        List<Section> merged = new ArrayList<>();
        for (Map.Entry<SectionKind, List<SectionRow>> e : byKind.entrySet()) {
            merged.add(mergeSection(e.getKey(), e.getValue(), topicsBySection, itemsByTopic, sourceNames));
        }
        String summary = merged.stream()
                .filter(s -> s.kind() == SectionKind.OVERVIEW)
                .findFirst()
                .map(s -> firstParagraph(
                        s.intro().isEmpty() && !s.topics().isEmpty()
                                ? s.topics().get(0).text()
                                : s.intro()))
                .orElse("");
        return new RoleView(
                role.id(),
                role.slug(),
                role.title(),
                summary,
                role.revision(),
                role.updateTime(),
                List.copyOf(merged),
                skillWeights(role.id()),
                salaries(salaryRows, sourceNames),
                sourceRows.stream()
                        .map(s -> new RoleView.Source(
                                s.sourceName(), s.revision(), s.sha256(), s.importTime(), s.lineCount()))
                        .toList());
    }

    private static Section mergeSection(
            SectionKind kind,
            List<SectionRow> rows,
            Map<Long, List<TopicRow>> topicsBySection,
            Map<Long, List<ItemRow>> itemsByTopic,
            Map<Long, String> sourceNames) {
        SectionRow first = rows.get(0);
        Set<String> intros = new LinkedHashSet<>();
        Set<String> summaries = new LinkedHashSet<>();
        Map<String, TopicBuilder> topicsByTitle = new LinkedHashMap<>();
        for (SectionRow s : rows) {
            String source = sourceNames.get(s.sourceId());
            if (!s.body().isBlank()) {
                intros.add(s.body());
            }
            if (!s.summary().isBlank()) {
                summaries.add(s.summary());
            }
            for (TopicRow t : topicsBySection.getOrDefault(s.id(), List.of())) {
                TopicBuilder b = topicsByTitle.computeIfAbsent(
                        TextKeys.normalize(t.title()),
                        k -> new TopicBuilder(t.id(), t.title(), new Provenance(source, t.line())));
                if (!t.body().isBlank()) {
                    b.texts.add(t.body());
                }
                for (ItemRow i : itemsByTopic.getOrDefault(t.id(), List.of())) {
                    b.items.putIfAbsent(
                            TextKeys.normalize(i.body()), new Item(i.id(), i.body(), new Provenance(source, i.line())));
                }
            }
        }
        List<Topic> topics =
                topicsByTitle.values().stream().map(TopicBuilder::build).toList();
        return new Section(
                first.id(),
                kind,
                first.heading(),
                String.join("\n", intros),
                String.join("\n", summaries),
                topics,
                new Provenance(sourceNames.get(first.sourceId()), first.line()));
    }

    private List<RoleView.SkillWeight> skillWeights(long roleId) {
        Map<Long, Double> weights = new HashMap<>();
        Map<Long, StructureRows.Mention> skillOf = new HashMap<>();
        for (StructureRows.Mention m : structure.mentionsOfRole(roleId)) {
            weights.merge(m.skillId(), SkillWeights.of(SectionKind.valueOf(m.sectionKind())), Double::sum);
            skillOf.putIfAbsent(m.skillId(), m);
        }
        List<RoleView.SkillWeight> out = new ArrayList<>();
        weights.forEach((id, weight) -> out.add(new RoleView.SkillWeight(
                skillOf.get(id).skillKey(), skillOf.get(id).skillName(), weight)));
        out.sort(Comparator.comparingDouble(RoleView.SkillWeight::weight)
                .reversed()
                .thenComparing(RoleView.SkillWeight::key));
        return List.copyOf(out);
    }

    private static List<RoleView.Salary> salaries(List<SalaryRow> rows, Map<Long, String> sourceNames) {
        return rows.stream()
                .map(s -> new RoleView.Salary(
                        s.label(),
                        s.minAmount(),
                        s.maxAmount(),
                        s.currency(),
                        s.period(),
                        s.rawText(),
                        new Provenance(sourceNames.get(s.sourceId()), s.line())))
                .toList();
    }

    private static String firstParagraph(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static final class TopicBuilder {
        final long id;
        final String title;
        final Provenance provenance;
        final Set<String> texts = new LinkedHashSet<>();
        final Map<String, Item> items = new LinkedHashMap<>();

        TopicBuilder(long id, String title, Provenance provenance) {
            this.id = id;
            this.title = title;
            this.provenance = provenance;
        }

        Topic build() {
            return new Topic(id, title, String.join("\n", texts), List.copyOf(items.values()), provenance);
        }
    }
}
