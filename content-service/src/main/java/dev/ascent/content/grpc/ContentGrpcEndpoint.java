package dev.ascent.content.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.PageTokens;
import dev.ascent.common.grpc.PreSerialized;
import dev.ascent.common.grpc.RequestHeaders;
import dev.ascent.content.catalog.CatalogSearch;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.Checklists;
import dev.ascent.content.catalog.RoleComparison;
import dev.ascent.content.catalog.RoleView;
import dev.ascent.content.catalog.SkillQueries;
import dev.ascent.content.importer.Cancellation;
import dev.ascent.content.importer.ImportService;
import dev.ascent.content.practice.DesignPrompts;
import dev.ascent.proto.content.v1.CompareRolesRequest;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetChecklistRequest;
import dev.ascent.proto.content.v1.GetChecklistResponse;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.GetDesignPromptResponse;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.GetRoleResponse;
import dev.ascent.proto.content.v1.GetSkillRequest;
import dev.ascent.proto.content.v1.GetSkillResponse;
import dev.ascent.proto.content.v1.ImportCounts;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.content.v1.ImportWarning;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListChecklistsResponse;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsResponse;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import dev.ascent.proto.content.v1.ListSkillsRequest;
import dev.ascent.proto.content.v1.ListSkillsResponse;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.content.v1.SearchContentResponse;
import dev.ascent.proto.content.v1.Skill;
import dev.ascent.proto.content.v1.SkillGap;
import dev.ascent.proto.content.v1.SkillRole;
import dev.ascent.proto.content.v1.TopicGap;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/** The gRPC edge of {@code ascent.content.v1.ContentService}: shape checks, then the feature services. */
@Singleton
public class ContentGrpcEndpoint implements ContentServiceGrpc.AsyncService, BindableService {

    private final CatalogService catalog;
    private final Checklists checklists;
    private final DesignPrompts prompts;
    private final ImportService importer;
    private final AdminVerifier adminVerifier;
    private final Map<String, SerializedRole> serializedRoles = new ConcurrentHashMap<>();

    private record SerializedRole(RoleView view, byte[] bytes) {
    }

    public ContentGrpcEndpoint(CatalogService catalog, Checklists checklists, DesignPrompts prompts,
                               ImportService importer, AdminVerifier adminVerifier) {
        this.catalog = catalog;
        this.checklists = checklists;
        this.prompts = prompts;
        this.importer = importer;
        this.adminVerifier = adminVerifier;
    }

