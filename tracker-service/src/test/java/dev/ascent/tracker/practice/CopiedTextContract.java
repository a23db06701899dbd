package dev.ascent.tracker.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GuideFormat;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Catalog text at the edge of what the catalog holds, copied into practice rows: a checklist titled with 150 emoji
 * (300 UTF-16 units), an item of 400 emoji (800 units, 400 code points: over the step title's 300 on H2, which
 * counts units) and an item of 16,000 emoji (64,000 bytes, just under the catalog's 64 KiB). Each fits its
 * tracker column on H2 and MariaDB: titles shortened by units, bodies whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CopiedTextContract {

    private static final String EMOJI = "\uD83D\uDE80";
    private ContentProcess content;
    private TrackerHarness tracker;
    private Checklist checklist;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        content = ContentProcess.startPrivate();
        String guide = "# Copy Limits Engineer\n\n## Overview\n\nA role to test copies.\n\n## Best Practices\n\n### "
                + EMOJI.repeat(150) + "\n\n- " + EMOJI.repeat(400) + "\n- " + EMOJI.repeat(16_000)
                + "\n\n## Skills\n\n- Python\n";
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(content.target()).usePlaintext().build();
        try {
            var catalog = ContentServiceGrpc.newBlockingStub(channel);
            String role = catalog.withCallCredentials(Bearer.token(TrackerHarness.ADMIN_TOKEN))
                    .importGuide(ImportGuideRequest.newBuilder()
                            .setText(ByteString.copyFrom(guide, StandardCharsets.UTF_8))
                            .setSourceName("copy-limits.md")
                            .setFormat(GuideFormat.GUIDE_FORMAT_MARKDOWN)
                            .build())
                    .getRole()
                    .getName();
            checklist = catalog
                    .listChecklists(ListChecklistsRequest.newBuilder()
                            .setRole(role)
                            .setPageSize(100)
                            .build())
                    .getChecklistsList()
                    .stream()
                    .filter(c -> c.getTitle().startsWith(EMOJI))
                    .findFirst()
                    .orElseThrow();
        } finally {
            channel.shutdownNow();
        }
        tracker = TrackerHarness.start(engine(), Map.of("ascent.content.target", content.target()));
    }

    @AfterAll
    void stop() throws Exception {
        if (tracker != null) {
            tracker.close();
        }
        if (content != null) {
            content.close();
        }
    }

    @Test
    void theLargestCatalogTextFitsItsPracticeColumns() {
        Mentors mentors = new Mentors(tracker.service().channel());
        Mentors.User user = mentors.user("copier");
        var practice = mentors.practice(user);
        PracticeSession session = practice.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(checklist.getName())
                        .build())
                .getPracticeSession();
        assertEquals(checklist.getTitle(), session.getTitle(), "300 units fit whole");
        assertEquals(2, session.getStepsCount());
        PracticeStep shortened = session.getSteps(0);
        assertEquals(EMOJI.repeat(148) + "...", shortened.getTitle(), "cut to 300 UTF-16 units, not 300 code points");
        assertEquals(EMOJI.repeat(400), shortened.getText(), "the body is kept whole");
        assertEquals(EMOJI.repeat(16_000), session.getSteps(1).getText(), "64,000 bytes kept whole");
        assertTrue(session.getSteps(1).getTitle().length() <= 300);

        PracticeSession done = practice.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(session.getName())
                        .setSelfRating(3)
                        .build())
                .getPracticeSession();
        assertEquals(session.getSteps(1).getText(), done.getSteps(1).getText());
        var stats = practice.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance());
        assertTrue(
                com.google.protobuf.TextFormat.printer()
                        .escapingNonAscii(false)
                        .printToString(stats)
                        .contains(EMOJI.repeat(148) + "..."),
                "the rollup keeps the fitted title");
    }
}
