package dev.ascent.tracker.practice;

import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc.PracticeServiceBlockingStub;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tracker on the engine under test, wired to the shared content service process, and helpers for practice tests. */
final class PracticeFixture implements AutoCloseable {

    static final String GUIDE_V1 = """
            Overview
            A practice test engineer exists only in the tracker's practice tests.
            Best Practices
            These habits keep a service healthy.
            Observability
            - Define service level objectives for every user-facing service
            - Alert on symptoms users feel, not on internal causes
            - Keep dashboards next to the runbooks they support
            """;
    static final String GUIDE_V2 = GUIDE_V1.replace(
                    "Alert on symptoms users feel, not on internal causes",
                    "Page only on symptoms that burn the error budget")
            + "- Review every alert after each incident\n";

    private final TrackerHarness tracker;
    private String testRole;
    private final ManagedChannel contentChannel;

    private PracticeFixture(String contentTarget, TrackerHarness tracker) {
        this.tracker = tracker;
        this.contentChannel =
                ManagedChannelBuilder.forTarget(contentTarget).usePlaintext().build();
    }

    /** Uses the content service the tracker tests share; the practice tests add only their own guide to it. */
    static PracticeFixture start(TestDatabase.Engine engine) throws Exception {
        String target = ContentProcess.shared().target();
        return new PracticeFixture(target, TrackerHarness.start(engine, Map.of("ascent.content.target", target)));
    }

    TrackerHarness tracker() {
        return tracker;
    }

    PracticeServiceBlockingStub anonymous() {
        return PracticeServiceGrpc.newBlockingStub(tracker.service().channel());
    }

    PracticeServiceBlockingStub practice(String token) {
        return as(anonymous(), token);
    }

    ContentServiceBlockingStub content() {
        return ContentServiceGrpc.newBlockingStub(contentChannel);
    }

    /** Creates a user and returns their first token. */
    String user(String handle) {
        return as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), ADMIN_TOKEN)
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(handle)
                        .setDisplayName("User " + handle)
                        .build())
                .getToken();
    }

    String firstDesignPrompt() {
        return content()
                .listDesignPrompts(
                        ListDesignPromptsRequest.newBuilder().setPageSize(1).build())
                .getDesignPrompts(0)
                .getName();
    }

    /** Imports the small test guide (again, as a new revision, when the text changed); returns the role name. */
    String importGuide(String text) {
        return content()
                .withCallCredentials(Bearer.token(ADMIN_TOKEN))
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                        .setSourceName("practice-test-guide.txt")
                        .setTitle("Practice Test Engineer")
                        .build())
                .getRole()
                .getName();
    }

    /** The role of the small test guide, imported once. */
    String testRole() {
        if (testRole == null) {
            testRole = importGuide(GUIDE_V1);
        }
        return testRole;
    }

    /** Makes {@code mentor} an ACTIVE mentor of {@code mentee}, as the mentorship service will. */
    void mentorship(String mentor, String mentee) throws Exception {
        sql(
                "INSERT INTO mentorship (id, mentor_id, mentee_id, state, message, create_time) SELECT ?, m.id, e.id, "
                        + "'ACTIVE', '', 0 FROM app_user m, app_user e WHERE m.handle = ? AND e.handle = ?",
                Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2),
                mentor,
                mentee);
    }

    int sql(String statement, Object... args) throws Exception {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    List<String> column(String query, Object... args) throws Exception {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        contentChannel.shutdownNow();
        tracker.close();
    }
}
