package dev.ascent.content.grpc;

import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.Checklists;
import dev.ascent.content.practice.DesignPrompts;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetChecklistRequest;
import dev.ascent.proto.content.v1.GetChecklistResponse;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.GetDesignPromptResponse;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListChecklistsResponse;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsResponse;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The practice material of {@code ascent.content.v1.ContentService} (checklists and design prompts), bound by
 * {@link ContentGrpcEndpoint}.
 */
@Singleton
class PracticeContentGrpcEndpoint implements ContentServiceGrpc.AsyncService {

    private final CatalogService catalog;
    private final Checklists checklists;
    private final DesignPrompts prompts;

    PracticeContentGrpcEndpoint(CatalogService catalog, Checklists checklists, DesignPrompts prompts) {
        this.catalog = catalog;
        this.checklists = checklists;
        this.prompts = prompts;
    }

    @Override
    public void listChecklists(ListChecklistsRequest request, StreamObserver<ListChecklistsResponse> response) {
        String role = ContentNames.optionalRole(request.getRole(), "role");
        PageRequest page =
                PageRequest.of(request.getPageSize(), request.getPageToken(), "checklists:" + request.getRole());
        Page<Checklists.Checklist> shown = page.slice(checklists.list(role));
        ListChecklistsResponse.Builder out =
                ListChecklistsResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items().forEach(c -> out.addChecklists(CatalogProtoMapper.checklist(c)));
        ContentGrpcEndpoint.reply(response, out.build());
    }

    @Override
    public void getChecklist(GetChecklistRequest request, StreamObserver<GetChecklistResponse> response) {
        long id = ContentNames.CHECKLIST.parse(request.getName(), "name").id("id");
        ContentGrpcEndpoint.reply(
                response,
                GetChecklistResponse.newBuilder()
                        .setChecklist(CatalogProtoMapper.checklist(checklists.get(id)))
                        .build());
    }

    @Override
    public void listDesignPrompts(
            ListDesignPromptsRequest request, StreamObserver<ListDesignPromptsResponse> response) {
        String role = ContentNames.optionalRole(request.getRole(), "role");
        PageRequest page =
                PageRequest.of(request.getPageSize(), request.getPageToken(), "prompts:" + request.getRole());
        List<DesignPrompts.Prompt> all = role == null ? prompts.list() : prompts.forRole(catalog.getRole(role));
        Page<DesignPrompts.Prompt> shown = page.slice(all);
        ListDesignPromptsResponse.Builder out =
                ListDesignPromptsResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items().forEach(p -> out.addDesignPrompts(CatalogProtoMapper.designPrompt(p)));
        ContentGrpcEndpoint.reply(response, out.build());
    }

    @Override
    public void getDesignPrompt(GetDesignPromptRequest request, StreamObserver<GetDesignPromptResponse> response) {
        String slug =
                ContentNames.DESIGN_PROMPT.parse(request.getName(), "name").get("slug");
        ContentGrpcEndpoint.reply(
                response,
                GetDesignPromptResponse.newBuilder()
                        .setDesignPrompt(CatalogProtoMapper.designPrompt(prompts.get(slug)))
                        .build());
    }
}
