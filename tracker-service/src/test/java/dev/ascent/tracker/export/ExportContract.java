package dev.ascent.tracker.export;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.JsonFormat;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.AdminServiceGrpc;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.ExportPlanRequest;
import dev.ascent.proto.tracker.v1.ExportServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.ImportPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanResponse;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.RecallServiceGrpc;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ExportPlan and ImportPlan over a real channel on the engine under test: a plan with everything in it exports,
 * imports as a new plan (for its owner and for someone else), and exports again to the same thing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportContract {

    private static final Pattern ID = Pattern.compile("/(\\d{6,19})\\b");

    private TrackerHarness tracker;
    private ManagedChannel content;
    private Mentors mentors;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        content = ManagedChannelBuilder.forTarget(ContentProcess.shared().target())
                .usePlaintext()
                .build();
        mentors = new Mentors(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (content != null) {
            content.shutdownNow();
        }
    }

    ExportServiceGrpc.ExportServiceBlockingStub exports(Mentors.User u) {
        return as(ExportServiceGrpc.newBlockingStub(tracker.service().channel()), u.token());
    }

    /** A plan with time entries, comments by its owner and a mentor, an approved item, practice and recall. */
    private Plan fullPlan(Mentors.User owner, Mentors.User mentor) {
        var plans = mentors.plans(owner);
        Plan plan = plans.createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(Mentors.ROLE)
                        .setHoursPerWeek(6)
                        .setTimeZone("Europe/Berlin")
                        .addSkillRatings(
                                SkillRating.newBuilder().setSkill("python").setRating(2))
                        .build())
                .getPlan();
        PlanItem first = plan.getItems(0);
        PlanItem second = plan.getItems(1);
        plans.logTime(LogTimeRequest.newBuilder()
                .setPlanItem(first.getName())
                .setMinutes(45)
                .setNote("read, \"carefully\"\nthen =SUM(A1)")
                .build());
        plans.logTime(LogTimeRequest.newBuilder()
                .setPlanItem(first.getName())
                .setMinutes(30)
                .build());
        plans.logTime(LogTimeRequest.newBuilder()
                .setPlanItem(second.getName())
                .setMinutes(20)
                .build());
        FieldMask mask = FieldMask.newBuilder()
                .addPaths("notes")
                .addPaths("notes_private")
                .build();
        plans.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                .setPlanItem(PlanItem.newBuilder()
                        .setName(second.getName())
                        .setNotes("private thoughts")
                        .setNotesPrivate(true))
                .setUpdateMask(mask)
                .build());
        mentors.activate(owner, mentor);
        mentors.reviews(owner)
                .addComment(AddCommentRequest.newBuilder()
                        .setParent(first.getName())
                        .setBody("My own note on this")
                        .build());
        mentors.reviews(mentor)
                .addComment(AddCommentRequest.newBuilder()
                        .setParent(first.getName())
                        .setBody("Look at chapter 5")
                        .build());
        String request = mentors.reviews(owner)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(first.getName())
                        .setMentor(mentor.name())
                        .build())
                .getReviewRequest()
                .getName();
        mentors.reviews(mentor)
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(request)
                        .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                        .build());
        String prompt = ContentServiceGrpc.newBlockingStub(content)
                .listDesignPrompts(
                        ListDesignPromptsRequest.newBuilder().setPageSize(1).build())
                .getDesignPrompts(0)
                .getName();
        var practice = mentors.practice(owner);
        PracticeSession s = practice.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(second.getName())
                        .build())
                .getPracticeSession();
        practice.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .addStepUpdates(PracticeStepUpdate.newBuilder()
                        .setStep(s.getSteps(0).getName())
                        .setChecked(true)
                        .setNotes("covered"))
                .build());
        practice.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .setSelfRating(4)
                .build());
        var recall = as(RecallServiceGrpc.newBlockingStub(tracker.service().channel()), owner.token());
        RecallCard card =
                recall.listDueCards(ListDueCardsRequest.newBuilder().build()).getCards(0);
        recall.reviewCard(ReviewCardRequest.newBuilder()
                .setName(card.getName())
                .setRating(RecallRating.RECALL_RATING_GOOD)
                .build());
        return plan;
    }

    @Test
    void aPlanExportsWithEverythingAndImportsAsANewPlanThatExportsTheSame() throws Exception {
        Mentors.User ann = mentors.user("ann");
        Mentors.User mo = mentors.user("mo");
        Plan plan = fullPlan(ann, mo);
        PlanExport first = exports(ann)
                .exportPlan(
                        ExportPlanRequest.newBuilder().setName(plan.getName()).build())
                .getExport();
        assertEquals(1, first.getFormatVersion());
        assertEquals(ann.name(), first.getOwner());
        assertEquals(plan.getItemsCount(), first.getPlan().getItemsCount());
        assertEquals(3, first.getTimeEntriesCount());
        assertEquals(
                95,
                first.getPlan().getItemsList().stream()
                        .mapToLong(PlanItem::getLoggedMinutes)
                        .sum());
        assertEquals(2, first.getCommentsCount());
        assertEquals(1, first.getPracticeSessionsCount());
        assertTrue(first.getPlan().getItems(0).getVerified());
        assertEquals("private thoughts", first.getPlan().getItems(1).getNotes(), "the owner's export keeps notes");
        // The approved item and every step left unchecked became cards, and the review is in the log.
        int unchecked = first.getPracticeSessions(0).getStepsCount() - 1;
        assertEquals(1 + unchecked, first.getRecallCardsCount());
        assertEquals(1, first.getRecallReviewsCount());

        ImportPlanResponse imported = exports(ann)
                .importPlan(ImportPlanRequest.newBuilder()
                        .setExport(throughJson(first))
                        .build());
        Plan copy = imported.getPlan();
        assertNotEquals(plan.getName(), copy.getName());
        assertEquals(3, imported.getTimeEntryCount());
        assertEquals(1 + unchecked, imported.getRecallCardCount());
        PlanExport second = exports(ann)
                .exportPlan(
                        ExportPlanRequest.newBuilder().setName(copy.getName()).build())
                .getExport();
        assertEquals(normalized(expectedAfterImport(first, ann)), normalized(second));
        assertNoDrift();

        // The practice stats count the imported session as the original: twice the same session.
        var stats = mentors.practice(ann)
                .getPracticeStats(GetPracticeStatsRequest.getDefaultInstance())
                .getPracticeStats();
        assertEquals(2, stats.getOverall().getAttempts());
    }

    @Test
    void anotherUserImportsItWithoutTheMentorsWordOrTheOwnersName() throws Exception {
        Mentors.User ann = mentors.user("ann");
        Mentors.User mo = mentors.user("mo");
        Mentors.User bob = mentors.user("bob");
        Plan plan = fullPlan(ann, mo);
        PlanExport export = exports(ann)
                .exportPlan(
                        ExportPlanRequest.newBuilder().setName(plan.getName()).build())
                .getExport();
        Plan copy = exports(bob)
                .importPlan(ImportPlanRequest.newBuilder()
                        .setExport(throughJson(export))
                        .build())
                .getPlan();
        assertTrue(copy.getName().startsWith(bob.name() + "/plans/"), copy.getName());
        assertFalse(copy.getItems(0).getVerified(), "an approval is the mentor's word, not the importer's");
        PlanExport bobs = exports(bob)
                .exportPlan(
                        ExportPlanRequest.newBuilder().setName(copy.getName()).build())
                .getExport();
        assertEquals(
                List.of(bob.name(), bob.name()),
                bobs.getCommentsList().stream().map(Comment::getAuthor).toList());
        assertTrue(
                bobs.getComments(0).getBody().startsWith("From User " + ann.handle() + " (" + ann.name() + "), "),
                bobs.getComments(0).getBody());
        assertTrue(
                bobs.getComments(1).getBody().endsWith(":\nLook at chapter 5"),
                bobs.getComments(1).getBody());
        assertEquals(export.getRecallCardsCount(), bobs.getRecallCardsCount());
        assertNoDrift();
    }

    @Test
    void importIsIdempotentWithARequestId() {
        Mentors.User cat = mentors.user("cat");
        Plan plan = mentors.plan(cat);
        PlanExport export = exports(cat)
                .exportPlan(
                        ExportPlanRequest.newBuilder().setName(plan.getName()).build())
                .getExport();
        ImportPlanRequest request = ImportPlanRequest.newBuilder()
                .setExport(export)
                .setRequestId(UUID.randomUUID().toString())
                .build();
        String once = exports(cat).importPlan(request).getPlan().getName();
        String twice = exports(cat).importPlan(request).getPlan().getName();
        assertEquals(once, twice);
        assertEquals(
                2,
                mentors.plans(cat)
                        .listPlans(ListPlansRequest.getDefaultInstance())
                        .getPlansCount());
    }

    @Test
    void onlyTheOwnerExportsAndImportsForThemselves() {
        Mentors.User dan = mentors.user("dan");
        Mentors.User mentor = mentors.user("men");
        Mentors.User stranger = mentors.user("str");
        Plan plan = mentors.plan(dan);
        mentors.activate(dan, mentor);
        ExportPlanRequest request =
                ExportPlanRequest.newBuilder().setName(plan.getName()).build();
        assertStatus(Status.Code.PERMISSION_DENIED, () -> exports(mentor).exportPlan(request));
        assertStatus(Status.Code.NOT_FOUND, () -> exports(stranger).exportPlan(request));
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> ExportServiceGrpc.newBlockingStub(tracker.service().channel())
                        .exportPlan(request));
        PlanExport export = exports(dan).exportPlan(request).getExport();
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> exports(mentor)
                        .importPlan(ImportPlanRequest.newBuilder()
                                .setParent(dan.name())
                                .setExport(export)
                                .build()));
    }

    @Test
    void aMalformedOrFutureExportIsRefusedNamingTheField() {
        Mentors.User eve = mentors.user("eve");
        Plan plan = mentors.plan(eve);
        var stub = exports(eve);
        mentors.plans(eve)
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(plan.getItems(0).getName())
                        .setMinutes(5)
                        .build());
        PlanExport good = stub.exportPlan(
                        ExportPlanRequest.newBuilder().setName(plan.getName()).build())
                .getExport();
        List<Map.Entry<String, PlanExport>> bad = new ArrayList<>();
        bad.add(Map.entry(
                "export.format_version", good.toBuilder().setFormatVersion(2).build()));
        bad.add(Map.entry(
                "export.format_version", good.toBuilder().clearFormatVersion().build()));
        PlanExport.Builder tooMany = good.toBuilder();
        while (tooMany.getPlan().getItemsCount() <= 200) {
            tooMany.getPlanBuilder().addItems(good.getPlan().getItems(0));
        }
        bad.add(Map.entry("export.plan.items", tooMany.build()));
        PlanExport.Builder longTitle = good.toBuilder();
        longTitle.getPlanBuilder().getItemsBuilder(0).setTitle("x".repeat(301));
        bad.add(Map.entry("export.plan.items[0].title", longTitle.build()));
        PlanExport.Builder badZone = good.toBuilder();
        badZone.getPlanBuilder().setTimeZone("Mars/Olympus");
        bad.add(Map.entry("export.plan.time_zone", badZone.build()));
        bad.add(Map.entry(
                "export.time_entries[0].name",
                good.toBuilder()
                        .setTimeEntries(
                                0,
                                good.getTimeEntries(0).toBuilder().setName("users/eve/plans/1/items/2/timeEntries/3"))
                        .build()));
        bad.add(Map.entry(
                "export.time_entries[0].minutes",
                good.toBuilder()
                        .setTimeEntries(0, good.getTimeEntries(0).toBuilder().setMinutes(1441))
                        .build()));
        bad.add(Map.entry(
                "export.recall_cards[0].source",
                good.toBuilder()
                        .addRecallCards(RecallCard.newBuilder()
                                .setName("users/eve/recallCards/1")
                                .setOrigin(dev.ascent.proto.tracker.v1.RecallCardOrigin.RECALL_CARD_ORIGIN_PLAN_ITEM)
                                .setSource("users/eve/plans/9/items/9")
                                .setFront("q")
                                .setState(dev.ascent.proto.tracker.v1.RecallCardState.RECALL_CARD_STATE_LEARNING)
                                .setDueTime(good.getExportTime())
                                .setCreateTime(good.getExportTime()))
                        .build()));
        bad.add(Map.entry("export.format_version", PlanExport.getDefaultInstance()));
        int before = mentors.plans(eve)
                .listPlans(ListPlansRequest.getDefaultInstance())
                .getPlansCount();
        bad.forEach(b -> assertInvalidField(
                b.getKey(),
                () -> stub.importPlan(
                        ImportPlanRequest.newBuilder().setExport(b.getValue()).build())));
        assertInvalidField("export", () -> stub.importPlan(ImportPlanRequest.getDefaultInstance()));
        assertEquals(
                before,
                mentors.plans(eve)
                        .listPlans(ListPlansRequest.getDefaultInstance())
                        .getPlansCount(),
                "nothing was stored");
    }

    @Test
    void aFeedSecretIsShownOnceStoredAsAHashAndRotatingOrRevokingItEndsTheOldOne() throws Exception {
        Mentors.User fay = mentors.user("fay");
        Mentors.User other = mentors.user("oth");
        Plan plan = mentors.plan(fay);
        var stub = exports(fay);
        var anonymous = ExportServiceGrpc.newBlockingStub(tracker.service().channel());
        assertFalse(stub.getCalendarFeed(GetCalendarFeedRequest.getDefaultInstance())
                .getFeed()
                .getActive());
        CreateCalendarFeedRequest create = CreateCalendarFeedRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .build();
        CreateCalendarFeedResponse made = stub.createCalendarFeed(create);
        assertEquals(43, made.getSecret().length());
        assertEquals(made.getSecret(), stub.createCalendarFeed(create).getSecret(), "a retry gets the secret again");
        assertStatus(
                Status.Code.ALREADY_EXISTS,
                () -> stub.createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance()));
        assertTrue(stub.getCalendarFeed(GetCalendarFeedRequest.getDefaultInstance())
                .getFeed()
                .getActive());
        assertEquals(
                List.of(),
                column(
                        "SELECT user_id FROM calendar_feed WHERE secret_hash = ? OR secret_prefix = ?",
                        made.getSecret(),
                        made.getSecret()),
                "only a hash and a short prefix are stored");

        // The feed's secret and the API token are separate credentials: neither opens the other's door.
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser(fay.name())
                        .setSecret(fay.token())
                        .build()));
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> as(ExportServiceGrpc.newBlockingStub(tracker.service().channel()), made.getSecret())
                        .getCalendarFeed(GetCalendarFeedRequest.getDefaultInstance()));

        var read = anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                .setUser(fay.name())
                .setSecret(made.getSecret())
                .build());
        assertEquals(1, read.getPlansCount());
        assertEquals(plan.getItemsCount(), read.getPlans(0).getItemsCount());
        var wrongSecret = assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser(fay.name())
                        .setSecret("x" + made.getSecret())
                        .build()));
        var noSuchUser = assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser("users/nobody-here")
                        .setSecret(made.getSecret())
                        .build()));
        var someoneElse = assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser(other.name())
                        .setSecret(made.getSecret())
                        .build()));
        assertEquals(
                wrongSecret.getStatus().getDescription(), noSuchUser.getStatus().getDescription());
        assertEquals(
                wrongSecret.getStatus().getDescription(),
                someoneElse.getStatus().getDescription());

        String rotated = stub.rotateCalendarFeed(RotateCalendarFeedRequest.getDefaultInstance())
                .getSecret();
        assertNotEquals(made.getSecret(), rotated);
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser(fay.name())
                        .setSecret(made.getSecret())
                        .build()));
        anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                .setUser(fay.name())
                .setSecret(rotated)
                .build());
        stub.revokeCalendarFeed(RevokeCalendarFeedRequest.getDefaultInstance());
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> anonymous.readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                        .setUser(fay.name())
                        .setSecret(rotated)
                        .build()));
        assertStatus(
                Status.Code.NOT_FOUND, () -> stub.rotateCalendarFeed(RotateCalendarFeedRequest.getDefaultInstance()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> exports(other)
                        .createCalendarFeed(CreateCalendarFeedRequest.newBuilder()
                                .setName(fay.name() + "/calendarFeed")
                                .build()));
        assertInvalidField(
                "name",
                () -> stub.createCalendarFeed(CreateCalendarFeedRequest.newBuilder()
                        .setName("users/" + fay.handle())
                        .build()));
        assertInvalidField(
                "secret",
                () -> anonymous.readCalendarFeed(
                        ReadCalendarFeedRequest.newBuilder().setUser(fay.name()).build()));
        assertTrue(
                stub.createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance())
                        .getFeed()
                        .getActive(),
                "a revoked feed can be made again");
    }

    private List<String> column(String query, Object... args) throws Exception {
        try (java.sql.Connection c = tracker.database().connect();
                java.sql.PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * The export as a file holds it: protobuf's JSON mapping, printed and parsed back (the parser refuses unknown
     * fields); nothing is lost on the way.
     */
    private static PlanExport throughJson(PlanExport export) throws Exception {
        PlanExport.Builder parsed = PlanExport.newBuilder();
        JsonFormat.parser().merge(JsonFormat.printer().print(export), parsed);
        assertEquals(export, parsed.build(), "the JSON mapping keeps every field");
        return parsed.build();
    }

    /** What the second export must hold: the first, less what an import deliberately does not carry over. */
    private static PlanExport expectedAfterImport(PlanExport first, Mentors.User owner) {
        PlanExport.Builder b = first.toBuilder();
        b.getPlanBuilder()
                .getItemsBuilderList()
                .forEach(i -> i.setVerified(false).clearVerifiedBy());
        for (Comment.Builder c : b.getCommentsBuilderList()) {
            if (!c.getAuthor().equals(owner.name())) {
                String day = LocalDate.ofInstant(
                                Instant.ofEpochSecond(c.getCreateTime().getSeconds()),
                                ZoneId.of(first.getPlan().getTimeZone()))
                        .toString();
                c.setBody("From " + c.getAuthorDisplayName() + " (" + c.getAuthor() + "), " + day + ":\n" + c.getBody())
                        .setAuthor(owner.name())
                        .setAuthorDisplayName("User " + owner.handle());
            }
        }
        b.getPracticeSessionsBuilderList().forEach(s -> s.getStepsBuilderList().forEach(st -> st.setMentorScore(0)));
        return b.build();
    }

    /**
     * The export as JSON without what must differ between two plans: ids (numbered in order of appearance),
     * etags, the export's time, and when the plan and its items were made or last changed.
     */
    private static String normalized(PlanExport e) throws Exception {
        PlanExport.Builder b = e.toBuilder().clearExportTime();
        b.getPlanBuilder().clearCreateTime().clearUpdateTime().clearEtag();
        b.getPlanBuilder()
                .getItemsBuilderList()
                .forEach(i -> i.clearCreateTime().clearUpdateTime().clearEtag().clearOpenReviewRequest());
        b.getPracticeSessionsBuilderList()
                .forEach(s -> s.clearUpdateTime().clearEtag().clearOpenReviewRequest());
        b.getRecallCardsBuilderList().forEach(RecallCard.Builder::clearEtag);
        String json = JsonFormat.printer().print(b);
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = ID.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "/#" + ids.computeIfAbsent(m.group(1), k -> String.valueOf(ids.size())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void assertNoDrift() {
        var admin = as(AdminServiceGrpc.newBlockingStub(tracker.service().channel()), ADMIN_TOKEN);
        List<String> drifts = new ArrayList<>();
        String token = "";
        do {
            CheckConsistencyResponse page = admin.checkConsistency(
                    CheckConsistencyRequest.newBuilder().setPageToken(token).build());
            page.getDriftsList().forEach(d -> drifts.add(d.toString()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(List.of(), drifts, "the checker recomputes every counter and rollup from the imported rows");
    }
}
