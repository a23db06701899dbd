package dev.ascent.content.grpc;

import dev.ascent.common.grpc.PreSerialized;
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
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
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
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * {@code ascent.content.v1.ContentService} as the one service gRPC binds. A gRPC service is bound once, so this
 * class only hands each RPC to the endpoint of its resource: {@link RoleGrpcEndpoint} (roles, skills, comparison,
 * search), {@link PracticeContentGrpcEndpoint} (checklists, design prompts) and {@link ImportGrpcEndpoint}.
 */
@Singleton
public class ContentGrpcEndpoint implements ContentServiceGrpc.AsyncService, BindableService {

    private final RoleGrpcEndpoint roles;
    private final PracticeContentGrpcEndpoint practice;
    private final ImportGrpcEndpoint imports;

    ContentGrpcEndpoint(RoleGrpcEndpoint roles, PracticeContentGrpcEndpoint practice, ImportGrpcEndpoint imports) {
        this.roles = roles;
        this.practice = practice;
        this.imports = imports;
    }

    /** GetRole is served from bytes kept serialized ({@link RoleGrpcEndpoint#serializedRole}). */
    @Override
    public ServerServiceDefinition bindService() {
        return PreSerialized.replace(
                ContentServiceGrpc.bindService(this), ContentServiceGrpc.getGetRoleMethod(), roles::serializedRole);
    }

    @Override
    public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> response) {
        roles.listRoles(request, response);
    }

    @Override
    public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> response) {
        roles.getRole(request, response);
    }

    @Override
    public void listSkills(ListSkillsRequest request, StreamObserver<ListSkillsResponse> response) {
        roles.listSkills(request, response);
    }

    @Override
    public void getSkill(GetSkillRequest request, StreamObserver<GetSkillResponse> response) {
        roles.getSkill(request, response);
    }

    @Override
    public void compareRoles(CompareRolesRequest request, StreamObserver<CompareRolesResponse> response) {
        roles.compareRoles(request, response);
    }

    @Override
    public void searchContent(SearchContentRequest request, StreamObserver<SearchContentResponse> response) {
        roles.searchContent(request, response);
    }

    @Override
    public void listChecklists(ListChecklistsRequest request, StreamObserver<ListChecklistsResponse> response) {
        practice.listChecklists(request, response);
    }

    @Override
    public void getChecklist(GetChecklistRequest request, StreamObserver<GetChecklistResponse> response) {
        practice.getChecklist(request, response);
    }

    @Override
    public void listDesignPrompts(
            ListDesignPromptsRequest request, StreamObserver<ListDesignPromptsResponse> response) {
        practice.listDesignPrompts(request, response);
    }

    @Override
    public void getDesignPrompt(GetDesignPromptRequest request, StreamObserver<GetDesignPromptResponse> response) {
        practice.getDesignPrompt(request, response);
    }

    @Override
    public void importGuide(ImportGuideRequest request, StreamObserver<ImportGuideResponse> response) {
        imports.importGuide(request, response);
    }

    static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
