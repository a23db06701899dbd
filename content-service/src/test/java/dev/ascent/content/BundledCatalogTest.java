package dev.ascent.content;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.DesignPhase;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.DesignStep;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.SectionKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The starter catalog, written in our own words and imported through the normal importer on first start: the
 * embedded default is useful with zero set-up, and the importer reads guides it was never tuned on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledCatalogTest {

    private ContentHarness content;

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(TestDatabase.Engine.H2, true);
    }

    @AfterAll
    void stop() {
        content.close();
    }

    @Test
    void theStarterCatalogCoversTheSeedRoles() {
        List<String> names = content.stub().listRoles(ListRolesRequest.getDefaultInstance()).getRolesList().stream()
                .map(Role::getName)
                .toList();
        assertEquals(
                List.of(
                        "roles/senior-machine-learning-engineer",
                        "roles/senior-machine-learning-scientist",
                        "roles/senior-software-engineer-specializing-in-machine-learning"),
                names);
        Role smle = content.stub()
                .getRole(GetRoleRequest.newBuilder().setName(names.get(0)).build())
                .getRole();
        assertEquals(2, smle.getSourcesCount(), "the long and the short guide merge");
        Set<SectionKind> kinds =
                Set.copyOf(smle.getSectionsList().stream().map(Section::getKind).toList());
        assertTrue(
                kinds.containsAll(Set.of(
                        SectionKind.SECTION_KIND_NEXT_STEPS,
                        SectionKind.SECTION_KIND_SKILL_GAPS,
                        SectionKind.SECTION_KIND_BEST_PRACTICES,
                        SectionKind.SECTION_KIND_CHALLENGES,
                        SectionKind.SECTION_KIND_SALARY)),
                kinds::toString);
        assertFalse(smle.getSkillsList().isEmpty());
        assertTrue(smle.getSalaryRangesList().stream().anyMatch(s -> s.getMin() > 0 && s.getMax() >= s.getMin()));
    }

    @Test
    void designPromptsFollowTheMethodAndLinkToCatalogTopics() {
        List<DesignPrompt> prompts = content.stub()
                .listDesignPrompts(ListDesignPromptsRequest.getDefaultInstance())
                .getDesignPromptsList();
        assertEquals(
                Set.of(
                        "designPrompts/real-time-inference-service",
                        "designPrompts/batch-inference-pipeline",
                        "designPrompts/training-data-pipeline",
                        "designPrompts/model-monitoring-and-drift-detection",
                        "designPrompts/recommendation-system",
                        "designPrompts/feature-store"),
                Set.copyOf(prompts.stream().map(DesignPrompt::getName).toList()));
        for (DesignPrompt p : prompts) {
            List<DesignPhase> phases = p.getStepsList().stream()
                    .map(DesignStep::getPhase)
                    .distinct()
                    .toList();
            assertEquals(
                    List.of(
                            DesignPhase.DESIGN_PHASE_REQUIREMENTS,
                            DesignPhase.DESIGN_PHASE_ESTIMATES,
                            DesignPhase.DESIGN_PHASE_HIGH_LEVEL_DESIGN,
                            DesignPhase.DESIGN_PHASE_CORE_COMPONENTS,
                            DesignPhase.DESIGN_PHASE_SCALING,
                            DesignPhase.DESIGN_PHASE_TRADE_OFFS,
                            DesignPhase.DESIGN_PHASE_ML_SPECIFIC),
                    phases,
                    p.getName());
            List<DesignStep> ml = p.getStepsList().stream()
                    .filter(s -> s.getPhase() == DesignPhase.DESIGN_PHASE_ML_SPECIFIC)
                    .toList();
            assertTrue(ml.stream().anyMatch(s -> s.getRelatedTopicsCount() > 0), p.getName());
            for (DesignStep s : ml) {
                for (String topic : s.getRelatedTopicsList()) {
                    assertTrue(topic.matches("roles/[a-z0-9-]+/topics/\\d+"), topic);
                }
            }
        }
        DesignPrompt one = content.stub()
                .getDesignPrompt(GetDesignPromptRequest.newBuilder()
                        .setName("designPrompts/feature-store")
                        .build())
                .getDesignPrompt();
        assertTrue(one.getSuggestedMinutes() > 0);
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> content.stub()
                        .getDesignPrompt(GetDesignPromptRequest.newBuilder()
                                .setName("designPrompts/nope")
                                .build()));
        assertInvalidField(
                "name",
                () -> content.stub()
                        .getDesignPrompt(GetDesignPromptRequest.newBuilder()
                                .setName("feature-store")
                                .build()));
    }

    @Test
    void noisyImportsAreCleanOrInvalidArgumentNeverACrash() {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(ContentHarness.lines("001_"));
        for (int i = 0; i < 15; i++) {
            Collections.shuffle(lines, random);
            List<String> cut = lines.subList(0, 1 + random.nextInt(lines.size() - 1));
            try {
                content.admin()
                        .importGuide(ImportGuideRequest.newBuilder()
                                .setDryRun(true)
                                .setText(ByteString.copyFromUtf8(String.join("\n", cut)))
                                .build());
            } catch (StatusRuntimeException e) {
                assertEquals(
                        Status.Code.INVALID_ARGUMENT,
                        e.getStatus().getCode(),
                        e.getStatus().toString());
            }
        }
    }
}
