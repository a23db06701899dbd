package dev.ascent.client;

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
import io.grpc.Channel;

/**
 * {@code ascent.content.v1.ContentService}: The career-guide catalog (reads need no token; ImportGuide needs the admin token).
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#content()}.
 */
public final class ContentClient {

    private final Calls calls;
    private final ContentServiceGrpc.ContentServiceBlockingStub stub;

    ContentClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = ContentServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public ContentServiceGrpc.ContentServiceBlockingStub stub() {
        return stub;
    }

    /** {@code ListRoles}. A read: retried on UNAVAILABLE. */
    public ListRolesResponse listRoles(ListRolesRequest request) {
        return calls.read(request, stub::listRoles);
    }

    /** {@code GetRole}. A read: retried on UNAVAILABLE. */
    public GetRoleResponse getRole(GetRoleRequest request) {
        return calls.read(request, stub::getRole);
    }

    /** {@code ListSkills}. A read: retried on UNAVAILABLE. */
    public ListSkillsResponse listSkills(ListSkillsRequest request) {
        return calls.read(request, stub::listSkills);
    }

    /** {@code GetSkill}. A read: retried on UNAVAILABLE. */
    public GetSkillResponse getSkill(GetSkillRequest request) {
        return calls.read(request, stub::getSkill);
    }

    /** {@code CompareRoles}. A read: retried on UNAVAILABLE. */
    public CompareRolesResponse compareRoles(CompareRolesRequest request) {
        return calls.read(request, stub::compareRoles);
    }

    /** {@code ListChecklists}. A read: retried on UNAVAILABLE. */
    public ListChecklistsResponse listChecklists(ListChecklistsRequest request) {
        return calls.read(request, stub::listChecklists);
    }

    /** {@code GetChecklist}. A read: retried on UNAVAILABLE. */
    public GetChecklistResponse getChecklist(GetChecklistRequest request) {
        return calls.read(request, stub::getChecklist);
    }

    /** {@code ListDesignPrompts}. A read: retried on UNAVAILABLE. */
    public ListDesignPromptsResponse listDesignPrompts(ListDesignPromptsRequest request) {
        return calls.read(request, stub::listDesignPrompts);
    }

    /** {@code GetDesignPrompt}. A read: retried on UNAVAILABLE. */
    public GetDesignPromptResponse getDesignPrompt(GetDesignPromptRequest request) {
        return calls.read(request, stub::getDesignPrompt);
    }

    /** {@code SearchContent}. A read: retried on UNAVAILABLE. */
    public SearchContentResponse searchContent(SearchContentRequest request) {
        return calls.read(request, stub::searchContent);
    }

    /** {@code ImportGuide}. A write without a request_id: sent once. */
    public ImportGuideResponse importGuide(ImportGuideRequest request) {
        return calls.once(request, stub::importGuide);
    }
}
