package dev.ascent.content.importer;

import dev.ascent.common.db.BatchInserts;
import dev.ascent.common.db.SqlLongs;
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
import dev.ascent.content.catalog.StructureRows;
import dev.ascent.content.catalog.TextKeys;
import dev.ascent.content.catalog.TopicRepository;
import dev.ascent.content.catalog.TopicRow;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes one parsed guide into the catalog in a single transaction. Re-importing a source replaces its content but
 * keeps the ids of sections, topics and items whose text did not change (matched by section kind, topic title and
 * text), so plans that point at them stay valid. It writes only what changed: a kept row that moved no line is not
 * written, skill mentions and salary ranges are compared with the stored ones, and new items and mentions go in one
 * batch each, so editing one bullet of a large guide is a handful of statements, not a few hundred
 * ({@code ReimportContract} checks that the result equals a fresh import of the new text).
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
    private final StructureRows structure;
    private final SkillRepository skills;
    private final SkillMentionRepository mentions;
    private final SalaryRepository salaries;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public ImportWriter(
            RoleRepository roles,
            SourceRepository sources,
            SectionRepository sections,
            TopicRepository topics,
            StructureRows structure,
            SkillRepository skills,
            SkillMentionRepository mentions,
            SalaryRepository salaries,
            JdbcOperations jdbc,
            Clock clock) {
        this.roles = roles;
        this.sources = sources;
        this.sections = sections;
        this.topics = topics;
        this.structure = structure;
        this.skills = skills;
        this.mentions = mentions;
        this.salaries = salaries;
        this.jdbc = jdbc;
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

    /**
     * Brings the source's skill mentions to the guide's: a mention that is still there (same skill, section kind and
     * line) stays, the rest are deleted, the new ones inserted in one batch. A re-import that moved no line writes
     * none. The skills are looked up in one query; a skill no role mentioned before is created.
     */
    private int replaceMentions(long roleId, long sourceId, ParsedGuide guide) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ParsedSkillMention m : guide.skills()) {
            String key = SkillKeys.key(m.name());
            if (!key.isEmpty() && key.length() <= 200) {
                names.putIfAbsent(key, m.name());
            }
        }
        Map<String, Long> skillIds = new HashMap<>();
        if (!names.isEmpty()) {
            skills.findBySkillKeyIn(names.keySet()).forEach(k -> skillIds.put(k.skillKey(), k.id()));
        }
        // A key the batch did not return as is may still equal a stored one under the column's collation (accents,
        // case): looked up alone, as before, it finds that row rather than colliding with it.
        names.forEach((key, name) -> skillIds.computeIfAbsent(
                key,
                k -> skills.findBySkillKey(k)
                        .orElseGet(() -> skills.save(new SkillRow(null, k, displayName(name))))
                        .id()));

        Map<SkillMentionRow, Deque<Long>> old = new HashMap<>();
        for (SkillMentionRow m : mentions.findBySourceId(sourceId)) {
            old.computeIfAbsent(withoutId(m), k -> new ArrayDeque<>()).add(m.id());
        }
        List<SkillMentionRow> added = new ArrayList<>();
        Set<Long> linked = new HashSet<>();
        for (ParsedSkillMention m : guide.skills()) {
            Long skillId = skillIds.get(SkillKeys.key(m.name()));
            if (skillId == null) {
                continue;
            }
            SkillMentionRow row = new SkillMentionRow(
                    null, roleId, sourceId, skillId, m.sectionKind().name(), m.line());
            if (take(old, row) == null) {
                added.add(row);
            }
            linked.add(skillId);
        }
        deleteByIds("skill_mention", leftovers(old));
        BatchInserts.insert(
                jdbc,
                "INSERT INTO skill_mention (role_id, source_id, skill_id, section_kind, line) VALUES (?, ?, ?, ?, ?)",
                added,
                (ps, m) -> {
                    ps.setLong(1, m.roleId());
                    ps.setLong(2, m.sourceId());
                    ps.setLong(3, m.skillId());
                    ps.setString(4, m.sectionKind());
                    ps.setInt(5, m.line());
                });
        return linked.size();
    }

    /** Like the mentions: ranges that are still there stay, the rest go, new ones are inserted in one batch. */
    private int replaceSalaries(long roleId, long sourceId, ParsedGuide guide) {
        Map<SalaryRow, Deque<Long>> old = new HashMap<>();
        for (SalaryRow r : salaries.findBySourceId(sourceId)) {
            old.computeIfAbsent(withoutId(r), k -> new ArrayDeque<>()).add(r.id());
        }
        List<SalaryRow> added = new ArrayList<>();
        for (ParsedSalary s : guide.salaries()) {
            SalaryRow row = new SalaryRow(
                    null,
                    roleId,
                    sourceId,
                    truncate(s.label(), 300),
                    s.min(),
                    s.max(),
                    s.currency() == null ? "" : s.currency(),
                    period(s.raw()),
                    s.raw(),
                    s.line());
            if (take(old, row) == null) {
                added.add(row);
            }
        }
        deleteByIds("salary_range", leftovers(old));
        added.forEach(salaries::save); // a guide names a handful at most
        return guide.salaries().size();
    }

    private static SkillMentionRow withoutId(SkillMentionRow m) {
        return new SkillMentionRow(null, m.roleId(), m.sourceId(), m.skillId(), m.sectionKind(), m.line());
    }

    private static SalaryRow withoutId(SalaryRow r) {
        return new SalaryRow(
                null,
                r.roleId(),
                r.sourceId(),
                r.label(),
                r.minAmount(),
                r.maxAmount(),
                r.currency(),
                r.period(),
                r.rawText(),
                r.line());
    }

    /** Takes one of the rows kept under {@code key}, or null when none is left. */
    private static <K, T> T take(Map<K, Deque<T>> pool, K key) {
        Deque<T> queue = pool.get(key);
        return queue == null ? null : queue.poll();
    }

    private static List<Long> leftovers(Map<?, Deque<Long>> pool) {
        List<Long> ids = new ArrayList<>();
        pool.values().forEach(ids::addAll);
        return ids;
    }

    /** Deletes rows of {@code table} by id, up to 500 ids a statement. */
    private void deleteByIds(String table, List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.prepareStatement(
                    "DELETE FROM " + table + " WHERE id IN (" + SqlLongs.marks(chunk.size()) + ")", ps -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setLong(i + 1, chunk.get(i));
                        }
                        return ps.executeUpdate();
                    });
        }
    }

    /** Sets one UPDATE's parameters from a row. */
    @FunctionalInterface
    private interface UpdateBinder<T> {
        void bind(java.sql.PreparedStatement ps, T row) throws java.sql.SQLException;
    }

    /** One JDBC batch of an UPDATE (inserts go through {@link BatchInserts}). */
    private <T> void batch(String sql, List<T> rows, UpdateBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
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
            b.append(TextKeys.normalize(p)).append('\u0001');
        }
        return b.toString();
    }

    /**
     * Replaces one source's sections, topics and items, reusing rows whose identity did not change. A reused row is
     * written only when something of it changed (its position, line, text or parent), so a re-import that moved no
     * line writes none; new items are inserted in one batch.
     */
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
            for (SectionRow s : structure.sectionsOfSource(sourceId)) {
                sectionById.put(s.id(), s);
                oldSections
                        .computeIfAbsent(key(s.kind(), s.heading()), k -> new ArrayDeque<>())
                        .add(s);
            }
            Map<Long, String> topicKeys = new HashMap<>();
            for (TopicRow t : structure.topicsOfSource(sourceId)) {
                String k = key(sectionById.get(t.sectionId()).kind(), t.title());
                topicKeys.put(t.id(), k);
                oldTopics.computeIfAbsent(k, x -> new ArrayDeque<>()).add(t);
            }
            for (ItemRow i : structure.itemsOfSource(sourceId)) {
                oldItems.computeIfAbsent(topicKeys.get(i.topicId()) + key(i.body()), x -> new ArrayDeque<>())
                        .add(i);
            }
        }

        /** A cancel part-way throws, and the transaction rolls back whole: nothing of the import is kept. */
        void apply(ParsedGuide guide, Cancellation cancellation) {
            List<ItemRow> added = new ArrayList<>();
            List<ItemRow> moved = new ArrayList<>();
            int sectionPosition = 0;
            for (ParsedSection s : guide.sections()) {
                cancellation.check();
                String kind = s.kind().name();
                SectionRow old = take(oldSections, key(kind, s.heading()));
                SectionRow section = write(
                        old,
                        new SectionRow(
                                old == null ? null : old.id(),
                                roleId,
                                sourceId,
                                kind,
                                truncate(s.heading(), 300),
                                s.intro(),
                                s.closing(),
                                sectionPosition++,
                                s.line()),
                        sections);
                int topicPosition = 0;
                for (ParsedTopic t : s.topics()) {
                    cancellation.check();
                    String topicKey = key(kind, t.title());
                    TopicRow oldTopic = take(oldTopics, topicKey);
                    TopicRow topic = write(
                            oldTopic,
                            new TopicRow(
                                    oldTopic == null ? null : oldTopic.id(),
                                    roleId,
                                    section.id(),
                                    truncate(t.title(), 300),
                                    t.text(),
                                    topicPosition++,
                                    t.line()),
                            topics);
                    topicCount++;
                    int itemPosition = 0;
                    for (ParsedItem i : t.items()) {
                        ItemRow oldItem = take(oldItems, topicKey + key(i.text()));
                        ItemRow row = new ItemRow(
                                oldItem == null ? null : oldItem.id(),
                                roleId,
                                topic.id(),
                                i.text(),
                                itemPosition++,
                                i.line());
                        if (oldItem == null) {
                            added.add(row);
                        } else {
                            itemsKept++;
                            if (!row.equals(oldItem)) {
                                moved.add(row);
                            }
                        }
                    }
                }
            }
            itemsCreated = added.size();
            BatchInserts.insert(
                    jdbc,
                    "INSERT INTO item (role_id, topic_id, body, position, line) VALUES (?, ?, ?, ?, ?)",
                    added,
                    (ps, i) -> {
                        ps.setLong(1, i.roleId());
                        ps.setLong(2, i.topicId());
                        ps.setString(3, i.body());
                        ps.setInt(4, i.position());
                        ps.setInt(5, i.line());
                    });
            batch("UPDATE item SET topic_id = ?, body = ?, position = ?, line = ? WHERE id = ?", moved, (ps, i) -> {
                ps.setLong(1, i.topicId());
                ps.setString(2, i.body());
                ps.setInt(3, i.position());
                ps.setInt(4, i.line());
                ps.setLong(5, i.id());
            });
            List<Long> staleItems = new ArrayList<>();
            oldItems.values().forEach(q -> q.forEach(i -> staleItems.add(i.id())));
            itemsRemoved = staleItems.size();
            deleteByIds("item", staleItems);
            List<Long> staleTopics = new ArrayList<>();
            oldTopics.values().forEach(q -> q.forEach(t -> staleTopics.add(t.id())));
            deleteByIds("topic", staleTopics);
            List<Long> staleSections = new ArrayList<>();
            oldSections.values().forEach(q -> q.forEach(x -> staleSections.add(x.id())));
            deleteByIds("section", staleSections);
        }

        /** Inserts {@code row}, updates it when it differs from {@code old}, or leaves it alone. */
        private static <T> T write(T old, T row, CrudRepository<T, Long> repository) {
            if (old == null) {
                return repository.save(row);
            }
            return row.equals(old) ? old : repository.update(row);
        }
    }
}
