package dev.ascent.content.catalog;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a role's or a source's sections, topics and items, the hundreds of rows behind every role assembly and
 * re-import, with plain JDBC and each column named: Micronaut Data's entity mapping (per row: introspection, a
 * conversion per property) was about a quarter of an import's CPU (docs/PERFORMANCE.md). The repositories still
 * write these rows; the column lists here follow the tables of V1. {@code @Connectable}: inside a transaction it reads
 * on the transaction's connection, outside one it borrows a connection (autocommit, each statement its own snapshot).
 */
@Connectable
@Singleton
public class StructureRows {

    private static final String SECTION = "SELECT s.id, s.role_id, s.source_id, s.kind, s.heading, s.body, s.summary, "
            + "s.position, s.line FROM section s ";
    private static final String TOPIC =
            "SELECT t.id, t.role_id, t.section_id, t.title, t.body, t.position, t.line FROM topic t ";
    private static final String ITEM = "SELECT i.id, i.role_id, i.topic_id, i.body, i.position, i.line FROM item i ";

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public StructureRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<SectionRow> sectionsOfRole(long roleId) {
        return list(SECTION + "WHERE s.role_id = ? ORDER BY s.source_id, s.position", roleId, StructureRows::section);
    }

    public List<TopicRow> topicsOfRole(long roleId) {
        return list(TOPIC + "WHERE t.role_id = ? ORDER BY t.position", roleId, StructureRows::topic);
    }

    public List<ItemRow> itemsOfRole(long roleId) {
        return list(ITEM + "WHERE i.role_id = ? ORDER BY i.position", roleId, StructureRows::item);
    }

    public List<SectionRow> sectionsOfSource(long sourceId) {
        return list(SECTION + "WHERE s.source_id = ?", sourceId, StructureRows::section);
    }

    public List<TopicRow> topicsOfSource(long sourceId) {
        return list(
                TOPIC + "JOIN section s ON s.id = t.section_id WHERE s.source_id = ?", sourceId, StructureRows::topic);
    }

    public List<ItemRow> itemsOfSource(long sourceId) {
        return list(
                ITEM + "JOIN topic t ON t.id = i.topic_id JOIN section s ON s.id = t.section_id WHERE s.source_id = ?",
                sourceId,
                StructureRows::item);
    }

    /** A role's mention of a skill: the skill's row and the kind of the section that names it. */
    public record Mention(long skillId, String skillKey, String skillName, String sectionKind) {}

    /** The role's skill mentions with their skills, in one query. */
    public List<Mention> mentionsOfRole(long roleId) {
        return list(
                "SELECT s.id, s.skill_key, s.name, m.section_kind FROM skill_mention m JOIN skill s ON s.id = m.skill_id "
                        + "WHERE m.role_id = ? ORDER BY m.id",
                roleId,
                rs -> new Mention(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    private <T> List<T> list(String sql, long id, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, (PreparedStatement ps) -> {
            ps.setLong(1, id);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    private static SectionRow section(ResultSet rs) throws SQLException {
        return new SectionRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getInt(9));
    }

    private static TopicRow topic(ResultSet rs) throws SQLException {
        return new TopicRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7));
    }

    private static ItemRow item(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getInt(6));
    }
}
