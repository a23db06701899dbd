package dev.ascent.content.importer;

import dev.ascent.content.catalog.RoleView;
import dev.ascent.content.catalog.RoleView.Provenance;
import dev.ascent.content.catalog.SkillWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The role a dry run would store: the parse alone, without ids (0) and without other sources merged in. */
final class Preview {

    private Preview() {}

    static RoleView of(String slug, ParsedGuide guide, String sourceName, String sha, int lineCount) {
        List<RoleView.Section> sections = new ArrayList<>();
        for (ParsedSection s : guide.sections()) {
            List<RoleView.Topic> topics = s.topics().stream()
                    .map(t -> new RoleView.Topic(
                            0,
                            t.title(),
                            t.text(),
                            t.items().stream()
                                    .map(i -> new RoleView.Item(0, i.text(), new Provenance(sourceName, i.line())))
                                    .toList(),
                            new Provenance(sourceName, t.line())))
                    .toList();
            sections.add(new RoleView.Section(
                    0, s.kind(), s.heading(), s.intro(), s.closing(), topics, new Provenance(sourceName, s.line())));
        }
        sections.sort(Comparator.comparing(RoleView.Section::kind));
        Map<String, RoleView.SkillWeight> skills = new LinkedHashMap<>();
        for (ParsedSkillMention m : guide.skills()) {
            String key = SkillKeys.key(m.name());
            skills.merge(
                    key,
                    new RoleView.SkillWeight(key, m.name(), SkillWeights.of(m.sectionKind())),
                    (a, b) -> new RoleView.SkillWeight(a.key(), a.displayName(), a.weight() + b.weight()));
        }
        List<RoleView.SkillWeight> skillList = new ArrayList<>(skills.values());
        skillList.sort(Comparator.comparingDouble(RoleView.SkillWeight::weight).reversed());
        List<RoleView.Salary> salaries = guide.salaries().stream()
                .map(s -> new RoleView.Salary(
                        s.label(),
                        s.min(),
                        s.max(),
                        s.currency() == null ? "" : s.currency(),
                        ImportWriter.period(s.raw()),
                        s.raw(),
                        new Provenance(sourceName, s.line())))
                .toList();
        String summary = guide.sections().stream()
                .filter(s -> s.kind() == SectionKind.OVERVIEW)
                .findFirst()
                .map(s -> s.intro().lines().findFirst().orElse(""))
                .orElse("");
        return new RoleView(
                0,
                slug,
                guide.title(),
                summary,
                0,
                Instant.EPOCH,
                sections,
                skillList,
                salaries,
                List.of(new RoleView.Source(sourceName, 0, sha, Instant.EPOCH, lineCount)));
    }

    static ImportCounts counts(ParsedGuide guide) {
        int topics = guide.sections().stream().mapToInt(s -> s.topics().size()).sum();
        int items = guide.sections().stream()
                .flatMap(s -> s.topics().stream())
                .mapToInt(t -> t.items().size())
                .sum();
        long skills = guide.skills().stream()
                .map(m -> SkillKeys.key(m.name()))
                .distinct()
                .count();
        return new ImportCounts(
                guide.sections().size(),
                topics,
                items,
                0,
                0,
                (int) skills,
                guide.salaries().size(),
                false);
    }
}
