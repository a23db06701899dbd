package dev.ascent.tracker.security;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import dev.ascent.common.grpc.StatusMapper;
import dev.ascent.common.testing.GrpcAssertions;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.content.RoleSnapshot;
import dev.ascent.tracker.plan.CreatePlan;
import dev.ascent.tracker.plan.PlanView;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a careless client or an attacker sends: values just past each limit, text that fits in code points but not
 * in UTF-16, catalog text at the edge of its columns, and requests of millions of tiny repeated entries. Every
 * answer is INVALID_ARGUMENT naming the field (or RESOURCE_EXHAUSTED for an oversized message), never INTERNAL,
 * and an error never carries more than 20 field violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputContract {

    private static final String EMOJI = "\uD83D\uDE80";
    private TrackerHarness tracker;
    private Mentors mentors;
    private Mentors.User user;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        mentors = new Mentors(tracker.service().channel());
        user = mentors.user("attacker");
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private CreatePlanRequest.Builder plan() {
        return CreatePlanRequest.newBuilder()
                .setParent(user.name())
                .setTargetRole(Mentors.ROLE)
                .setHoursPerWeek(5);
    }

    @Test
    void hoursPerWeekThatRoundToNoTimeAreRefused() {
        assertInvalidField(
                "hours_per_week",
                () -> mentors.plans(user)
                        .createPlan(plan().setHoursPerWeek(1.0 / 121).build()));
        assertInvalidField(
                "hours_per_week",
                () -> mentors.plans(user).createPlan(plan().setHoursPerWeek(-1).build()));
        assertInvalidField(
                "hours_per_week",
                () -> mentors.plans(user)
                        .createPlan(plan().setHoursPerWeek(Double.NaN).build()));
        Plan created = mentors.plans(user).createPlan(plan().build()).getPlan();
        assertInvalidField(
                "plan.hours_per_week",
                () -> mentors.plans(user)
                        .updatePlan(UpdatePlanRequest.newBuilder()
                                .setPlan(Plan.newBuilder()
                                        .setName(created.getName())
                                        .setHoursPerWeek(1.0 / 200))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("hours_per_week"))
                                .build()));
    }

    @Test
    void textThatFitsInCodePointsButNotInUtf16IsRefusedOnEveryEngine() {
        // 150 characters, 300 UTF-16 units: H2 counts the latter against VARCHAR(200).
        var e = assertInvalidField(
                "title",
                () -> mentors.plans(user)
                        .createPlan(plan().setTitle(EMOJI.repeat(150)).build()));
        assertTrue(
                e.getStatus().getDescription().contains("emoji"), e.getStatus().getDescription());
        Plan ok = mentors.plans(user)
                .createPlan(plan().setTitle(EMOJI.repeat(100)).build())
                .getPlan();
        assertEquals(EMOJI.repeat(100), ok.getTitle());
    }

    @Test
    void catalogTextAtTheEdgeOfItsColumnsFitsThePlan() throws Exception {
        String title = "T".repeat(199) + "x";
        String skillKey = "k".repeat(200);
        // Over 64 KiB in utf8mb4 (4 bytes each): past a MySQL TEXT column. It starts with a verb, as a plan keeps
        // only items a person can do.
        String longText = "Write " + EMOJI.repeat(20_000);
        RoleSnapshot role = new RoleSnapshot(
                "roles/edge",
                title,
                1,
                // Without next steps, the role's most important skills join the plan unrated.
                List.of(new RoleSnapshot.Section(
                        "CAREER_DEVELOPMENT",
                        List.of(new RoleSnapshot.Topic(
                                "topics/1",
                                "Next",
                                longText,
                                List.of(new RoleSnapshot.Item("items/1", longText, "edge.txt", 1)))))),
                List.of(new RoleSnapshot.Skill(skillKey, "Skill " + skillKey, 3)),
                List.of(new RoleSnapshot.Practice("designPrompts/edge", "Edge", longText, 45, 3)));
        PlanView view = tracker.service()
                .context()
                .getBean(CreatePlan.class)
                .create(caller(user), role, new CreatePlan.Command("roles/edge", "", 5, null, null, Map.of(), "UTC"));
        assertTrue(view.plan().title().length() <= 200, view.plan().title());
        assertTrue(view.plan().title().startsWith("Path to TTT"), view.plan().title());
        assertTrue(view.items().stream().anyMatch(i -> i.sourceContent().equals("skills/" + skillKey)));
        assertTrue(view.items().stream().anyMatch(i -> i.sourceText().equals(longText)));
        assertTrue(view.items().stream().anyMatch(i -> i.description().equals(longText)));
    }

    @Test
    void millionsOfTinyRepeatedEntriesGetOneViolation() {
        SkillRating empty = SkillRating.getDefaultInstance();
        CreatePlanRequest.Builder ratings = plan();
        for (int i = 0; i < 1_000_000; i++) {
            ratings.addSkillRatings(empty);
        }
        assertOneViolation(
                "skill_ratings",
                assertInvalidField("skill_ratings", () -> mentors.plans(user).createPlan(ratings.build())));

        RequestReviewRequest.Builder links =
                RequestReviewRequest.newBuilder().setTarget(user.name() + "/plans/1/items/2");
        for (int i = 0; i < 1_000_000; i++) {
            links.addEvidenceLinks("");
        }
        assertOneViolation(
                "evidence_links",
                assertInvalidField("evidence_links", () -> mentors.reviews(user).requestReview(links.build())));

        UpdatePracticeSessionRequest.Builder steps =
                UpdatePracticeSessionRequest.newBuilder().setName(user.name() + "/practiceSessions/1");
        for (int i = 0; i < 1_000_000; i++) {
            steps.addStepUpdates(PracticeStepUpdate.getDefaultInstance());
        }
        assertOneViolation(
                "step_updates",
                assertInvalidField("step_updates", () -> mentors.practice(user).updatePracticeSession(steps.build())));

        SubmitReviewRequest.Builder scores = SubmitReviewRequest.newBuilder()
                .setName("reviewRequests/1")
                .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED);
        for (int i = 0; i < 501; i++) {
            scores.addStepScores(StepScore.newBuilder().setScore(3));
        }
        assertOneViolation(
                "step_scores",
                assertInvalidField("step_scores", () -> mentors.reviews(user).submitReview(scores.build())));
    }

    @Test
    void anErrorListsAtMostTwentyViolationsAndCountsTheRest() {
        CreatePlanRequest.Builder request = plan();
        for (int i = 0; i < 30; i++) {
            request.addSkillRatings(SkillRating.newBuilder().setSkill("s" + i).setRating(9));
        }
        StatusRuntimeException e = assertStatus(
                Status.Code.INVALID_ARGUMENT, () -> mentors.plans(user).createPlan(request.build()));
        assertEquals(20, GrpcAssertions.badRequest(e).orElseThrow().getFieldViolationsCount());
        ErrorInfo info = GrpcAssertions.errorInfo(e).orElseThrow();
        assertEquals("30", info.getMetadataOrThrow(StatusMapper.VIOLATIONS_TOTAL));
        assertTrue(
                e.getStatus().getDescription().startsWith("30 invalid fields"),
                e.getStatus().getDescription());
    }

    @Test
    void aMessageOverTheInboundLimitIsRefusedBeforeParsing() {
        assertStatus(
                Status.Code.RESOURCE_EXHAUSTED,
                () -> mentors.plans(user)
                        .createPlan(plan().setTitle("x".repeat(5 * 1024 * 1024)).build()));
    }

    @Test
    void aUserHoldsAtMostOneHundredUnrevokedTokens() {
        Mentors.User holder = mentors.user("token-hoarder");
        var accounts = TrackerHarness.as(
                AccountServiceGrpc.newBlockingStub(tracker.service().channel()), holder.token());
        AccessToken last = null;
        for (int i = 1; i < 100; i++) {
            last = accounts.createAccessToken(CreateAccessTokenRequest.newBuilder()
                            .setLabel("t" + i)
                            .build())
                    .getAccessToken();
        }
        StatusRuntimeException full = assertStatus(
                Status.Code.RESOURCE_EXHAUSTED,
                () -> accounts.createAccessToken(CreateAccessTokenRequest.newBuilder()
                        .setLabel("one too many")
                        .build()));
        assertTrue(
                full.getStatus().getDescription().contains("100"),
                full.getStatus().getDescription());
        accounts.revokeAccessToken(
                RevokeAccessTokenRequest.newBuilder().setName(last.getName()).build());
        accounts.createAccessToken(CreateAccessTokenRequest.newBuilder()
                .setLabel("after a revocation")
                .build());
    }

    @Test
    void aUserHoldsAtMostTenStreams() throws Exception {
        Mentors.User watcher = mentors.user("stream-hoarder");
        var activity = TrackerHarness.as(
                ActivityServiceGrpc.newBlockingStub(tracker.service().channel()), watcher.token());
        List<Context.CancellableContext> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Context.CancellableContext stream = Context.current().withCancellation();
                open.add(stream);
                // The first message (a heartbeat) means the server holds the stream.
                assertTrue(stream.call(() -> activity.watchActivity(WatchActivityRequest.getDefaultInstance()))
                        .next()
                        .hasHeartbeat());
            }
            var refused = assertStatus(
                    Status.Code.RESOURCE_EXHAUSTED,
                    () -> activity.watchActivity(WatchActivityRequest.getDefaultInstance())
                            .next());
            assertTrue(
                    refused.getStatus().getDescription().contains("10"),
                    refused.getStatus().getDescription());
            // Someone else is not affected.
            Mentors.User other = mentors.user("stream-neighbour");
            assertTrue(TrackerHarness.as(
                            ActivityServiceGrpc.newBlockingStub(
                                    tracker.service().channel()),
                            other.token())
                    .watchActivity(WatchActivityRequest.getDefaultInstance())
                    .next()
                    .hasHeartbeat());
            open.remove(0).cancel(null);
            long until = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try {
                    Context.CancellableContext again = Context.current().withCancellation();
                    open.add(again);
                    assertTrue(again.call(() -> activity.watchActivity(WatchActivityRequest.getDefaultInstance()))
                            .next()
                            .hasHeartbeat());
                    break;
                } catch (StatusRuntimeException e) {
                    // The server learns of the cancelled stream asynchronously.
                    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
                    assertTrue(System.nanoTime() < until, "a closed stream's place is never freed");
                    Thread.sleep(50);
                }
            }
        } finally {
            open.forEach(c -> c.cancel(null));
        }
    }

    private static void assertOneViolation(String field, StatusRuntimeException e) {
        assertEquals(1, GrpcAssertions.badRequest(e).orElseThrow().getFieldViolationsCount(), field);
        assertTrue(e.getStatus().getDescription().length() < 200, e.getStatus().getDescription());
    }

    private Caller caller(Mentors.User u) throws Exception {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE handle = ?")) {
            ps.setString(1, u.handle());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Caller(new UserRow(rs.getLong(1), u.handle(), u.handle(), false, Instant.EPOCH));
            }
        }
    }
}
