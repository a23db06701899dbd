package dev.ascent.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Practice must fit the role: ListDesignPrompts with a role returns only prompts of its domain. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromptFitTest {
    private ContentHarness content;

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(TestDatabase.Engine.H2, true);
        Path guide = Path.of(PromptFitTest.class
                .getResource("/corpus/02-data-platform-engineer.txt")
                .toURI());
        content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setSourceName("data-platform.txt")
                        .setText(ByteString.copyFrom(Files.readAllBytes(guide)))
                        .build());
    }

    @AfterAll
    void stop() {
        content.close();
    }

    private List<DesignPrompt> prompts(String role) {
        return content.stub()
                .listDesignPrompts(
                        ListDesignPromptsRequest.newBuilder().setRole(role).build())
                .getDesignPromptsList();
    }

    @Test
    void aDataEngineerGetsNoMachineLearningPrompts() {
        assertEquals(List.of(), prompts("roles/data-platform-engineer"));
    }

    @Test
    void aMachineLearningRoleGetsThemBestFitFirst() {
        List<DesignPrompt> all = content.stub()
                .listDesignPrompts(ListDesignPromptsRequest.getDefaultInstance())
                .getDesignPromptsList();
        List<DesignPrompt> fit = prompts("roles/senior-machine-learning-engineer");
        assertTrue(!fit.isEmpty() && fit.size() <= all.size(), fit.size() + " of " + all.size());
        assertTrue(all.containsAll(fit));
    }
}
