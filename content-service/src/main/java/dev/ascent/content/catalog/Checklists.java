package dev.ascent.content.catalog;

import dev.ascent.common.error.ApiException;
import dev.ascent.content.importer.SectionKind;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every best-practice topic of a role is a checklist, named after the topic: {@code checklists/{topic id}}. */
@Singleton
public class Checklists {

    public record Checklist(long id, String title, RoleView role, RoleView.Topic topic) {
        public String name() {
            return "checklists/" + id;
        }
    }

    private final CatalogService catalog;
    private final TopicRepository topics;
    private final RoleRepository roles;

    public Checklists(CatalogService catalog, TopicRepository topics, RoleRepository roles) {
        this.catalog = catalog;
        this.topics = topics;
        this.roles = roles;
    }

    /** All checklists (of one role when {@code roleSlug} is set), by role title then document order. */
    public List<Checklist> list(String roleSlug) {
        List<RoleView> scope = roleSlug == null ? catalog.allRoles() : List.of(catalog.getRole(roleSlug));
        List<Checklist> out = new ArrayList<>();
        for (RoleView role : scope) {
            out.addAll(of(role));
        }
        return out;
    }

    public static List<Checklist> of(RoleView role) {
        return role.topics(SectionKind.BEST_PRACTICES).stream()
                .filter(t -> !t.items().isEmpty())
                .map(t -> new Checklist(
                        t.id(), t.title().isEmpty() ? role.title() + " best practices" : t.title(), role, t))
                .toList();
    }

    public Checklist get(long id) {
        String notFound = "checklists/" + id;
        TopicRow topic = topics.findById(id).orElseThrow(() -> ApiException.notFound(notFound));
        RoleRow role = roles.findById(topic.roleId()).orElseThrow(() -> ApiException.notFound(notFound));
        return of(catalog.getRole(role.slug())).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(notFound));
    }
}
