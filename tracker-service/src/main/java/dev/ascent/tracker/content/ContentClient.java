package dev.ascent.tracker.content;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.Tls;
import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.GetChecklistRequest;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.Role;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tracker's only way into the catalog: {@code ascent.content.v1.ContentService} over gRPC, with a deadline on
 * every call. An unreachable or slow content service is UNAVAILABLE with a message naming it.
 */
@Singleton
public class ContentClient {

    private final ManagedChannel channel;
    private final String target;
    private final Duration deadline;

    public ContentClient(
            @Value("${ascent.content.target:localhost:50051}") String target,
            @Value("${ascent.content.deadline:5s}") Duration deadline,
            @Value("${ascent.tls.ca-file:}") String caFile) {
        this.target = target;
        this.deadline = deadline;
        this.channel = Tls.channel(target, caFile);
    }

    private ContentServiceBlockingStub stub() {
        return ContentServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The role with the practice material for it, or empty when the catalog has no such role. */
    public Optional<RoleSnapshot> role(String roleName) {
        Role role;
        try {
            role = stub().getRole(GetRoleRequest.newBuilder().setName(roleName).build())
                    .getRole();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
        List<RoleSnapshot.Practice> practice = new ArrayList<>();
        try {
            // Only the prompts that fit the role; a role no prompt fits practises with its own checklists.
            for (DesignPrompt p : stub().listDesignPrompts(ListDesignPromptsRequest.newBuilder()
                            .setPageSize(100)
                            .setRole(roleName)
                            .build())
                    .getDesignPromptsList()) {
                practice.add(practice(p));
            }
            for (Checklist c : stub().listChecklists(ListChecklistsRequest.newBuilder()
                            .setRole(roleName)
                            .setPageSize(100)
                            .build())
                    .getChecklistsList()) {
                practice.add(practice(c));
            }
        } catch (StatusRuntimeException e) {
            throw unavailable(e);
        }
        return Optional.of(ContentMapper.snapshot(role, practice));
    }

    public Optional<PracticeMaterial> designPrompt(String name) {
        try {
            return Optional.of(ContentMapper.material(stub().getDesignPrompt(
                            GetDesignPromptRequest.newBuilder().setName(name).build())
                    .getDesignPrompt()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    public Optional<PracticeMaterial> checklist(String name) {
        try {
            return Optional.of(ContentMapper.material(stub().getChecklist(
                            GetChecklistRequest.newBuilder().setName(name).build())
                    .getChecklist()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    private static RoleSnapshot.Practice practice(DesignPrompt p) {
        return new RoleSnapshot.Practice(
                p.getName(), p.getTitle(), p.getSummary(), p.getSuggestedMinutes(), p.getStepsCount());
    }

    private static RoleSnapshot.Practice practice(Checklist c) {
        return new RoleSnapshot.Practice(
                c.getName(), c.getTitle(), "Work through the checklist: " + c.getTitle(), 0, c.getItemsCount());
    }

    private ApiException unavailable(StatusRuntimeException e) {
        return ApiException.unavailable(
                "CONTENT_UNAVAILABLE",
                "the content service at " + target + " did not answer ("
                        + e.getStatus().getCode() + "); nothing was stored, retry later");
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }
}
