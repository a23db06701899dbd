package dev.ascent.content.catalog;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.PageTokens;
import jakarta.inject.Singleton;
import java.util.List;

/** Reads the catalog. */
@Singleton
public class CatalogService {

    private final RoleRepository roles;

    public CatalogService(RoleRepository roles) {
        this.roles = roles;
    }

    /** One page of roles ordered by title; asks for one row more than the page to know whether another follows. */
    public List<RoleRow> listRoles(PageTokens.Page page) {
        return roles.listByTitle(page.size() + 1, page.offset());
    }

    public RoleRow getRole(String slug) {
        return roles.findBySlug(slug).orElseThrow(() -> ApiException.notFound("roles/" + slug));
    }
}
