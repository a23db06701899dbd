package dev.ascent.tracker.plan;

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
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.SectionKind;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityType;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.DeletePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListActivityResponse;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListTimeEntriesRequest;
import dev.ascent.proto.tracker.v1.ListTimeEntriesResponse;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc.PlanServiceBlockingStub;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.proto.tracker.v1.TimeEntry;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plans and progress over real channels, against a real content service with the starter catalog, fed with the seed
 * guides too when they are beside the checkout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlanContract {

    static final String SMLE = "roles/senior-machine-learning-engineer";
    static final String SCIENTIST = "roles/senior-machine-learning-scientist";

    private TrackerHarness tracker;
    private ManagedChannel contentChannel;
    private String engToken;
    private String otherToken;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        ContentProcess content = ContentProcess.shared();
        contentChannel =
                ManagedChannelBuilder.forTarget(content.target()).usePlaintext().build();
        var contentAdmin =
                ContentServiceGrpc.newBlockingStub(contentChannel).withCallCredentials(Bearer.token(ADMIN_TOKEN));
        // The content service starts with the bundled starter catalog; the seed guides merge into it when present.
        var seeds = dev.ascent.common.testing.SeedDirectory.findOrFailWhenRequired();
        if (seeds.isPresent()) {
            try (var files = Files.list(seeds.get())) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    contentAdmin.importGuide(ImportGuideRequest.newBuilder()
                            .setSourceName(p.getFileName().toString())
                            .setText(ByteString.copyFrom(Files.readAllBytes(p)))
                            .build());
                }
            }
        }
        tracker = TrackerHarness.start(engine(), Map.of("ascent.content.target", content.target()));
        var accounts = as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), ADMIN_TOKEN);
        engToken = accounts.createUser(CreateUserRequest.newBuilder()
                        .setHandle("eng")
                        .setDisplayName("Eng")
                        .build())
                .getToken();
        otherToken = accounts.createUser(CreateUserRequest.newBuilder()
                        .setHandle("other")
                        .setDisplayName("Other")
                        .build())
                .getToken();
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

    private PlanServiceBlockingStub plans(String token) {
        return as(PlanServiceGrpc.newBlockingStub(tracker.service().channel()), token);
    }

    private PlanServiceBlockingStub eng() {
        return plans(engToken);
    }

    private Plan create(String role, double hours) {
        return eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(role)
                        .setHoursPerWeek(hours)
                        .build())
                .getPlan();
    }

    private Role contentRole(String name) {
        return ContentServiceGrpc.newBlockingStub(contentChannel)
                .getRole(GetRoleRequest.newBuilder().setName(name).build())
                .getRole();
    }

    /** The engineer's progress summary of {@code plan}. */
    private ProgressSummary summary(Plan plan) {
        return ProgressServiceGrpc.newBlockingStub(tracker.service().channel())
                .withCallCredentials(Bearer.token(engToken))
                .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                        .setPlan(plan.getName())
                        .build())
                .getProgressSummary();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void aPlanStartsWithTheRolesDocumentedNextSteps() {
        Plan plan = create(SMLE, 6);
        List<String> nextSteps = new ArrayList<>();
        contentRole(SMLE).getSectionsList().stream()
                .filter(s -> s.getKind() == SectionKind.SECTION_KIND_NEXT_STEPS)
                .forEach(s ->
                        s.getTopicsList().forEach(t -> t.getItemsList().forEach(i -> nextSteps.add(i.getText()))));
        assertTrue(nextSteps.size() >= 7, "the short guide documents seven next steps");
        List<PlanItem> first = plan.getItemsList().subList(0, nextSteps.size());
        assertEquals(nextSteps, first.stream().map(PlanItem::getTitle).toList());
        first.forEach(i -> assertEquals(PlanItemKind.PLAN_ITEM_KIND_NEXT_STEP, i.getKind()));
        assertTrue(first.get(0).getSource().getContent().startsWith(SMLE + "/items/"));
        assertEquals(first.get(0).getTitle(), first.get(0).getSource().getText());
        assertTrue(plan.getItemsList().stream().anyMatch(i -> i.getKind() == PlanItemKind.PLAN_ITEM_KIND_SKILL_GAP));
        assertTrue(plan.getItemsList().stream()
                .anyMatch(i -> i.getKind() == PlanItemKind.PLAN_ITEM_KIND_PRACTICE
                        && i.getSource().getContent().startsWith("designPrompts/")));
        assertEquals("Path to Senior Machine Learning Engineer", plan.getTitle());
    }

    @Test
    void aRoleWithoutNextStepsStartsWithCareerDevelopment() {
        Plan plan = create(SCIENTIST, 6);
        assertEquals(
                PlanItemKind.PLAN_ITEM_KIND_CAREER_DEVELOPMENT, plan.getItems(0).getKind());
        assertFalse(plan.getItemsList().stream().anyMatch(i -> i.getKind() == PlanItemKind.PLAN_ITEM_KIND_NEXT_STEP));
    }

    @Test
    void lowRatedSkillsBecomeItemsHighestWeightFirst() {
        Role role = contentRole(SMLE);
        String strong = role.getSkills(0).getSkill();
        String weak = role.getSkills(1).getSkill();
        Plan plan = eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .addSkillRatings(SkillRating.newBuilder().setSkill(weak).setRating(1))
                        .addSkillRatings(
                                SkillRating.newBuilder().setSkill(strong).setRating(5))
                        .build())
                .getPlan();
        List<PlanItem> skills = plan.getItemsList().stream()
                .filter(i -> i.getKind() == PlanItemKind.PLAN_ITEM_KIND_SKILL)
                .toList();
        assertEquals(1, skills.size());
        assertEquals(weak, skills.get(0).getSource().getContent());
        assertEquals(12 * 60, skills.get(0).getEstimatedMinutes());
        assertEquals(2, plan.getSkillRatingsCount());
    }

    @Test
    void itemsAreSpreadOverWeeksByHoursPerWeek() {
        Plan plan = create(SMLE, 4);
        int previous = 1;
        for (PlanItem item : plan.getItemsList()) {
            assertTrue(item.getWeek() >= previous);
            previous = item.getWeek();
        }
        long total = plan.getItemsList().stream()
                .mapToLong(PlanItem::getEstimatedMinutes)
                .sum();
        assertEquals(total, plan.getTotalEstimatedMinutes());
        int weeks = plan.getItemsList().get(plan.getItemsCount() - 1).getWeek();
        assertEquals((total + 239) / 240, weeks);
        assertTrue(plan.getScheduleNote().startsWith("At 4 h a week"), plan.getScheduleNote());
    }

    @Test
    void aTargetDateSaysHowManyHoursItNeedsAndWhetherItIsRealistic() {
        String target = LocalDate.now(ZoneOffset.UTC).plusWeeks(52).toString();
        Plan derived = eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setTargetDate(target)
                        .build())
                .getPlan();
        assertTrue(derived.getHoursPerWeek() > 0);
        assertTrue(derived.getRequiredHoursPerWeek() <= derived.getHoursPerWeek() + 0.25);
        assertFalse(derived.getTargetDateUnrealistic());

        Plan rushed = eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .setTargetDate(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString())
                        .build())
                .getPlan();
        assertTrue(rushed.getTargetDateUnrealistic());
        assertTrue(rushed.getScheduleNote().contains("not realistic"), rushed.getScheduleNote());
    }

    @Test
    void itemUpdatesNeedAFreshEtagAndAMask() {
        Plan plan = create(SMLE, 6);
        PlanItem item = plan.getItems(0);
        PlanItem done = eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(item.toBuilder()
                                .setStatus(PlanItemStatus.PLAN_ITEM_STATUS_DONE)
                                .setNotes("shipped"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status").addPaths("notes"))
                        .build())
                .getPlanItem();
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, done.getStatus());
        assertEquals("shipped", done.getNotes());
        assertTrue(done.hasCompleteTime());
        assertStatus(
                Status.Code.ABORTED,
                () -> eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(item.toBuilder().setNotes("stale"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                        .build()));
        assertInvalidField(
                "update_mask",
                () -> eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(done)
                        .build()));
        assertInvalidField(
                "update_mask",
                () -> eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(done)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("week"))
                        .build()));
        assertInvalidField(
                "plan_item.status",
                () -> eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(done.toBuilder().setStatusValue(42))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                        .build()));
        assertInvalidField(
                "plan_item.notes",
                () -> eng().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(done.toBuilder().setEtag("").setNotes("x".repeat(4001)))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                        .build()));
    }

    /** A plan whose items are all gone is still read, with none, by GetPlan and the summary. */
    @Test
    void aPlanWithoutItemsIsReadWithNone() throws Exception {
        Plan plan = create(SMLE, 6);
        long planId = Long.parseLong(plan.getName().substring(plan.getName().lastIndexOf('/') + 1));
        try (var c = tracker.database().connect();
                var ps = c.prepareStatement("DELETE FROM plan_item WHERE plan_id = ?")) {
            ps.setLong(1, planId);
            assertEquals(plan.getItemsCount(), ps.executeUpdate());
        }
        Plan read = eng().getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan();
        assertEquals(plan.getName(), read.getName());
        assertEquals(plan.getTitle(), read.getTitle());
        assertEquals(0, read.getItemsCount());
        ProgressSummary summary = summary(plan);
        assertEquals(0, summary.getTodoCount());
        assertEquals(0, summary.getLoggedMinutesTotal());
    }

    @Test
    void loggingTimeStartsTheItemAndShowsInProgressAndActivity() {
        Plan plan = create(SMLE, 6);
        PlanItem item = plan.getItems(1);
        var logged = eng().logTime(LogTimeRequest.newBuilder()
                .setPlanItem(item.getName())
                .setMinutes(30)
                .setNote("read the paper")
                .build());
        assertEquals(
                PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS,
                logged.getPlanItem().getStatus());
        assertEquals(30, logged.getPlanItem().getLoggedMinutes());
        assertEquals(today(), logged.getTimeEntry().getDay());

        ProgressSummary summary = summary(plan);
        assertEquals(30, summary.getLoggedMinutesTotal());
        assertEquals(30, summary.getMinutesThisWeek());
        assertEquals(1, summary.getInProgressCount());
        assertEquals(plan.getItemsCount() - 1, summary.getTodoCount());
        assertEquals(1, summary.getCurrentStreakDays());
        assertEquals(today(), summary.getToday());
        assertFalse(summary.getNextDueItemsList().isEmpty());

        var progress = ProgressServiceGrpc.newBlockingStub(tracker.service().channel())
                .withCallCredentials(Bearer.token(engToken));
        ListActivityResponse page1 = progress.listActivity(ListActivityRequest.newBuilder()
                .setParent(plan.getName())
                .setPageSize(2)
                .build());
        assertEquals(
                List.of(ActivityType.ACTIVITY_TYPE_STATUS_CHANGED, ActivityType.ACTIVITY_TYPE_TIME_LOGGED),
                page1.getActivityEventsList().stream()
                        .map(ActivityEvent::getType)
                        .toList());
        assertEquals(3, page1.getTotalSize(), "every event of the plan, not the page");
        eng().logTime(LogTimeRequest.newBuilder()
                .setPlanItem(item.getName())
                .setMinutes(5)
                .build());
        ListActivityResponse page2 = progress.listActivity(ListActivityRequest.newBuilder()
                .setParent(plan.getName())
                .setPageSize(2)
                .setPageToken(page1.getNextPageToken())
                .build());
        assertEquals(
                List.of(ActivityType.ACTIVITY_TYPE_PLAN_CREATED),
                page2.getActivityEventsList().stream()
                        .map(ActivityEvent::getType)
                        .toList(),
                "a new event does not shift later pages");
        assertEquals("", page2.getNextPageToken());
        assertEquals(4, page2.getTotalSize(), "counted anew on each page");

        assertInvalidField(
                "minutes",
                () -> eng().logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item.getName())
                        .setMinutes(0)
                        .build()));
        assertInvalidField(
                "day",
                () -> eng().logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item.getName())
                        .setMinutes(10)
                        .setDay(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
                        .build()));
        assertInvalidField(
                "day",
                () -> eng().logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item.getName())
                        .setMinutes(10)
                        .setDay(LocalDate.parse(plan.getStartDate())
                                .minusDays(1)
                                .toString())
                        .build()));
    }

    /**
     * "Today" is the plan's own day, in its time zone, through the service's own clock. At any instant one of these
     * two zones (UTC+14 and UTC-12) is on another date than UTC, so a service that takes today from UTC fails here
     * whatever the time. A call that crosses a zone's midnight may see either of the two dates around it.
     */
    @Test
    void todayIsThePlansOwnDateInItsTimeZone() {
        for (String zone : List.of("Pacific/Kiritimati", "Etc/GMT+12")) {
            ZoneId id = ZoneId.of(zone);
            LocalDate before = LocalDate.now(id);
            Plan plan = eng().createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SMLE)
                            .setHoursPerWeek(5)
                            .setTimeZone(zone)
                            .build())
                    .getPlan();
            String item = plan.getItems(0).getName();
            var byDefault = eng().logTime(LogTimeRequest.newBuilder()
                    .setPlanItem(item)
                    .setMinutes(10)
                    .build());
            // Its start date, today unless given, is a day the plan takes time on.
            var onItsToday = eng().logTime(LogTimeRequest.newBuilder()
                    .setPlanItem(item)
                    .setMinutes(5)
                    .setDay(plan.getStartDate())
                    .build());
            ProgressSummary summary = summary(plan);
            LocalDate after = LocalDate.now(id);
            Set<String> dates = new HashSet<>(List.of(before.toString(), after.toString()));
            assertTrue(dates.contains(plan.getStartDate()), zone + ": start date " + plan.getStartDate());
            assertTrue(
                    dates.contains(byDefault.getTimeEntry().getDay()),
                    zone + ": default day " + byDefault.getTimeEntry().getDay());
            assertEquals(plan.getStartDate(), onItsToday.getTimeEntry().getDay(), zone);
            assertTrue(dates.contains(summary.getToday()), zone + ": summary's today " + summary.getToday());
            if (before.equals(after)) { // across a zone's midnight the two entries may fall in two weeks
                assertEquals(15, summary.getMinutesThisWeek(), zone);
            }
            assertInvalidField(
                    "day",
                    () -> eng().logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(item)
                            .setMinutes(5)
                            .setDay(after.plusDays(1).toString())
                            .build()));
        }
    }

    @Test
    void itemsCanBeAddedReorderedAndThePlanRescheduled() {
        Plan plan = create(SCIENTIST, 10);
        PlanItem custom = eng().addPlanItem(AddPlanItemRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPosition(1)
                        .setPlanItem(PlanItem.newBuilder().setTitle("Read the team's design docs"))
                        .build())
                .getPlanItem();
        assertEquals(PlanItemKind.PLAN_ITEM_KIND_CUSTOM, custom.getKind());
        assertEquals(120, custom.getEstimatedMinutes());
        Plan withCustom = eng().getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan();
        assertEquals(custom.getName(), withCustom.getItems(0).getName());

        List<String> reversed = new ArrayList<>(
                withCustom.getItemsList().stream().map(PlanItem::getName).toList());
        java.util.Collections.reverse(reversed);
        Plan reordered = eng().reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                        .setName(plan.getName())
                        .addAllItemNames(reversed)
                        .setEtag(withCustom.getEtag())
                        .build())
                .getPlan();
        assertEquals(
                reversed,
                reordered.getItemsList().stream().map(PlanItem::getName).toList());
        assertStatus(
                Status.Code.ABORTED,
                () -> eng().reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                        .setName(plan.getName())
                        .addAllItemNames(reversed)
                        .setEtag(withCustom.getEtag())
                        .build()));
        assertInvalidField(
                "item_names",
                () -> eng().reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                        .setName(plan.getName())
                        .addAllItemNames(reversed.subList(1, reversed.size()))
                        .build()));

        Plan slower = eng().updatePlan(UpdatePlanRequest.newBuilder()
                        .setPlan(Plan.newBuilder().setName(plan.getName()).setHoursPerWeek(2))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("hours_per_week"))
                        .build())
                .getPlan();
        assertTrue(slower.getItems(slower.getItemsCount() - 1).getWeek()
                > reordered.getItems(reordered.getItemsCount() - 1).getWeek());

        eng().updatePlan(UpdatePlanRequest.newBuilder()
                .setPlan(Plan.newBuilder().setName(plan.getName()).setArchived(true))
                .setUpdateMask(FieldMask.newBuilder().addPaths("archived"))
                .build());
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> eng().addPlanItem(AddPlanItemRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPlanItem(PlanItem.newBuilder().setTitle("x"))
                        .build()));
        assertFalse(eng().listPlans(ListPlansRequest.getDefaultInstance()).getPlansList().stream()
                .anyMatch(p -> p.getName().equals(plan.getName())));
        assertTrue(eng()
                .listPlans(ListPlansRequest.newBuilder().setShowArchived(true).build())
                .getPlansList()
                .stream()
                .anyMatch(p -> p.getName().equals(plan.getName())));

        eng().deletePlan(DeletePlanRequest.newBuilder().setName(plan.getName()).build());
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> eng().getPlan(GetPlanRequest.newBuilder()
                        .setName(plan.getName())
                        .build()));
    }

    @Test
    void nobodyElseSeesOrChangesAPlan() {
        Plan plan = create(SCIENTIST, 5);
        PlanServiceBlockingStub anonymousPlans =
                PlanServiceGrpc.newBlockingStub(tracker.service().channel());
        var anonymousProgress =
                ProgressServiceGrpc.newBlockingStub(tracker.service().channel());
        for (var call : everyPlanCall(
                plan, plans(otherToken), anonymousProgress.withCallCredentials(Bearer.token(otherToken)))) {
            assertStatus(Status.Code.NOT_FOUND, call);
        }
        for (var call : everyPlanCall(plan, anonymousPlans, anonymousProgress)) {
            assertStatus(Status.Code.UNAUTHENTICATED, call);
        }
        for (var call : everyPlanCall(
                plan,
                plans("asc_revoked_or_unknown"),
                anonymousProgress.withCallCredentials(Bearer.token("asc_revoked_or_unknown")))) {
            assertStatus(Status.Code.UNAUTHENTICATED, call);
        }
        // and the owner's plan is untouched
        Plan after = eng().getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan();
        assertEquals(plan.getTitle(), after.getTitle());
        assertEquals(plan.getItemsCount(), after.getItemsCount());
        assertEquals(plan.getEtag(), after.getEtag());
    }

    /** Every plan and progress RPC, aimed at the eng user's plan. */
    private static List<org.junit.jupiter.api.function.Executable> everyPlanCall(
            Plan plan, PlanServiceBlockingStub p, ProgressServiceGrpc.ProgressServiceBlockingStub g) {
        PlanItem item = plan.getItems(0);
        return List.of(
                () -> p.getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build()),
                () -> p.listPlans(
                        ListPlansRequest.newBuilder().setParent("users/eng").build()),
                () -> p.updatePlan(UpdatePlanRequest.newBuilder()
                        .setPlan(plan.toBuilder().setTitle("mine"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("title"))
                        .build()),
                () -> p.deletePlan(
                        DeletePlanRequest.newBuilder().setName(plan.getName()).build()),
                () -> p.addPlanItem(AddPlanItemRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPlanItem(PlanItem.newBuilder().setTitle("x"))
                        .build()),
                () -> p.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(item.toBuilder().setNotes("x"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                        .build()),
                () -> p.logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item.getName())
                        .setMinutes(5)
                        .build()),
                () -> p.reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                        .setName(plan.getName())
                        .addItemNames(item.getName())
                        .build()),
                () -> p.createPlan(CreatePlanRequest.newBuilder()
                        .setParent("users/eng")
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .build()),
                () -> g.getProgressSummary(GetProgressSummaryRequest.newBuilder()
                        .setPlan(plan.getName())
                        .build()),
                () -> g.listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .build()));
    }

    @Test
    void concurrentRetriesOfOneCreateMakeOnePlan() throws Exception {
        CreatePlanRequest request = CreatePlanRequest.newBuilder()
                .setTargetRole(SCIENTIST)
                .setHoursPerWeek(3)
                .setTitle("Retried plan")
                .setRequestId("plan-retry-1")
                .build();
        int before = eng().listPlans(
                        ListPlansRequest.newBuilder().setPageSize(100).build())
                .getPlansCount();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Plan>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> eng().createPlan(request).getPlan());
            }
            Set<String> names = new HashSet<>();
            for (Future<Plan> f : pool.invokeAll(calls)) {
                names.add(f.get().getName());
            }
            assertEquals(1, names.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                before + 1,
                eng().listPlans(ListPlansRequest.newBuilder().setPageSize(100).build())
                        .getPlansCount());
    }

    /** A typo in a rating used to be ignored silently, and switched off the role's default skill items with it. */
    @Test
    void aRatingOfASkillTheRoleDoesNotListIsRefusedWithTheClosestNames() {
        Role role = contentRole(SMLE);
        String skill = role.getSkills(0).getDisplayName();
        String typo = skill.charAt(0) + "x" + skill.substring(1);
        int before = eng().listPlans(
                        ListPlansRequest.newBuilder().setPageSize(100).build())
                .getPlansCount();
        var refused = assertInvalidField(
                "skill_ratings[1].skill",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .addSkillRatings(SkillRating.newBuilder()
                                .setSkill(role.getSkills(1).getSkill())
                                .setRating(2))
                        .addSkillRatings(SkillRating.newBuilder().setSkill(typo).setRating(2))
                        .build()));
        String description =
                badRequest(refused).orElseThrow().getFieldViolations(0).getDescription();
        assertTrue(
                description.startsWith("'" + typo + "' is not a skill of Senior Machine Learning Engineer; did "
                        + "you mean " + skill),
                description);
        var far = assertInvalidField(
                "skill_ratings[0].skill",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .addSkillRatings(SkillRating.newBuilder()
                                .setSkill("underwater basket weaving")
                                .setRating(1))
                        .build()));
        assertTrue(
                badRequest(far)
                        .orElseThrow()
                        .getFieldViolations(0)
                        .getDescription()
                        .contains("its skills include "),
                far::toString);
        assertEquals(
                before,
                eng().listPlans(ListPlansRequest.newBuilder().setPageSize(100).build())
                        .getPlansCount(),
                "nothing stored");
        // Key, display name, case and plural forms all still match.
        Plan plan = eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .addSkillRatings(SkillRating.newBuilder()
                                .setSkill(skill.toUpperCase())
                                .setRating(1))
                        .addSkillRatings(SkillRating.newBuilder()
                                .setSkill(role.getSkills(1).getSkill())
                                .setRating(4))
                        .build())
                .getPlan();
        assertEquals(2, plan.getSkillRatingsCount());
    }

    /**
     * The schedule note used to call a plan "set" whose last item fell due after the target date (week ends do not
     * line up with a target in mid-week). Now the hours it names finish the plan by the target, and "set" means the
     * schedule ends by then, for targets on every weekday.
     */
    @Test
    void theScheduleNoteAgreesWithTheScheduledDates() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int days = 60; days < 67; days++) {
            String target = today.plusDays(days).toString();
            Plan derived = eng().createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SCIENTIST)
                            .setTargetDate(target)
                            .build())
                    .getPlan();
            assertTrue(derived.getScheduledEndDate().compareTo(target) <= 0, () -> target + ": " + derived);
            assertTrue(derived.getScheduleNote().contains("so you are set"), derived.getScheduleNote());
            Plan tooFew = eng().createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SCIENTIST)
                            .setHoursPerWeek(Math.max(0.5, derived.getRequiredHoursPerWeek() - 1))
                            .setTargetDate(target)
                            .build())
                    .getPlan();
            assertTrue(tooFew.getScheduledEndDate().compareTo(target) > 0, () -> target + ": " + tooFew);
            assertTrue(
                    tooFew.getScheduleNote().contains("move the target date to " + tooFew.getScheduledEndDate()),
                    tooFew.getScheduleNote());
            Plan enough = eng().createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SCIENTIST)
                            .setHoursPerWeek(derived.getRequiredHoursPerWeek())
                            .setTargetDate(target)
                            .build())
                    .getPlan();
            assertTrue(enough.getScheduledEndDate().compareTo(target) <= 0, () -> target + ": " + enough);
            for (Plan p : List.of(derived, tooFew, enough)) {
                eng().deletePlan(DeletePlanRequest.newBuilder()
                        .setName(p.getName())
                        .build());
            }
        }
    }

    @Test
    void timeEntriesListNewestFirstWithTheirNotes() {
        Plan plan = create(SMLE, 6);
        PlanItem item = plan.getItems(2);
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String start = plan.getStartDate();
        eng().logTime(LogTimeRequest.newBuilder()
                .setPlanItem(item.getName())
                .setMinutes(20)
                .setNote("first")
                .build());
        eng().logTime(LogTimeRequest.newBuilder()
                .setPlanItem(item.getName())
                .setMinutes(30)
                .setNote("second")
                .build());
        eng().logTime(LogTimeRequest.newBuilder()
                .setPlanItem(plan.getItems(3).getName())
                .setMinutes(5)
                .build());
        ListTimeEntriesResponse page1 = eng().listTimeEntries(ListTimeEntriesRequest.newBuilder()
                .setParent(item.getName())
                .setPageSize(1)
                .build());
        assertEquals(
                List.of("second"),
                page1.getTimeEntriesList().stream().map(TimeEntry::getNote).toList());
        assertTrue(page1.getTimeEntries(0).getName().startsWith(item.getName() + "/timeEntries/"));
        ListTimeEntriesResponse page2 = eng().listTimeEntries(ListTimeEntriesRequest.newBuilder()
                .setParent(item.getName())
                .setPageSize(5)
                .setPageToken(page1.getNextPageToken())
                .build());
        assertEquals(
                List.of(20),
                page2.getTimeEntriesList().stream().map(TimeEntry::getMinutes).toList());
        assertEquals(today(), page2.getTimeEntries(0).getDay());
        assertEquals("", page2.getNextPageToken());
        assertTrue(start.compareTo(yesterday) > 0, "the plan starts today, so nothing can be logged before");
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> plans(otherToken)
                        .listTimeEntries(ListTimeEntriesRequest.newBuilder()
                                .setParent(item.getName())
                                .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> eng().listTimeEntries(ListTimeEntriesRequest.newBuilder()
                        .setParent(plan.getName() + "/items/12345")
                        .build()));
        assertInvalidField(
                "parent",
                () -> eng().listTimeEntries(ListTimeEntriesRequest.newBuilder()
                        .setParent(plan.getName())
                        .build()));
    }

    @Test
    void badPlanRequestsNameTheirFields() {
        assertInvalidField(
                "target_role",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/astronaut")
                        .setHoursPerWeek(5)
                        .build()));
        assertInvalidField(
                "target_role",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("Senior Engineer")
                        .setHoursPerWeek(5)
                        .build()));
        assertInvalidField(
                "hours_per_week",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(100)
                        .build()));
        assertInvalidField(
                "hours_per_week",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(-2)
                        .build()));
        assertInvalidField(
                "target_date",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .setStartDate("2027-03-01")
                        .setTargetDate("2027-02-01")
                        .build()));
        assertInvalidField(
                "start_date",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .setStartDate("03/01/2027")
                        .build()));
        assertInvalidField(
                "skill_ratings[0].rating",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .addSkillRatings(SkillRating.newBuilder()
                                .setSkill("skills/python")
                                .setRating(7))
                        .build()));
        assertInvalidField(
                "time_zone",
                () -> eng().createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(SMLE)
                        .setHoursPerWeek(5)
                        .setTimeZone("Mars/Olympus")
                        .build()));
        assertInvalidField(
                "name",
                () -> eng().getPlan(
                                GetPlanRequest.newBuilder().setName("plans/1").build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> eng().getPlan(GetPlanRequest.newBuilder()
                        .setName("users/eng/plans/12345")
                        .build()));
    }

    @Test
    void whenTheContentServiceIsDownNothingIsStored() throws Exception {
        try (TrackerHarness cut = TrackerHarness.start(
                engine(), Map.of("ascent.content.target", "127.0.0.1:1", "ascent.content.deadline", "1s"))) {
            var admin = as(AccountServiceGrpc.newBlockingStub(cut.service().channel()), ADMIN_TOKEN);
            String token = admin.createUser(CreateUserRequest.newBuilder()
                            .setHandle("lonely")
                            .setDisplayName("L")
                            .build())
                    .getToken();
            PlanServiceBlockingStub stub =
                    as(PlanServiceGrpc.newBlockingStub(cut.service().channel()), token);
            var e = assertStatus(
                    Status.Code.UNAVAILABLE,
                    () -> stub.createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SMLE)
                            .setHoursPerWeek(5)
                            .build()));
            assertTrue(
                    e.getStatus().getDescription().contains("content service"),
                    e.getStatus().getDescription());
            assertEquals(
                    0, stub.listPlans(ListPlansRequest.getDefaultInstance()).getPlansCount());
        }
    }
}
