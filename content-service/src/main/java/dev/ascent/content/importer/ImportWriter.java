package dev.ascent.content.importer;

import dev.ascent.content.catalog.ItemRepository;
import dev.ascent.content.catalog.ItemRow;
import dev.ascent.content.catalog.RoleRepository;
import dev.ascent.content.catalog.RoleRow;
import dev.ascent.content.catalog.SalaryRepository;
import dev.ascent.content.catalog.SalaryRow;
import dev.ascent.content.catalog.SectionRepository;
import dev.ascent.content.catalog.SectionRow;
import dev.ascent.content.catalog.SkillMentionRepository;
import dev.ascent.content.catalog.SkillMentionRow;
import dev.ascent.content.catalog.SkillRepository;
import dev.ascent.content.catalog.SkillRow;
import dev.ascent.content.catalog.SourceRepository;
import dev.ascent.content.catalog.SourceRow;
import dev.ascent.content.catalog.TopicRepository;
import dev.ascent.content.catalog.TopicRow;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes one parsed guide into the catalog in a single transaction. Re-importing a source replaces its content but
 * keeps the ids of sections, topics and items whose text did not change (matched by section kind, topic title and
 * text), so plans that point at them stay valid.
 */
@Singleton
public class ImportWriter {

    /** The outcome of a write; {@code unchanged} when the same source was already imported with the same text. */
    public record Written(String slug, ImportCounts counts, boolean unchanged) {}

    /** A guide ready to store: parsed, hashed, and named. */
    public record Document(
            String slug,
            ParsedGuide guide,
            String sourceName,
            String sha256,
            int lineCount,
            boolean titleGiven,
            Cancellation cancellation) {}

    private final RoleRepository roles;
    private final SourceRepository sources;
    private final SectionRepository sections;
    private final TopicRepository topics;
    private final ItemRepository items;
    private final SkillRepository skills;
    private final SkillMentionRepository mentions;
    private final SalaryRepository salaries;
    private final Clock clock;

    public ImportWriter(
            RoleRepository roles,
            SourceRepository sources,
            SectionRepository sections,
            TopicRepository topics,
            ItemRepository items,
            SkillRepository skills,
            SkillMentionRepository mentions,
            SalaryRepository salaries,
            Clock clock) {
        this.roles = roles;
        this.sources = sources;
        this.sections = sections;
        this.topics = topics;
        this.items = items;
        this.skills = skills;
        this.mentions = mentions;
        this.salaries = salaries;
        this.clock = clock;
    }

    @Transactional
    public Written write(Document doc) {
        Instant now = clock.instant();
        boolean roleCreated = false;
        RoleRow role = roles.findBySlugForUpdate(doc.slug()).orElse(null);
        if (role == null) {
            role = roles.save(new RoleRow(null, doc.slug(), doc.guide().title(), 0, now, now));
            roleCreated = true;
        }
        SourceRow source =
                sources.findByRoleIdAndSourceName(role.id(), doc.sourceName()).orElse(null);
        if (source != null && source.sha256().equals(doc.sha256())) {
            return new Written(doc.slug(), ImportCounts.NONE, true);
        }
        int revision = source == null ? 1 : source.revision() + 1;
        SourceRow stored = source == null
                ? sources.save(new SourceRow(
                        null,
                        role.id(),
                        doc.sourceName(),
                        doc.sha256(),
                        doc.guide().layout().name(),
                        doc.lineCount(),
                        revision,
                        now))
                : sources.update(new SourceRow(
                        source.id(),
                        role.id(),
                        doc.sourceName(),
                        doc.sha256(),
                        doc.guide().layout().name(),
                        doc.lineCount(),
                        revision,
                        now));

        Replacement replacement = new Replacement(role.id(), stored.id());
        replacement.apply(doc.guide(), doc.cancellation());
        int skillsLinked = replaceMentions(role.id(), stored.id(), doc.guide());
        int salaryCount = replaceSalaries(role.id(), stored.id(), doc.guide());

        String title = doc.titleGiven() || roleCreated ? doc.guide().title() : role.title();
        roles.update(new RoleRow(role.id(), role.slug(), title, role.revision() + 1, role.createTime(), now));
        return new Written(
                doc.slug(),
                new ImportCounts(
                        doc.guide().sections().size(),
                        replacement.topicCount,
                        replacement.itemsCreated,
                        replacement.itemsKept,
                        replacement.itemsRemoved,
                        skillsLinked,
                        salaryCount,
                        roleCreated),
                false);
    }

    private int replaceMentions(long roleId, long sourceId, ParsedGuide guide) {
        mentions.deleteBySourceId(sourceId);
        Set<Long> linked = new HashSet<>();
        Map<String, Long> skillIds = new HashMap<>();
        for (ParsedSkillMention m : guide.skills()) {
            String key = SkillKeys.key(m.name());
            if (key.isEmpty() || key.length() > 200) {
                continue;
            }
            Long skillId = skillIds.computeIfAbsent(
                    key,
                    k -> skills.findBySkillKey(k)
                            .orElseGet(() -> skills.save(new SkillRow(null, k, displayName(m.name()))))
                            .id());
            mentions.save(new SkillMentionRow(
                    null, roleId, sourceId, skillId, m.sectionKind().name(), m.line()));
            linked.add(skillId);
        }
        return linked.size();
    }

