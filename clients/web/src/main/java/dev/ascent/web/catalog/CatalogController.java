package dev.ascent.web.catalog;

import dev.ascent.proto.content.v1.CompareRolesRequest;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.content.v1.SearchHit;
import dev.ascent.web.Names;
import dev.ascent.web.Web;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import java.util.List;

/**
 * The catalog, readable without signing in (the content service needs no token): roles, a role, two roles compared,
 * search, and the system-design prompts. Everything shown came from imported guides, so templates only ever write
 * it as escaped text.
 */
@Controller
public final class CatalogController {

    private final Web web;

    public CatalogController(Web web) {
        this.web = web;
    }

    @Get("/roles")
    public ModelAndView<?> roles(HttpRequest<?> request) {
        List<Role> roles = content()
                .listRoles(ListRolesRequest.newBuilder().setPageSize(100).build())
                .getRolesList();
        return web.page(request, "roles", "roles", roles);
    }

    @Get("/roles/{slug}")
    public ModelAndView<?> role(HttpRequest<?> request, String slug) {
        Role role = content()
                .getRole(GetRoleRequest.newBuilder().setName(Names.role(slug)).build())
                .getRole();
        List<Role> others =
                content()
                        .listRoles(
                                ListRolesRequest.newBuilder().setPageSize(100).build())
                        .getRolesList()
                        .stream()
                        .filter(r -> !r.getName().equals(role.getName()))
                        .toList();
        return web.page(
                request,
                "role",
                "role",
                role,
                "others",
                others,
                "skills",
                role.getSkillsList().stream()
                        .sorted((a, b) -> Double.compare(b.getWeight(), a.getWeight()))
                        .toList());
    }

    @Get("/compare")
    public ModelAndView<?> compare(
            HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        List<Role> roles = content()
                .listRoles(ListRolesRequest.newBuilder().setPageSize(100).build())
                .getRolesList();
        CompareRolesResponse result = null;
        if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
            result = content()
                    .compareRoles(CompareRolesRequest.newBuilder()
                            .setFromRole(Names.role(from))
                            .setToRole(Names.role(to))
                            .setMaxResults(30)
                            .build());
        }
        return web.page(
                request,
                "compare",
                "roles",
                roles,
                "from",
                from,
                "to",
                to,
                "result",
                result,
                "titles",
                roles.stream().collect(java.util.stream.Collectors.toMap(Role::getName, Role::getTitle)));
    }

    @Get("/search")
    public ModelAndView<?> search(HttpRequest<?> request, @Nullable @QueryValue String q) {
        List<SearchHit> hits = List.of();
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            hits = content()
                    .searchContent(SearchContentRequest.newBuilder()
                            .setQuery(query)
                            .setPageSize(30)
                            .build())
                    .getHitsList();
        }
        return web.page(request, "search", "query", query, "hits", hits);
    }

    @Get("/designPrompts")
    public ModelAndView<?> prompts(HttpRequest<?> request) {
        return web.page(
                request,
                "prompts",
                "prompts",
                content()
                        .listDesignPrompts(ListDesignPromptsRequest.newBuilder()
                                .setPageSize(100)
                                .build())
                        .getDesignPromptsList());
    }

    @Get("/designPrompts/{slug}")
    public ModelAndView<?> prompt(HttpRequest<?> request, String slug) {
        return web.page(
                request,
                "prompt",
                "prompt",
                content()
                        .getDesignPrompt(GetDesignPromptRequest.newBuilder()
                                .setName(Names.designPrompt(slug))
                                .build())
                        .getDesignPrompt());
    }

    private dev.ascent.client.ContentClient content() {
        return web.anonymous().content();
    }
}
