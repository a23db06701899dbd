package dev.ascent.content.catalog;

import dev.ascent.content.importer.SectionKind;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Skills across roles, aggregated in SQL so the list does not need every role in memory. */
@Singleton
public class SkillQueries {

    public record SkillSummary(String key, String displayName, int roleCount) {}

    public record SkillRoleWeight(String roleSlug, String roleTitle, double weight) {}

    private final JdbcOperations jdbc;

    public SkillQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Skills ordered by how many roles ask for them, then by name; optionally only those of one role. */
    @ReadOnly
    public List<SkillSummary> list(Long roleId, int limit, int offset) {
        String sql = "SELECT s.skill_key, s.name, COUNT(DISTINCT m.role_id) AS role_count FROM skill s "
                + "JOIN skill_mention m ON m.skill_id = s.id "
                + (roleId == null ? "" : "WHERE s.id IN (SELECT skill_id FROM skill_mention WHERE role_id = ?) ")
                + "GROUP BY s.id, s.skill_key, s.name ORDER BY role_count DESC, s.name, s.id LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (roleId != null) {
                ps.setLong(i++, roleId);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<SkillSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SkillSummary(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    @ReadOnly
    public Optional<SkillSummary> find(String key) {
        return jdbc.prepareStatement("SELECT skill_key, name FROM skill WHERE skill_key = ?", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SkillSummary(rs.getString(1), rs.getString(2), 0))
                        : Optional.<SkillSummary>empty();
            }
        });
    }

    /** The roles that mention a skill, highest weight first. */
    @ReadOnly
    public List<SkillRoleWeight> roles(String key) {
        return jdbc.prepareStatement(
                "SELECT r.slug, r.title, m.section_kind FROM skill_mention m "
                        + "JOIN skill s ON s.id = m.skill_id JOIN role r ON r.id = m.role_id WHERE s.skill_key = ?",
                ps -> {
                    ps.setString(1, key);
                    Map<String, SkillRoleWeight> byRole = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            add(byRole, rs);
                        }
                    }
                    List<SkillRoleWeight> out = new ArrayList<>(byRole.values());
                    out.sort(Comparator.comparingDouble(SkillRoleWeight::weight)
                            .reversed()
                            .thenComparing(SkillRoleWeight::roleTitle));
                    return out;
                });
    }

    private static void add(Map<String, SkillRoleWeight> byRole, ResultSet rs) throws SQLException {
        String slug = rs.getString(1);
        double w = SkillWeights.of(SectionKind.valueOf(rs.getString(3)));
        byRole.merge(
                slug,
                new SkillRoleWeight(slug, rs.getString(2), w),
                (a, b) -> new SkillRoleWeight(a.roleSlug(), a.roleTitle(), a.weight() + b.weight()));
    }
}