    private int replaceSalaries(long roleId, long sourceId, ParsedGuide guide) {
        salaries.deleteBySourceId(sourceId);
        for (ParsedSalary s : guide.salaries()) {
            salaries.save(new SalaryRow(
                    null,
                    roleId,
                    sourceId,
                    truncate(s.label(), 300),
                    s.min(),
                    s.max(),
                    s.currency() == null ? "" : s.currency(),
                    period(s.raw()),
                    s.raw(),
                    s.line()));
        }
        return guide.salaries().size();
    }

    static String period(String raw) {
        String r = raw.toLowerCase(Locale.ROOT);
        return r.contains("/hr") || r.contains("per hour") || r.contains("hourly") || r.contains("/hour")
                ? "HOUR"
                : "YEAR";
    }

    private static String displayName(String name) {
        return truncate(name.strip().replaceAll("\\s+", " "), 200);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String key(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(p.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()).append('\u0001');
        }
        return b.toString();
    }

    /** Replaces one source's sections, topics and items, reusing rows whose identity did not change. */
    private final class Replacement {
        private final long roleId;
        private final long sourceId;
        private final Map<String, Deque<SectionRow>> oldSections = new HashMap<>();
        private final Map<String, Deque<TopicRow>> oldTopics = new HashMap<>();
        private final Map<String, Deque<ItemRow>> oldItems = new HashMap<>();
        int topicCount;
        int itemsCreated;
        int itemsKept;
        int itemsRemoved;

        Replacement(long roleId, long sourceId) {
            this.roleId = roleId;
            this.sourceId = sourceId;
            Map<Long, SectionRow> sectionById = new HashMap<>();
            for (SectionRow s : sections.findBySourceId(sourceId)) {
                sectionById.put(s.id(), s);
                oldSections
                        .computeIfAbsent(key(s.kind(), s.heading()), k -> new ArrayDeque<>())
                        .add(s);
            }
            Map<Long, String> topicKeys = new HashMap<>();
            for (TopicRow t : topics.findBySourceId(sourceId)) {
                String k = key(sectionById.get(t.sectionId()).kind(), t.title());
                topicKeys.put(t.id(), k);
                oldTopics.computeIfAbsent(k, x -> new ArrayDeque<>()).add(t);
            }
            for (ItemRow i : items.findBySourceId(sourceId)) {
                oldItems.computeIfAbsent(topicKeys.get(i.topicId()) + key(i.body()), x -> new ArrayDeque<>())
                        .add(i);
            }
        }

        /** A cancel part-way throws, and the transaction rolls back whole: nothing of the import is kept. */
        void apply(ParsedGuide guide, Cancellation cancellation) {
            int sectionPosition = 0;
            for (ParsedSection s : guide.sections()) {
                cancellation.check();
                String kind = s.kind().name();
                SectionRow row = new SectionRow(
                        take(oldSections, key(kind, s.heading())),
                        roleId,
                        sourceId,
                        kind,
                        truncate(s.heading(), 300),
                        s.intro(),
                        s.closing(),
                        sectionPosition++,
                        s.line());
                SectionRow section = row.id() == null ? sections.save(row) : sections.update(row);
                int topicPosition = 0;
                for (ParsedTopic t : s.topics()) {
                    cancellation.check();
                    String topicKey = key(kind, t.title());
                    TopicRow trow = new TopicRow(
                            take(oldTopics, topicKey),
                            roleId,
                            section.id(),
                            truncate(t.title(), 300),
                            t.text(),
                            topicPosition++,
                            t.line());
                    TopicRow topic = trow.id() == null ? topics.save(trow) : topics.update(trow);
                    topicCount++;
                    int itemPosition = 0;
                    for (ParsedItem i : t.items()) {
                        Long keep = take(oldItems, topicKey + key(i.text()));
                        ItemRow irow = new ItemRow(keep, roleId, topic.id(), i.text(), itemPosition++, i.line());
                        if (keep == null) {
                            items.save(irow);
                            itemsCreated++;
                        } else {
                            items.update(irow);
                            itemsKept++;
                        }
                    }
                }
            }
            List<Long> staleItems = new ArrayList<>();
            oldItems.values().forEach(q -> q.forEach(i -> staleItems.add(i.id())));
            itemsRemoved = staleItems.size();
            staleItems.forEach(items::deleteById);
            oldTopics.values().forEach(q -> q.forEach(t -> topics.deleteById(t.id())));
            oldSections.values().forEach(q -> q.forEach(s -> sections.deleteById(s.id())));
        }

        private static <T> Long take(Map<String, Deque<T>> pool, String key) {
            Deque<T> queue = pool.get(key);
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            T row = queue.poll();
            if (row instanceof SectionRow s) {
                return s.id();
            }
            if (row instanceof TopicRow t) {
                return t.id();
            }
            return ((ItemRow) row).id();
        }
    }
}
