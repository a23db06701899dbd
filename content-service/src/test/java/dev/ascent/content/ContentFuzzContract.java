package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.common.testing.fuzz.DescriptorFuzzer;
import dev.ascent.common.testing.fuzz.DescriptorFuzzer.Caller;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListSkillsRequest;
import dev.ascent.proto.options.v1.AccessProto;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every RPC the content service serves, called with generated requests ({@link DescriptorFuzzer}) as the admin
 * and without a token, on the bundled catalog, whose names (and mutations of them) are mixed into the requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentFuzzContract {

    private ContentHarness content;

    abstract TestDatabase.Engine engine();

    abstract int calls();

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(engine(), true);
    }

    @AfterAll
    void stop() {
        if (content != null) {
            content.close();
        }
    }

    @Test
    void noRequestGetsInternalAndOnlyTheCatalogsReadsNeedNoToken() throws Exception {
        var catalog = content.stub();
        List<String> names = new ArrayList<>();
        var roles =
                catalog.listRoles(ListRolesRequest.newBuilder().setPageSize(2).build());
        roles.getRolesList().forEach(r -> names.add(r.getName()));
        names.add(roles.getNextPageToken());
        var skills =
                catalog.listSkills(ListSkillsRequest.newBuilder().setPageSize(3).build());
        skills.getSkillsList().forEach(s -> names.add(s.getName()));
        names.add(skills.getNextPageToken());
        List<String> checklists =
                catalog
                        .listChecklists(ListChecklistsRequest.newBuilder()
                                .setPageSize(3)
                                .build())
                        .getChecklistsList()
                        .stream()
                        .map(c -> c.getName())
                        .toList();
        List<String> prompts = catalog
                .listDesignPrompts(
                        ListDesignPromptsRequest.newBuilder().setPageSize(3).build())
                .getDesignPromptsList()
                .stream()
                .map(p -> p.getName())
                .toList();
        names.addAll(checklists);
        names.addAll(prompts);
        List<String> roleNames =
                roles.getRolesList().stream().map(r -> r.getName()).toList();
        DescriptorFuzzer.of(
                        content.service()
                                .context()
                                .getBean(GrpcEmbeddedServer.class)
                                .getServer(),
                        content.service().channel())
                .callers(List.of(new Caller("admin", ContentHarness.ADMIN_TOKEN), Caller.anonymous()))
                .names(names)
                .hints(Map.of(
                        "role",
                        roleNames,
                        "from_role",
                        roleNames,
                        "to_role",
                        roleNames,
                        "GetChecklistRequest.name",
                        checklists,
                        "GetDesignPromptRequest.name",
                        prompts,
                        "source_name",
                        List.of("guide.md", "guide.txt", "guide.html"),
                        "query",
                        List.of("model")))
                .maxInboundBytes(ContentApplication.SPEC.maxInboundBytes())
                .noCredentials(m -> m.getOptions().getExtension(AccessProto.noCredentials))
                .run(
                        calls(),
                        "./mvnw -B -pl content-service -am verify -Dsurefire.failIfNoSpecifiedTests=false " + "-Dtest="
                                + getClass().getSimpleName());
    }
}
