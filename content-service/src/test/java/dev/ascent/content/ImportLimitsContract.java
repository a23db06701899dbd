package dev.ascent.content;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.badRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.content.importer.Cancellation;
import dev.ascent.content.importer.ImportService;
import dev.ascent.proto.content.v1.GuideFormat;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sizes and figures the catalog cannot hold, the format field, and Markdown revisions, over a real channel; runs once
 * per database engine (the column limits matter most on MySQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportLimitsContract {
    private ContentHarness content;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(engine(), false);
    }

    @AfterAll
    void stop() {
        if (content != null) {
            content.close();
        }
    }

    private ImportGuideResponse importText(String name, String text, boolean dryRun) {
        return content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setSourceName(name)
                        .setDryRun(dryRun)
                        .setText(ByteString.copyFrom(text.getBytes(StandardCharsets.UTF_8)))
                        .build());
    }

    private static String guide(String salaryLine) {
        return "Overview\nA Test Engineer checks software.\nSkills\n- Testing\nSalary\n" + salaryLine + "\n";
    }

    @Test
    void anOutOfRangeSalaryIsAWarningNotAnError() {
        ImportGuideResponse r = importText("huge-salary.txt", guide("- Senior: $99999999999999999999999 - $5"), false);
        assertEquals(0, r.getRole().getSalaryRangesCount());
        assertTrue(
                r.getWarningsList().stream()
                        .anyMatch(
                                w -> w.getLine() == 6 && w.getMessage().startsWith("salary figure at line 6 ignored")),
                r.getWarningsList()::toString);
        ImportGuideResponse billions = importText("billion.txt", guide("- Senior: $5,000,000,000"), true);
        assertTrue(
                billions.getWarningsList().stream().anyMatch(w -> w.getMessage().contains("above")),
                billions.getWarningsList()::toString);
    }

    @Test
    void anOverlongTopicTitleIsRefusedNamingIt() {
        String longTitle = "Skill ".repeat(70).trim();
        StatusRuntimeException e = assertInvalidField(
                "text",
                () -> importText(
                        "long-topic.md",
                        "# Test Engineer\n\n## Overview\n\nA Test Engineer checks software.\n\n## Skills\n\n### "
                                + longTitle + "\n\n- Testing\n\n## Salary\n\n- $100k\n",
                        false));
        String description = badRequest(e).orElseThrow().getFieldViolations(0).getDescription();
        assertTrue(
                description.startsWith("topic title at line 9 is 419 characters long; at most 300 fit"), description);
        assertEquals(
                0,
                content
                        .stub()
                        .listRoles(dev.ascent.proto.content.v1.ListRolesRequest.getDefaultInstance())
                        .getRolesList()
                        .stream()
                        .filter(r -> r.getName().equals("roles/test-engineer"))
                        .count());
    }

    @Test
    void anOverlongRoleTitleIsRefusedNamingWhereItCameFrom() {
        String title = "Principal " + "Very ".repeat(50) + "Senior Engineer";
        StatusRuntimeException fromText = assertInvalidField(
                "text",
                () -> importText(
                        "long-title.md",
                        "# " + title
                                + "\n\n## Overview\n\nText.\n\n## Skills\n\n- Testing\n\n## Challenges\n\n- Time\n",
                        true));
        assertTrue(
                fromText.getStatus()
                        .getDescription()
                        .contains("the role title is " + title.length() + " characters long"),
                fromText.getStatus().getDescription());
        assertInvalidField(
                "title",
                () -> content.admin()
                        .importGuide(ImportGuideRequest.newBuilder()
                                .setTitle(title)
                                .setText(ByteString.copyFromUtf8(guide("- $100k")))
                                .build()));
    }

    @Test
    void markdownFollowsTheSameRevisionAndProvenanceRulesAsText() {
        String md = "# Release Engineer\n\n## Overview\n\nA Release Engineer ships.\n\n## Skills\n\n- Bazel\n"
                + "- Git\n\n## Challenges\n\n- Flaky builds\n";
        ImportGuideResponse first = importText("release.md", md, false);
        assertTrue(first.getCounts().getRoleCreated());
        assertEquals(1, first.getRole().getRevision());
        assertTrue(importText("release.md", md, false).getUnchanged());
        ImportGuideResponse changed = importText("release.md", md.replace("- Git\n", "- Git\n- Buildkite\n"), false);
        assertEquals(2, changed.getRole().getRevision());
        assertEquals(1, changed.getCounts().getItemsCreated());
        assertEquals(3, changed.getCounts().getItemsKept());
        var skills = changed.getRole().getSectionsList().stream()
                .filter(sec -> sec.getTitle().equals("Skills"))
                .findFirst()
                .orElseThrow();
        var bazel = skills.getTopics(0).getItems(0);
        assertEquals("Bazel", bazel.getText());
        assertEquals("release.md", bazel.getProvenance().getSourceName());
        assertEquals(9, bazel.getProvenance().getLine());
    }

    @Test
    void anImportCancelledWhileWritingStoresNothing() {
        ImportService importer = content.service().context().getBean(ImportService.class);
        byte[] guide = ("Overview\nA Patient Engineer waits.\nSkills\n- Waiting\n- Listening\nChallenges\n"
                        + "- Deadlines\nNext Steps\n- Practise patience\n")
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger parseChecks = new AtomicInteger();
        importer.importGuide(new ImportService.Command(
                guide,
                "patient.txt",
                null,
                true,
                dev.ascent.content.importer.GuideFormat.AUTO,
                () -> parseChecks.incrementAndGet() < 0));
        // Cancelled two checks after parsing is done: in the middle of the write transaction.
        AtomicInteger checks = new AtomicInteger();
        Cancellation duringWrite = () -> checks.incrementAndGet() > parseChecks.get() + 2;
        assertThrows(
                Cancellation.Cancelled.class,
                () -> importer.importGuide(new ImportService.Command(
                        guide, "patient.txt", null, false, dev.ascent.content.importer.GuideFormat.AUTO, duringWrite)));
        assertTrue(checks.get() > parseChecks.get() + 2, "the writer consulted the cancellation");
        assertEquals(
                0,
                content
                        .stub()
                        .listRoles(dev.ascent.proto.content.v1.ListRolesRequest.getDefaultInstance())
                        .getRolesList()
                        .stream()
                        .filter(r -> r.getName().equals("roles/patient-engineer"))
                        .count(),
                "the transaction rolled back whole");
        // Not cancelled, the same import goes through.
        assertEquals(
                "roles/patient-engineer",
                importer.importGuide(new ImportService.Command(guide, "patient.txt", null, false))
                        .role()
                        .name());
    }

    @Test
    void anExpiredCallIsDeadlineExceeded() {
        StringBuilder big = new StringBuilder("Overview\nA Hurried Engineer rushes.\nSkills\n");
        while (big.length() < 1_000_000) {
            big.append("Word\n");
        }
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> content.admin()
                        .withDeadlineAfter(20, TimeUnit.MILLISECONDS)
                        .importGuide(ImportGuideRequest.newBuilder()
                                .setSourceName("hurried.txt")
                                .setDryRun(true)
                                .setText(ByteString.copyFromUtf8(big.toString()))
                                .build()));
        assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    }

    @Test
    void theFormatIsDetectedOrTakenAsGiven() {
        String md =
                "# Test Engineer\n\n## Overview\n\nText.\n\n## Skills\n\n- **Testing**\n\n## Challenges\n\n- Time\n";
        ImportGuideResponse auto = importText("guide", md, true);
        assertEquals(GuideFormat.GUIDE_FORMAT_MARKDOWN, auto.getFormat());
        assertEquals("Test Engineer", auto.getRole().getTitle());
        ImportGuideResponse asText = content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setDryRun(true)
                        .setSourceName("guide.md")
                        .setFormat(GuideFormat.GUIDE_FORMAT_TEXT)
                        .setText(ByteString.copyFromUtf8(
                                "Overview\nA Test Engineer tests.\nSkills\n- A\nChallenges\n- B\n"))
                        .build());
        assertEquals(GuideFormat.GUIDE_FORMAT_TEXT, asText.getFormat());
        ImportGuideResponse html = importText(
                "page.htm",
                "<main><h1>Test Engineer</h1><h2>Overview</h2><p>Text.</p>"
                        + "<h2>Skills</h2><ul><li>Testing</li></ul><h2>Challenges</h2><ul><li>Time</li></ul></main>",
                true);
        assertEquals(GuideFormat.GUIDE_FORMAT_HTML, html.getFormat());
        assertEquals(3, html.getCounts().getSections());
    }
}
