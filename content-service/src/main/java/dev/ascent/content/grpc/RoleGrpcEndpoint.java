package dev.ascent.content.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.common.grpc.PreSerialized;
import dev.ascent.content.catalog.CatalogSearch;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.RoleComparison;
import dev.ascent.content.catalog.RoleView;
import dev.ascent.content.catalog.SkillQueries;
import dev.ascent.proto.content.v1.CompareRolesRequest;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.GetRoleResponse;
import dev.ascent.proto.content.v1.GetSkillRequest;
import dev.ascent.proto.content.v1.GetSkillResponse;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import dev.ascent.proto.content.v1.ListSkillsRequest;
import dev.ascent.proto.content.v1.ListSkillsResponse;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.content.v1.SearchContentResponse;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The roles and skills of {@code ascent.content.v1.ContentService}, bound by {@link ContentGrpcEndpoint}. */
@Singleton
class RoleGrpcEndpoint implements ContentServiceGrpc.AsyncService {

    private final CatalogService catalog;
    private final Map<String, SerializedRole> serializedRoles = new ConcurrentHashMap<>();

    private record SerializedRole(RoleView view, byte[] bytes) {}

    RoleGrpcEndpoint(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> response) {
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "roles");
        Page<RoleView> roles = page.page(catalog.listRoles(page.fetchSize(), page.offset()));
        ListRolesResponse.Builder out = ListRolesResponse.newBuilder().setNextPageToken(roles.nextPageToken());
        roles.items().forEach(r -> out.addRoles(CatalogProtoMapper.roleHeader(r)));
        ContentGrpcEndpoint.reply(response, out.build());
    }

    /** Served from {@link #serializedRole} instead, see {@link ContentGrpcEndpoint#bindService()}. */
    @Override
    public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> response) {
        try {
            ContentGrpcEndpoint.reply(response, GetRoleResponse.parseFrom(serializedRole(request)));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The serialized GetRoleResponse of the requested role, built once per role the catalog assembles: the catalog
     * caches the assembled {@link RoleView} (and replaces it after an import), so the same instance means the same
     * bytes. See {@link PreSerialized}.
     */
    byte[] serializedRole(GetRoleRequest request) {
        RoleView role = catalog.getRole(
                ContentNames.ROLE.parse(request.getName(), "name").get("slug"));
        SerializedRole kept = serializedRoles.get(role.slug());
        if (kept == null || kept.view() != role) {
            kept = new SerializedRole(
                    role,
                    GetRoleResponse.newBuilder()
                            .setRole(CatalogProtoMapper.role(role))
                            .build()
                            .toByteArray());
            serializedRoles.put(role.slug(), kept);
        }
        return kept.bytes();
    }

    @Override
    public void listSkills(ListSkillsRequest request, StreamObserver<ListSkillsResponse> response) {
        String role = ContentNames.optionalRole(request.getRole(), "role");
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "skills:" + request.getRole());
        Page<SkillQueries.SkillSummary> skills = page.page(catalog.listSkills(role, page.fetchSize(), page.offset()));
        ListSkillsResponse.Builder out = ListSkillsResponse.newBuilder().setNextPageToken(skills.nextPageToken());
        skills.items().forEach(s -> out.addSkills(CatalogProtoMapper.skill(s)));
        ContentGrpcEndpoint.reply(response, out.build());
    }

    @Override
    public void getSkill(GetSkillRequest request, StreamObserver<GetSkillResponse> response) {
        CatalogService.SkillDetail detail = catalog.getSkill(
                ContentNames.SKILL.parse(request.getName(), "name").get("key"));
        ContentGrpcEndpoint.reply(
                response,
                GetSkillResponse.newBuilder()
                        .setSkill(CatalogProtoMapper.skill(detail))
                        .build());
    }

    @Override
    public void compareRoles(CompareRolesRequest request, StreamObserver<CompareRolesResponse> response) {
        new Validator().range(request.getMaxResults(), 0, 100, "max_results").throwIfInvalid();
        RoleView from = catalog.getRole(
                ContentNames.ROLE.parse(request.getFromRole(), "from_role").get("slug"));
        RoleView to = catalog.getRole(
                ContentNames.ROLE.parse(request.getToRole(), "to_role").get("slug"));
        int max = request.getMaxResults() == 0 ? 25 : request.getMaxResults();
        ContentGrpcEndpoint.reply(
                response, CatalogProtoMapper.comparison(from, to, RoleComparison.compare(from, to, max)));
    }

    @Override
    public void searchContent(SearchContentRequest request, StreamObserver<SearchContentResponse> response) {
        new Validator()
                .check(
                        !CatalogSearch.terms(request.getQuery()).isEmpty(),
                        "query",
                        "needs at least one word of two or more letters or digits")
                .maxLength(request.getQuery(), 200, "query")
                .throwIfInvalid();
        String role = ContentNames.optionalRole(request.getRole(), "role");
        PageRequest page = PageRequest.of(
                request.getPageSize(),
                request.getPageToken(),
                "search:" + request.getRole() + ":" + request.getQuery());
        List<RoleView> scope = role == null ? catalog.allRoles() : List.of(catalog.getRole(role));
        Page<CatalogSearch.Hit> hits = page.slice(CatalogSearch.search(scope, request.getQuery()));
        SearchContentResponse.Builder out = SearchContentResponse.newBuilder().setNextPageToken(hits.nextPageToken());
        hits.items().forEach(h -> out.addHits(CatalogProtoMapper.hit(h)));
        ContentGrpcEndpoint.reply(response, out.build());
    }
}
