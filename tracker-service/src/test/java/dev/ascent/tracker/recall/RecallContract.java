package dev.ascent.tracker.recall;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.common.testing.GrpcAssertions.badRequest;
import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Timestamps;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.DeleteCardRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetRecallStatsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallCardOrigin;
import dev.ascent.proto.tracker.v1.RecallCardState;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.RecallServiceGrpc;
import dev.ascent.proto.tracker.v1.RecallServiceGrpc.RecallServiceBlockingStub;
import dev.ascent.proto.tracker.v1.RecallSettings;
import dev.ascent.proto.tracker.v1.RecallStats;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewCardResponse;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.SuspendCardRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdateRecallSettingsRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RecallService over a real channel on the engine under test; time passes by moving a card's times back in SQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecallContract {

    // Written for these tests: a role with study items (their text becomes card backs) and a checklist to practice.
    private static final String GUIDE = """
            Overview
            A recall test engineer exists only in the tracker's recall tests.
            Skills
            - Explain how a write-ahead log makes a commit durable
            - Compare leader election in Raft with a lease held in a lock service
            Best Practices
            Habits worth remembering before an on-call rotation.
            Incident Response
            - Write the timeline while the incident is still open
            - Name one incident commander before anyone changes production
            - Publish the postmortem within five working days
            """;

    private TrackerHarness tracker;
    private ManagedChannel contentChannel;
    private String role;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        String target = ContentProcess.shared().target();
        contentChannel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        role = ContentServiceGrpc.newBlockingStub(contentChannel)
                .withCallCredentials(Bearer.token(ADMIN_TOKEN))
                .importGuide(ImportGuideRequest.newBuilder()
                        .setSourceName("recall-test-guide.txt")
                        .setTitle("Recall Test Engineer")
                        .setText(ByteString.copyFrom(GUIDE, StandardCharsets.UTF_8))
                        .build())
                .getRole()
                .getName();
        tracker = TrackerHarness.start(engine(), Map.of("ascent.content.target", target));
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (contentChannel != null) {
            contentChannel.shutdownNow();
        }
    }

    private String user(String handle) {
        return as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), ADMIN_TOKEN)
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(handle)
                        .setDisplayName("User " + handle)
                        .build())
                .getToken();
    }

    private RecallServiceBlockingStub recall(String token) {
        return as(RecallServiceGrpc.newBlockingStub(tracker.service().channel()), token);
    }

    private static RecallCard card(RecallServiceBlockingStub stub, String front, String back) {
        return stub.createCard(CreateCardRequest.newBuilder()
                        .setFront(front)
                        .setBack(back)
                        .build())
                .getCard();
    }

    private static ReviewCardResponse review(RecallServiceBlockingStub stub, RecallCard card, RecallRating rating) {
        return stub.reviewCard(ReviewCardRequest.newBuilder()
                .setName(card.getName())
                .setRating(rating)
                .build());
    }

    private static List<RecallCard> due(RecallServiceBlockingStub stub) {
        return stub.listDueCards(
                        ListDueCardsRequest.newBuilder().setPageSize(100).build())
                .getCardsList();
    }

    private static long id(RecallCard card) {
        return Long.parseLong(card.getName().substring(card.getName().lastIndexOf('/') + 1));
    }

    /** Moves the card's last review and due time back, as if {@code days} had passed. */
    private void age(RecallCard card, int days) throws Exception {
        long shift = Duration.ofDays(days).toNanos() / 1000;
        sql(
                "UPDATE recall_card SET due_time = due_time - ?, last_review_time = last_review_time - ? WHERE id = ?",
                shift,
                shift,
                id(card));
    }

    private int sql(String statement, Object... args) throws Exception {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private List<String> column(String query, Object... args) throws Exception {
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

    @Test
    void manualCardsAreValidatedAndListedOldestDueFirstInPages() throws Exception {
        RecallServiceBlockingStub ann = recall(user("ann"));
        var e = assertStatus(
                Status.Code.INVALID_ARGUMENT,
                () -> ann.createCard(CreateCardRequest.newBuilder()
                        .setFront("  ")
                        .setBack("x".repeat(4001))
                        .build()));
        assertEquals(
                List.of("front", "back"),
                badRequest(e).orElseThrow().getFieldViolationsList().stream()
                        .map(v -> v.getField())
                        .toList());
        assertInvalidField(
                "parent",
                () -> ann.createCard(CreateCardRequest.newBuilder()
                        .setParent("people/ann")
                        .setFront("q")
                        .setBack("a")
                        .build()));

        RecallCard first = card(ann, "What does CAP's P stand for?", "Partition tolerance");
        RecallCard second = card(ann, "Little's law", "L = lambda W");
        RecallCard third = card(ann, "p99", "The 99th percentile latency");
        assertEquals(RecallCardOrigin.RECALL_CARD_ORIGIN_MANUAL, first.getOrigin());
        assertEquals(RecallCardState.RECALL_CARD_STATE_LEARNING, first.getState());
        assertTrue(first.getName().matches("users/ann/recallCards/\\d+"), first.getName());
        assertEquals("", first.getSource());
        assertFalse(first.hasLastReviewTime());
        // Make the second the oldest due.
        sql("UPDATE recall_card SET due_time = due_time - 60000000 WHERE id = ?", id(second));

        ListDueCardsResponse page1 =
                ann.listDueCards(ListDueCardsRequest.newBuilder().setPageSize(2).build());
        assertEquals(
                List.of(second.getName(), first.getName()),
                page1.getCardsList().stream().map(RecallCard::getName).toList());
        assertEquals(3, page1.getDueCount());
        assertEquals(-1, page1.getRemainingToday());
        assertFalse(page1.getNextPageToken().isEmpty());
        ListDueCardsResponse page2 = ann.listDueCards(ListDueCardsRequest.newBuilder()
                .setPageSize(2)
                .setPageToken(page1.getNextPageToken())
                .build());
        assertEquals(
                List.of(third.getName()),
                page2.getCardsList().stream().map(RecallCard::getName).toList());
        assertEquals("", page2.getNextPageToken());
    }

    @Test
    void reviewsFollowFsrsAreIdempotentAndRecordedAsActivity() throws Exception {
        RecallServiceBlockingStub bob = recall(user("bob"));
        RecallCard learning = card(bob, "Secret front text", "Secret back text");
        Instant before = Instant.now();
        ReviewCardResponse good = bob.reviewCard(ReviewCardRequest.newBuilder()
                .setName(learning.getName())
                .setRating(RecallRating.RECALL_RATING_GOOD)
                .setRequestId("rev-1")
                .build());
        // FSRS learning steps: GOOD on a new card moves it to the 10-minute step.
        assertEquals(RecallCardState.RECALL_CARD_STATE_LEARNING, good.getCard().getState());
        assertEquals(good.getCard().getDueTime(), good.getNextDueTime());
        long minutes = Duration.between(
                        before, Instant.ofEpochSecond(good.getNextDueTime().getSeconds()))
                .toMinutes();
        assertTrue(minutes >= 9 && minutes <= 10, "due in " + minutes + " minutes");
        assertEquals(2.3065, good.getCard().getStability(), 1e-9);
        ReviewCardResponse retried = bob.reviewCard(ReviewCardRequest.newBuilder()
                .setName(learning.getName())
                .setRating(RecallRating.RECALL_RATING_GOOD)
                .setRequestId("rev-1")
                .build());
        assertEquals(good, retried);
        assertEquals(List.of("1"), column("SELECT COUNT(*) FROM recall_review WHERE card_id = ?", id(learning)));
        assertEquals(1, good.getCard().getReviewCount());

        RecallCard easy = review(bob, card(bob, "Easy one", "yes"), RecallRating.RECALL_RATING_EASY)
                .getCard();
        assertEquals(RecallCardState.RECALL_CARD_STATE_REVIEW, easy.getState());
        // S0(EASY) = w3 = 8.2956 days; at retention 0.9 the interval is the stability, rounded: 8 days.
        assertEquals(
                Duration.ofDays(8),
                Duration.between(
                        Instant.ofEpochSecond(
                                easy.getLastReviewTime().getSeconds(),
                                easy.getLastReviewTime().getNanos()),
                        Instant.ofEpochSecond(
                                easy.getDueTime().getSeconds(),
                                easy.getDueTime().getNanos())));

        List<String> summaries = column("SELECT a.summary FROM activity a JOIN app_user u ON u.id = a.user_id "
                + "WHERE u.handle = 'bob' AND a.type = 'RECALL_REVIEWED' ORDER BY a.seq");
        assertEquals(2, summaries.size());
        assertTrue(summaries.get(0).startsWith("Reviewed a recall card: GOOD"), summaries.get(0));
        assertFalse(summaries.get(0).contains("Secret"), "the activity never shows card text");

        assertInvalidField(
                "rating",
                () -> bob.reviewCard(
                        ReviewCardRequest.newBuilder().setName(easy.getName()).build()));
        assertInvalidField(
                "name",
                () -> bob.reviewCard(ReviewCardRequest.newBuilder()
                        .setName("cards/1")
                        .setRating(RecallRating.RECALL_RATING_GOOD)
                        .build()));
        assertStatus(
                Status.Code.ABORTED,
                () -> bob.reviewCard(ReviewCardRequest.newBuilder()
                        .setName(easy.getName())
                        .setRating(RecallRating.RECALL_RATING_GOOD)
                        .setEtag(learning.getEtag())
                        .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> bob.reviewCard(ReviewCardRequest.newBuilder()
                        .setName("users/bob/recallCards/42")
                        .setRating(RecallRating.RECALL_RATING_GOOD)
                        .build()));
    }

    @Test
    void suspendedCardsAreNotDueAndDeletedCardsAreGone() {
        RecallServiceBlockingStub cy = recall(user("cyd"));
        RecallCard c = card(cy, "front", "back");
        RecallCard suspended = cy.suspendCard(SuspendCardRequest.newBuilder()
                        .setName(c.getName())
                        .setSuspended(true)
                        .build())
                .getCard();
        assertTrue(suspended.getSuspended());
        assertTrue(due(cy).isEmpty());
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> review(cy, c, RecallRating.RECALL_RATING_GOOD));
        cy.suspendCard(SuspendCardRequest.newBuilder()
                .setName(c.getName())
                .setSuspended(false)
                .build());
        assertEquals(
                List.of(c.getName()), due(cy).stream().map(RecallCard::getName).toList());

        cy.deleteCard(DeleteCardRequest.newBuilder().setName(c.getName()).build());
        assertTrue(due(cy).isEmpty());
        assertStatus(Status.Code.NOT_FOUND, () -> review(cy, c, RecallRating.RECALL_RATING_GOOD));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> cy.deleteCard(
                        DeleteCardRequest.newBuilder().setName(c.getName()).build()));
        assertEquals(
                0,
                cy.getRecallStats(GetRecallStatsRequest.getDefaultInstance())
                        .getStats()
                        .getCardCount());
    }

    @Test
    void doneItemsAndStepsLeftUncheckedBecomeCards() throws Exception {
        String token = user("dee");
        RecallServiceBlockingStub dee = recall(token);
        var plans = as(PlanServiceGrpc.newBlockingStub(tracker.service().channel()), token);
        Plan plan = plans.createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(role)
                        .setHoursPerWeek(5)
                        .build())
                .getPlan();
        PlanItem item = plan.getItemsList().stream()
                .filter(i -> !i.getSource().getText().isBlank())
                .findFirst()
                .orElseThrow();
        FieldMask status = FieldMask.newBuilder().addPaths("status").build();
        plans.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                .setPlanItem(item.toBuilder().clearEtag().setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE))
                .setUpdateMask(status)
                .build());
        List<RecallCard> cards = due(dee);
        assertEquals(1, cards.size());
        assertEquals(RecallCardOrigin.RECALL_CARD_ORIGIN_PLAN_ITEM, cards.get(0).getOrigin());
        assertEquals(item.getName(), cards.get(0).getSource());
        assertEquals(item.getTitle(), cards.get(0).getFront());
        assertEquals(item.getSource().getText(), cards.get(0).getBack());
        // Reopened and done again: still one card.
        plans.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                .setPlanItem(item.toBuilder().clearEtag().setStatus(PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS))
                .setUpdateMask(status)
                .build());
        plans.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                .setPlanItem(item.toBuilder().clearEtag().setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE))
                .setUpdateMask(status)
                .build());
        assertEquals(1, due(dee).size());
        assertEquals(
                1,
                as(ProgressServiceGrpc.newBlockingStub(tracker.service().channel()), token)
                        .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                .setPlan(plan.getName())
                                .build())
                        .getProgressSummary()
                        .getRecallDueCount());

        String checklist = ContentServiceGrpc.newBlockingStub(contentChannel)
                .listChecklists(ListChecklistsRequest.newBuilder().setRole(role).build())
                .getChecklists(0)
                .getName();
        var practice = as(PracticeServiceGrpc.newBlockingStub(tracker.service().channel()), token);
        PracticeSession s = practice.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(checklist)
                        .build())
                .getPracticeSession();
        practice.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .addStepUpdates(PracticeStepUpdate.newBuilder()
                        .setStep(s.getSteps(0).getName())
                        .setChecked(true))
                .build());
        practice.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .setSelfRating(3)
                .build());
        List<RecallCard> steps = due(dee).stream()
                .filter(c -> c.getOrigin() == RecallCardOrigin.RECALL_CARD_ORIGIN_PRACTICE_STEP)
                .toList();
        assertEquals(s.getStepsCount() - 1, steps.size());
        for (int i = 1; i < s.getStepsCount(); i++) {
            String stepName = s.getSteps(i).getName();
            RecallCard c = steps.stream()
                    .filter(x -> x.getSource().equals(stepName))
                    .findFirst()
                    .orElseThrow();
            assertEquals(s.getTitle() + ": " + s.getSteps(i).getTitle(), c.getFront());
            assertEquals(s.getSteps(i).getText(), c.getBack());
        }
    }

    @Test
    void mentorsReadStatsButNotCards() throws Exception {
        String mentee = user("eve");
        String mentor = user("max");
        String stranger = user("sam");
        sql(
                "INSERT INTO mentorship (id, mentor_id, mentee_id, state, message, create_time) SELECT ?, m.id, e.id, "
                        + "'ACTIVE', '', 0 FROM app_user m, app_user e WHERE m.handle = 'max' AND e.handle = 'eve'",
                Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2));
        RecallCard c = card(recall(mentee), "front", "back");
        RecallServiceBlockingStub max = recall(mentor);
        RecallStats stats = max.getRecallStats(GetRecallStatsRequest.newBuilder()
                        .setParent("users/eve")
                        .build())
                .getStats();
        assertEquals(1, stats.getCardCount());
        assertEquals("users/eve/recallStats", stats.getName());
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> max.listDueCards(
                        ListDueCardsRequest.newBuilder().setParent("users/eve").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> review(max, c, RecallRating.RECALL_RATING_GOOD));
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> max.updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                        .setSettings(RecallSettings.newBuilder()
                                .setName("users/eve/recallSettings")
                                .setDesiredRetention(0.9)
                                .setTimeZone("UTC"))
                        .build()));
        RecallServiceBlockingStub sam = recall(stranger);
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> sam.getRecallStats(GetRecallStatsRequest.newBuilder()
                        .setParent("users/eve")
                        .build()));
        assertStatus(Status.Code.NOT_FOUND, () -> review(sam, c, RecallRating.RECALL_RATING_GOOD));
    }

    @Test
    void statsForecastDueCardsAndMeasureTrueRetention() throws Exception {
        RecallServiceBlockingStub fay = recall(user("fay"));
        RecallCard forgotten = review(fay, card(fay, "a", "1"), RecallRating.RECALL_RATING_EASY)
                .getCard();
        RecallCard kept = review(fay, card(fay, "b", "2"), RecallRating.RECALL_RATING_EASY)
                .getCard();
        card(fay, "c", "3");
        // Both graduated cards were due in 8 days; let the 8 days pass, then review them in REVIEW state.
        age(forgotten, 8);
        age(kept, 8);
        RecallCard lapsed =
                review(fay, forgotten, RecallRating.RECALL_RATING_AGAIN).getCard();
        assertEquals(RecallCardState.RECALL_CARD_STATE_RELEARNING, lapsed.getState());
        assertEquals(1, lapsed.getLapseCount());
        RecallCard grown = review(fay, kept, RecallRating.RECALL_RATING_GOOD).getCard();
        assertTrue(grown.getStability() > kept.getStability(), "a successful recall on time grows stability");
        // The relearning card is due in 10 minutes, which after 23:50 UTC is tomorrow: make it due now.
        sql("UPDATE recall_card SET due_time = ? WHERE id = ?", System.currentTimeMillis() * 1000, id(lapsed));

        RecallStats stats =
                fay.getRecallStats(GetRecallStatsRequest.getDefaultInstance()).getStats();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(today, stats.getToday());
        assertEquals(3, stats.getCardCount());
        // Due today: the new card and the relearning one; the kept one is weeks away.
        assertEquals(2, stats.getDueTodayCount());
        assertEquals(7, stats.getForecastCount());
        assertEquals(2, stats.getForecast(0).getCount());
        assertEquals(30, stats.getReviewsPerDayCount());
        assertEquals(today, stats.getReviewsPerDay(29).getDate());
        assertEquals(4, stats.getReviewsPerDay(29).getCount());
        assertEquals(2, stats.getTrueRetentionReviewCount());
        assertEquals(50.0, stats.getTrueRetentionPercent(), 1e-9);
        assertEquals(0.9, stats.getSettings().getDesiredRetention(), 1e-12);
    }

    @Test
    void settingsAreValidatedAndTheDailyLimitCapsTheDueList() {
        RecallServiceBlockingStub gus = recall(user("gus"));
        var e = assertStatus(
                Status.Code.INVALID_ARGUMENT,
                () -> gus.updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                        .setSettings(RecallSettings.newBuilder()
                                .setDesiredRetention(0.5)
                                .setDailyLimit(-1)
                                .setTimeZone("Mars/Olympus"))
                        .build()));
        assertEquals(
                List.of("settings.desired_retention", "settings.daily_limit", "settings.time_zone"),
                badRequest(e).orElseThrow().getFieldViolationsList().stream()
                        .map(v -> v.getField())
                        .toList());
        assertInvalidField(
                "update_mask",
                () -> gus.updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                        .setUpdateMask(FieldMask.newBuilder().addPaths("colour"))
                        .build()));

        RecallSettings set = gus.updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                        .setSettings(RecallSettings.newBuilder().setDailyLimit(2))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("daily_limit"))
                        .build())
                .getSettings();
        assertEquals(2, set.getDailyLimit());
        assertEquals(0.9, set.getDesiredRetention(), 1e-12);
        assertEquals("UTC", set.getTimeZone());
        assertEquals("users/gus/recallSettings", set.getName());

        RecallCard one = card(gus, "1", "1");
        card(gus, "2", "2");
        card(gus, "3", "3");
        ListDueCardsResponse capped = gus.listDueCards(ListDueCardsRequest.getDefaultInstance());
        assertEquals(2, capped.getCardsCount());
        assertEquals(3, capped.getDueCount());
        assertEquals(2, capped.getRemainingToday());
        review(gus, one, RecallRating.RECALL_RATING_EASY);
        ListDueCardsResponse after = gus.listDueCards(ListDueCardsRequest.getDefaultInstance());
        assertEquals(1, after.getRemainingToday());
        assertEquals(1, after.getCardsCount());

        RecallSettings relaxed = gus.updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                        .setSettings(RecallSettings.newBuilder()
                                .setDesiredRetention(0.8)
                                .setTimeZone("Europe/Berlin"))
                        .setUpdateMask(FieldMask.newBuilder()
                                .addPaths("desired_retention")
                                .addPaths("time_zone"))
                        .build())
                .getSettings();
        assertEquals(2, relaxed.getDailyLimit());
        assertEquals("Europe/Berlin", relaxed.getTimeZone());
        // Lower retention stretches intervals: EASY first review, S = 8.2956, at 0.8 more than 8 days.
        RecallCard stretched = review(gus, card(gus, "4", "4"), RecallRating.RECALL_RATING_EASY)
                .getCard();
        assertTrue(Timestamps.between(stretched.getLastReviewTime(), stretched.getDueTime())
                        .getSeconds()
                > Duration.ofDays(8).getSeconds());
    }

    @Test
    void aMentorsApprovalMakesTheItemACard() throws Exception {
        String mentee = user("hal");
        String mentor = user("ivy");
        sql(
                "INSERT INTO mentorship (id, mentor_id, mentee_id, state, message, create_time) SELECT ?, m.id, e.id, "
                        + "'ACTIVE', '', 0 FROM app_user m, app_user e WHERE m.handle = 'ivy' AND e.handle = 'hal'",
                Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2));
        Plan plan = as(PlanServiceGrpc.newBlockingStub(tracker.service().channel()), mentee)
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(role)
                        .setHoursPerWeek(5)
                        .build())
                .getPlan();
        PlanItem item = plan.getItems(0);
        String request = as(ReviewServiceGrpc.newBlockingStub(tracker.service().channel()), mentee)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(item.getName())
                        .build())
                .getReviewRequest()
                .getName();
        assertTrue(due(recall(mentee)).isEmpty());
        as(ReviewServiceGrpc.newBlockingStub(tracker.service().channel()), mentor)
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(request)
                        .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                        .build());
        List<RecallCard> cards = due(recall(mentee));
        assertEquals(1, cards.size());
        assertEquals(item.getName(), cards.get(0).getSource());
    }

    @Test
    void concurrentReviewsOfOneCardSerializeOnItsRow() throws Exception {
        RecallServiceBlockingStub jo = recall(user("joe"));
        RecallCard c = card(jo, "front", "back");
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<ReviewCardResponse>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> review(jo, c, RecallRating.RECALL_RATING_AGAIN)));
            }
            for (Future<ReviewCardResponse> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Each review read the card after the one before it committed: counters and version moved once per review.
        assertEquals(List.of(String.valueOf(writers)), column("SELECT reps FROM recall_card WHERE id = ?", id(c)));
        assertEquals(
                List.of(String.valueOf(writers + 1)), column("SELECT version FROM recall_card WHERE id = ?", id(c)));
        assertEquals(
                List.of(String.valueOf(writers)),
                column("SELECT COUNT(*) FROM recall_review WHERE card_id = ?", id(c)));
        assertEquals(
                List.of(String.valueOf(writers)),
                column(
                        "SELECT COUNT(*) FROM activity WHERE subject = ? " + "AND type = 'RECALL_REVIEWED'",
                        c.getName()));
    }
}