    @Override
    public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> response) {
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), "roles");
        Slice<RoleView> slice = Slice.of(catalog.listRoles(page), page);
        ListRolesResponse.Builder out = ListRolesResponse.newBuilder().setNextPageToken(slice.next("roles"));
        slice.items().forEach(r -> out.addRoles(CatalogProtoMapper.roleHeader(r)));
        reply(response, out.build());
    }

    /** GetRole is answered from {@link #serializedRole}; see {@link PreSerialized}. */
    @Override
    public ServerServiceDefinition bindService() {
        return PreSerialized.replace(ContentServiceGrpc.bindService(this), ContentServiceGrpc.getGetRoleMethod(),
                this::serializedRole);
    }

    @Override
    public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> response) {
        try {
            reply(response, GetRoleResponse.parseFrom(serializedRole(request)));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The serialized GetRoleResponse of the requested role, built once per role the catalog assembles: the catalog
     * caches the assembled {@link RoleView} (and replaces it after an import), so the same instance means the same
     * bytes.
     */
    byte[] serializedRole(GetRoleRequest request) {
        RoleView role = catalog.getRole(ResourceNames.roleSlug(request.getName(), "name"));
        SerializedRole kept = serializedRoles.get(role.slug());
        if (kept == null || kept.view() != role) {
            kept = new SerializedRole(role, GetRoleResponse.newBuilder().setRole(CatalogProtoMapper.role(role))
                    .build().toByteArray());
            serializedRoles.put(role.slug(), kept);
        }
        return kept.bytes();
    }

    @Override
    public void listSkills(ListSkillsRequest request, StreamObserver<ListSkillsResponse> response) {
        String role = request.getRole().isEmpty() ? null : ResourceNames.roleSlug(request.getRole(), "role");
        String query = "skills:" + request.getRole();
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), query);
        Slice<SkillQueries.SkillSummary> slice = Slice.of(catalog.listSkills(role, page), page);
        ListSkillsResponse.Builder out = ListSkillsResponse.newBuilder().setNextPageToken(slice.next(query));
        slice.items().forEach(s -> out.addSkills(Skill.newBuilder().setName("skills/" + s.key())
                .setDisplayName(s.displayName()).setRoleCount(s.roleCount())));
        reply(response, out.build());
    }

    @Override
    public void getSkill(GetSkillRequest request, StreamObserver<GetSkillResponse> response) {
        CatalogService.SkillDetail detail = catalog.getSkill(ResourceNames.skillKey(request.getName(), "name"));
        Skill.Builder skill = Skill.newBuilder().setName("skills/" + detail.skill().key())
                .setDisplayName(detail.skill().displayName()).setRoleCount(detail.skill().roleCount());
        detail.roles().forEach(r -> skill.addRoles(SkillRole.newBuilder().setRole("roles/" + r.roleSlug())
                .setTitle(r.roleTitle()).setWeight(r.weight())));
        reply(response, GetSkillResponse.newBuilder().setSkill(skill).build());
    }

    @Override
    public void compareRoles(CompareRolesRequest request, StreamObserver<CompareRolesResponse> response) {
        new Validator().range(request.getMaxResults(), 0, 100, "max_results").throwIfInvalid();
        RoleView from = catalog.getRole(ResourceNames.roleSlug(request.getFromRole(), "from_role"));
        RoleView to = catalog.getRole(ResourceNames.roleSlug(request.getToRole(), "to_role"));
        int max = request.getMaxResults() == 0 ? 25 : request.getMaxResults();
        RoleComparison.Result result = RoleComparison.compare(from, to, max);
        CompareRolesResponse.Builder out = CompareRolesResponse.newBuilder()
                .setFromRole(from.name()).setToRole(to.name()).addAllSharedSkills(result.sharedSkills());
        result.missingSkills().forEach(s -> out.addMissingSkills(SkillGap.newBuilder().setSkill("skills/" + s.key())
                .setDisplayName(s.displayName()).setWeight(s.weight())));
        result.missingTopics().forEach(t -> out.addMissingTopics(TopicGap.newBuilder()
                .setTopic(to.name() + "/topics/" + t.topicId()).setTitle(t.title())
                .setSectionKind(CatalogProtoMapper.kind(t.kind())).setScore(t.score())));
        reply(response, out.build());
    }

    @Override
    public void listChecklists(ListChecklistsRequest request, StreamObserver<ListChecklistsResponse> response) {
        String role = request.getRole().isEmpty() ? null : ResourceNames.roleSlug(request.getRole(), "role");
        String query = "checklists:" + request.getRole();
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), query);
        Slice<Checklists.Checklist> slice = Slice.page(checklists.list(role), page);
        ListChecklistsResponse.Builder out = ListChecklistsResponse.newBuilder().setNextPageToken(slice.next(query));
        slice.items().forEach(c -> out.addChecklists(CatalogProtoMapper.checklist(c)));
        reply(response, out.build());
    }

    @Override
    public void getChecklist(GetChecklistRequest request, StreamObserver<GetChecklistResponse> response) {
        long id = ResourceNames.numericId(request.getName(), "checklists/", "name");
        reply(response, GetChecklistResponse.newBuilder()
                .setChecklist(CatalogProtoMapper.checklist(checklists.get(id))).build());
    }

    @Override
    public void listDesignPrompts(ListDesignPromptsRequest request,
                                  StreamObserver<ListDesignPromptsResponse> response) {
        String role = request.getRole().isEmpty() ? null : ResourceNames.roleSlug(request.getRole(), "role");
        String query = "prompts:" + request.getRole();
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), query);
        List<DesignPrompts.Prompt> all = role == null ? prompts.list() : prompts.forRole(catalog.getRole(role));
        Slice<DesignPrompts.Prompt> slice = Slice.page(all, page);
        ListDesignPromptsResponse.Builder out = ListDesignPromptsResponse.newBuilder()
                .setNextPageToken(slice.next(query));
        slice.items().forEach(p -> out.addDesignPrompts(CatalogProtoMapper.designPrompt(p)));
        reply(response, out.build());
    }

    @Override
    public void getDesignPrompt(GetDesignPromptRequest request, StreamObserver<GetDesignPromptResponse> response) {
        String slug = ResourceNames.slug(request.getName(), "designPrompts/", "name");
        reply(response, GetDesignPromptResponse.newBuilder()
                .setDesignPrompt(CatalogProtoMapper.designPrompt(prompts.get(slug))).build());
    }

    @Override
    public void searchContent(SearchContentRequest request, StreamObserver<SearchContentResponse> response) {
        new Validator()
                .check(!CatalogSearch.terms(request.getQuery()).isEmpty(), "query",
                        "needs at least one word of two or more letters or digits")
                .maxLength(request.getQuery(), 200, "query")
                .throwIfInvalid();
        String role = request.getRole().isEmpty() ? null : ResourceNames.roleSlug(request.getRole(), "role");
        String query = "search:" + request.getRole() + ":" + request.getQuery();
        PageTokens.Page page = PageTokens.page(request.getPageSize(), request.getPageToken(), query);
        List<RoleView> scope = role == null ? catalog.allRoles() : List.of(catalog.getRole(role));
        Slice<CatalogSearch.Hit> slice = Slice.page(CatalogSearch.search(scope, request.getQuery()), page);
        SearchContentResponse.Builder out = SearchContentResponse.newBuilder().setNextPageToken(slice.next(query));
        slice.items().forEach(h -> out.addHits(CatalogProtoMapper.hit(h)));
        reply(response, out.build());
    }

    @Override
    public void importGuide(ImportGuideRequest request, StreamObserver<ImportGuideResponse> response) {
        String token = RequestHeaders.bearerToken().orElseThrow(() -> ApiException.unauthenticated(
                "importing needs the admin token: send 'authorization: Bearer <admin token>'"));
        adminVerifier.require(token, "import guides");
        Context call = Context.current();
        ImportService.Result r;
        try {
            r = importer.importGuide(new ImportService.Command(request.getText().toByteArray(),
                    request.getSourceName(), request.getTitle(), request.getDryRun(),
                    CatalogProtoMapper.format(request.getFormat()), call::isCancelled));
        } catch (Cancellation.Cancelled e) {
            // The caller has gone (cancelled, or its deadline passed): stop here; nothing was written.
            throw (call.cancellationCause() instanceof TimeoutException ? Status.DEADLINE_EXCEEDED : Status.CANCELLED)
                    .withDescription("the import was abandoned by its caller").asRuntimeException();
        }
        ImportGuideResponse.Builder out = ImportGuideResponse.newBuilder()
                .setRole(CatalogProtoMapper.role(r.role()))
                .setUnchanged(r.unchanged())
                .setFormat(CatalogProtoMapper.format(r.format()))
                .setCounts(ImportCounts.newBuilder()
                        .setSections(r.counts().sections()).setTopics(r.counts().topics())
                        .setItemsCreated(r.counts().itemsCreated()).setItemsKept(r.counts().itemsKept())
                        .setItemsRemoved(r.counts().itemsRemoved()).setSkillsLinked(r.counts().skillsLinked())
                        .setSalaryRanges(r.counts().salaryRanges()).setRoleCreated(r.counts().roleCreated()));
        r.warnings().forEach(w -> out.addWarnings(ImportWarning.newBuilder().setLine(w.line())
                .setMessage(w.message())));
        reply(response, out.build());
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
