package dev.ascent.content.catalog;

import dev.ascent.common.error.ApiException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the catalog: roles (cached, merged views) and skills. */
@Singleton
public class CatalogService {

    private final RoleRepository roles;
    private final RoleAssembler assembler;
    private final RoleCache cache;
    private final SkillQueries skills;

    public CatalogService(RoleRepository roles, RoleAssembler assembler, RoleCache cache, SkillQueries skills) {
        this.roles = roles;
        this.assembler = assembler;
        this.cache = cache;
        this.skills = skills;
    }

    /** Up to {@code limit} roles ordered by title, from {@code offset}; from memory when warm. */
    public List<RoleView> listRoles(int limit, int offset) {
        List<String> order = titleOrder();
        int from = Math.min(offset, order.size());
        return views(order.subList(from, Math.min(order.size(), from + limit)));
    }

    /** Every role, ordered by title: the catalog is a few hundred roles at most, and each view is cached. */
    public List<RoleView> allRoles() {
        return views(titleOrder());
    }

    private List<String> titleOrder() {
        return cache.titleOrder(
                () -> roles.listAllByTitle().stream().map(RoleRow::slug).toList());
    }

    private List<RoleView> views(List<String> slugs) {
        List<RoleView> out = new ArrayList<>(slugs.size());
        for (String slug : slugs) {
            findRole(slug).ifPresent(out::add);
        }
        return out;
    }

    public RoleView getRole(String slug) {
        return findRole(slug).orElseThrow(() -> ApiException.notFound("roles/" + slug));
    }

    public Optional<RoleView> findRole(String slug) {
        return cache.get(slug, assembler::load);
    }

    public void invalidate(String slug) {
        cache.invalidate(slug);
    }

    /** Up to {@code limit} skills, of one role or (null) of the whole catalog, from {@code offset}. */
    public List<SkillQueries.SkillSummary> listSkills(String roleSlug, int limit, int offset) {
        Long roleId = roleSlug == null ? null : getRole(roleSlug).id();
        return skills.list(roleId, limit, offset);
    }

    public record SkillDetail(SkillQueries.SkillSummary skill, List<SkillQueries.SkillRoleWeight> roles) {}

    public SkillDetail getSkill(String key) {
        SkillQueries.SkillSummary skill = skills.find(key).orElseThrow(() -> ApiException.notFound("skills/" + key));
        List<SkillQueries.SkillRoleWeight> roleWeights = skills.roles(key);
        return new SkillDetail(
                new SkillQueries.SkillSummary(skill.key(), skill.displayName(), roleWeights.size()), roleWeights);
    }
}
