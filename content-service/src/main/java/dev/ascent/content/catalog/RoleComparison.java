package dev.ascent.content.catalog;

import dev.ascent.content.importer.SectionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the target role asks for that the current role does not: skills by the target's weight, and topics with no
 * similarly titled topic in the current role (word overlap of the titles, so "Model Monitoring" and "Monitoring
 * Models" count as the same topic), ranked by where they appear and how much they contain.
 */
public final class RoleComparison {

    /** Sections that describe the market rather than the work; they are not gaps to close. */
    private static final Set<SectionKind> NOT_GAPS = Set.of(
            SectionKind.OVERVIEW,
            SectionKind.SALARY,
            SectionKind.MARKET_DEMAND,
            SectionKind.INDUSTRY_TRENDS,
            SectionKind.OTHER);

    private static final Set<String> STOP_WORDS = Set.of(
            "and", "the", "of", "for", "in", "to", "a", "an", "with", "on", "at", "by", "your", "skills", "skill");

    public record SkillGap(String key, String displayName, double weight) {}

    public record TopicGap(long topicId, String title, SectionKind kind, double score) {}

    public record Result(List<SkillGap> missingSkills, List<TopicGap> missingTopics, List<String> sharedSkills) {}

    private RoleComparison() {}

    public static Result compare(RoleView from, RoleView to, int max) {
        Map<String, RoleView.SkillWeight> fromSkills =
                from.skills().stream().collect(Collectors.toMap(RoleView.SkillWeight::key, Function.identity()));
        List<SkillGap> missing = to.skills().stream()
                .filter(s -> !fromSkills.containsKey(s.key()))
                .map(s -> new SkillGap(s.key(), s.displayName(), s.weight()))
                .sorted(Comparator.comparingDouble(SkillGap::weight).reversed().thenComparing(SkillGap::key))
                .limit(max)
                .toList();
        List<String> shared = to.skills().stream()
                .filter(s -> fromSkills.containsKey(s.key()))
                .map(RoleView.SkillWeight::displayName)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();

        List<Set<String>> fromTitles = new ArrayList<>();
        from.sections().forEach(s -> s.topics().forEach(t -> fromTitles.add(words(t.title()))));
        List<TopicGap> topics = new ArrayList<>();
        for (RoleView.Section section : to.sections()) {
            if (NOT_GAPS.contains(section.kind())) {
                continue;
            }
            for (RoleView.Topic topic : section.topics()) {
                Set<String> title = words(topic.title());
                if (title.isEmpty() || fromTitles.stream().anyMatch(f -> similar(f, title))) {
                    continue;
                }
                double score = SkillWeights.of(section.kind())
                        * (1 + Math.min(topic.items().size(), 10) / 5.0);
                topics.add(new TopicGap(topic.id(), topic.title(), section.kind(), Math.round(score * 100) / 100.0));
            }
        }
        topics.sort(Comparator.comparingDouble(TopicGap::score).reversed().thenComparing(TopicGap::title));
        return new Result(missing, topics.stream().limit(max).toList(), shared);
    }

    static Set<String> words(String title) {
        Set<String> out = new HashSet<>();
        Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+"))
                .filter(w -> w.length() > 1 && !STOP_WORDS.contains(w))
                .map(w -> w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w)
                .forEach(out::add);
        return out;
    }

    /** Jaccard similarity of at least one half. */
    static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        long common = a.stream().filter(b::contains).count();
        return common * 2 >= a.size() + b.size() - common;
    }
}
