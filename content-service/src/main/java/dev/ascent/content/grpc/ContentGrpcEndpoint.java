package dev.ascent.content.grpc;

import dev.ascent.common.grpc.PageTokens;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.RoleRow;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.GetRoleResponse;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;

/** The gRPC edge of {@code ascent.content.v1.ContentService}: shape checks, then the feature services. */
@Singleton
public class ContentGrpcEndpoint extends ContentServiceGrpc.ContentServiceImplBase {

    private final CatalogService catalog;

    public ContentGrpcEndpoint(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> response) {
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), "roles");
        List<RoleRow> rows = catalog.listRoles(page);
        boolean more = rows.size() > page.size();
        List<RoleRow> shown = more ? rows.subList(0, page.size()) : rows;
        ListRolesResponse.Builder out = ListRolesResponse.newBuilder()
                .setNextPageToken(PageTokens.next(page, shown.size(), more, "roles"));
        shown.forEach(row -> out.addRoles(CatalogProtoMapper.roleHeader(row)));
        response.onNext(out.build());
        response.onCompleted();
    }

    @Override
    public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> response) {
        String slug = ResourceNames.roleSlug(request.getName(), "name");
        RoleRow row = catalog.getRole(slug);
        response.onNext(GetRoleResponse.newBuilder().setRole(CatalogProtoMapper.roleHeader(row)).build());
        response.onCompleted();
    }
}
