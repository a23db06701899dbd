package dev.ascent.tracker.practice;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.common.testing.GrpcAssertions.errorInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.GetChecklistRequest;
import dev.ascent.proto.content.v1.GetDesignPromptRequest;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionResponse;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsResponse;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc.PracticeServiceBlockingStub;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.SourceStats;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PracticeService over a real channel, with a real content service to copy from; runs once per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PracticeContract {

    PracticeFixture f;
    String prompt;
    String checklist;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        f = PracticeFixture.start(engine());
        prompt = f.firstDesignPrompt();
        String role = f.testRole();
        checklist = f.content()
                .listChecklists(ListChecklistsRequest.newBuilder().setRole(role).build())
                .getChecklists(0)
                .getName();
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    static PracticeSession start(PracticeServiceBlockingStub stub, String source) {
        return stub.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(source)
                        .build())
                .getPracticeSession();
    }

    static PracticeSession check(PracticeServiceBlockingStub stub, PracticeSession s, int... positions) {
        UpdatePracticeSessionRequest.Builder r =
                UpdatePracticeSessionRequest.newBuilder().setName(s.getName());
        for (int p : positions) {
            r.addStepUpdates(PracticeStepUpdate.newBuilder()
                    .setStep(s.getSteps(p - 1).getName())
                    .setChecked(true));
        }
        return stub.updatePracticeSession(r.build()).getPracticeSession();
    }

    static PracticeSession complete(PracticeServiceBlockingStub stub, PracticeSession s, int rating) {
        return stub.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setSelfRating(rating)
                        .build())
                .getPracticeSession();
    }

    static PracticeSession get(PracticeServiceBlockingStub stub, String name) {
        return stub.getPracticeSession(
                        GetPracticeSessionRequest.newBuilder().setName(name).build())
                .getPracticeSession();
    }

    @Test
    void startingFromADesignPromptCopiesItsSteps() throws Exception {
        PracticeServiceBlockingStub ada = f.practice(f.user("ada"));
        DesignPrompt source = f.content()
                .getDesignPrompt(
                        GetDesignPromptRequest.newBuilder().setName(prompt).build())
                .getDesignPrompt();
        PracticeSession s = start(ada, prompt);

        assertTrue(s.getName().matches("users/ada/practiceSessions/\\d+"), s.getName());
        assertEquals(prompt, s.getSource());
        assertEquals(source.getTitle(), s.getTitle());
        assertEquals(source.getScenario(), s.getScenario());
        assertEquals(PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE, s.getState());
        assertEquals(45, s.getTimeBoxMinutes());
        assertEquals(
                45 * 60,
                Timestamps.between(s.getStartTime(), s.getDeadlineTime()).getSeconds());
        assertFalse(s.hasEndTime());
        assertFalse(s.hasDuration());
        assertEquals(source.getStepsCount(), s.getStepCount());
        assertEquals(0, s.getCheckedCount());
        assertEquals(0.0, s.getCoveragePercent());
        for (int i = 0; i < source.getStepsCount(); i++) {
            var step = s.getSteps(i);
            assertEquals(s.getName() + "/steps/" + (i + 1), step.getName());
            assertEquals(source.getSteps(i).getName(), step.getSourceStep());
            assertEquals(source.getSteps(i).getPhase().name().replace("DESIGN_PHASE_", ""), step.getPhase());
            assertEquals(source.getSteps(i).getTitle(), step.getTitle());
            assertEquals(source.getSteps(i).getText(), step.getText());
            assertFalse(step.getChecked());
        }
        assertEquals(s, get(ada, s.getName()));
        assertEquals(
                List.of("PRACTICE_STARTED"),
                f.column(
                        "SELECT a.type FROM activity a JOIN app_user u "
                                + "ON u.id = a.user_id WHERE u.handle = 'ada' AND a.subject = ?",
                        s.getName()));

        PracticeSession boxed = ada.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setTimeBoxMinutes(90)
                        .setParent("users/ada")
                        .build())
                .getPracticeSession();
        assertEquals(90, boxed.getTimeBoxMinutes());
    }

    @Test
    void checklistSessionsKeepTheirCopyWhenTheCatalogChanges() {
        PracticeServiceBlockingStub bea = f.practice(f.user("bea"));
        PracticeSession s = start(bea, checklist);
        Checklist before = f.content()
                .getChecklist(
                        GetChecklistRequest.newBuilder().setName(checklist).build())
                .getChecklist();
        assertEquals(before.getTitle(), s.getTitle());
        assertEquals("", s.getScenario());
        assertEquals(3, s.getStepCount());
        assertEquals(before.getItems(1).getText(), s.getSteps(1).getText());
        assertEquals(before.getItems(1).getName(), s.getSteps(1).getSourceStep());
        assertEquals("", s.getSteps(1).getPhase());

        f.importGuide(PracticeFixture.GUIDE_V2);
        try {
            Checklist after = f.content()
                    .getChecklist(
                            GetChecklistRequest.newBuilder().setName(checklist).build())
                    .getChecklist();
            assertEquals(4, after.getItemsCount(), "the catalog did change");
            assertEquals(s.getStepsList(), get(bea, s.getName()).getStepsList());
            assertEquals(3, get(bea, s.getName()).getStepCount());
        } finally {
            f.importGuide(PracticeFixture.GUIDE_V1);
        }
    }

    @Test
    void updatesCheckStepsAndTakeNotesWithEtags() {
        PracticeServiceBlockingStub cal = f.practice(f.user("cal"));
        PracticeSession s = start(cal, prompt);
        PracticeSession u = cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setEtag(s.getEtag())
                        .setNotes("went well")
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setChecked(true))
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(1).getName())
                                .setChecked(true)
                                .setNotes("forgot the read path at first"))
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(2).getName())
                                .setNotes("later"))
                        .build())
                .getPracticeSession();
        assertEquals(2, u.getCheckedCount());
        assertEquals(100.0 * 2 / s.getStepCount(), u.getCoveragePercent(), 1e-9);
        assertEquals("went well", u.getNotes());
        assertEquals("forgot the read path at first", u.getSteps(1).getNotes());
        assertFalse(u.getSteps(2).getChecked());
        assertEquals("later", u.getSteps(2).getNotes());
        assertNotEquals(s.getEtag(), u.getEtag());

        var stale = assertStatus(
                Status.Code.ABORTED,
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setEtag(s.getEtag())
                        .setNotes("lost")
                        .build()));
        assertEquals("STALE_ETAG", errorInfo(stale).orElseThrow().getReason());

        // Unchecking, and leaving the etag out, which skips the check; unset fields stay as they are.
        PracticeSession v = cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setChecked(false))
                        .build())
                .getPracticeSession();
        assertEquals(1, v.getCheckedCount());
        assertEquals("went well", v.getNotes());
        assertEquals("forgot the read path at first", v.getSteps(1).getNotes());

        PracticeSession other = start(cal, prompt);
        assertInvalidField(
                "step_updates[0].step",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(other.getSteps(0).getName())
                                .setChecked(true))
                        .build()));
        assertInvalidField(
                "step_updates[0].step",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getName() + "/steps/999")
                                .setChecked(true))
                        .build()));
        assertInvalidField(
                "step_updates[1].step",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setChecked(true))
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setChecked(false))
                        .build()));
        assertInvalidField(
                "step_updates[0].step",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep("steps/1")
                                .setChecked(true))
                        .build()));
        assertInvalidField(
                "notes",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setNotes("x".repeat(4001))
                        .build()));
        assertInvalidField(
                "step_updates[0].notes",
                () -> cal.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setNotes("x".repeat(4001)))
                        .build()));
        assertEquals(v, get(cal, s.getName()), "failed updates change nothing");
    }

    @Test
    void completingRecordsRatingCoverageAndDuration() {
        PracticeServiceBlockingStub dan = f.practice(f.user("dan"));
        PracticeSession s = check(dan, start(dan, prompt), 1, 2, 3);
        assertInvalidField("self_rating", () -> complete(dan, s, 0));
        assertInvalidField("self_rating", () -> complete(dan, s, 6));
        assertInvalidField(
                "mark_item_done",
                () -> dan.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setSelfRating(3)
                        .setMarkItemDone(true)
                        .build()));
        assertStatus(
                Status.Code.ABORTED,
                () -> dan.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setSelfRating(3)
                        .setEtag("s1")
                        .build()));

        CompletePracticeSessionResponse r = dan.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .setEtag(s.getEtag())
                .setSelfRating(4)
                .setNotes("done")
                .build());
        PracticeSession c = r.getPracticeSession();
        assertFalse(r.hasPlanItem());
        assertEquals(PracticeSessionState.PRACTICE_SESSION_STATE_COMPLETED, c.getState());
        assertEquals(4, c.getSelfRating());
        assertEquals("done", c.getNotes());
        assertEquals(3, c.getCheckedCount());
        assertEquals(100.0 * 3 / c.getStepCount(), c.getCoveragePercent(), 1e-9);
        assertTrue(c.hasEndTime());
        assertEquals(Timestamps.between(c.getStartTime(), c.getEndTime()), c.getDuration());
        assertFalse(c.getOverran());

        assertStatus(Status.Code.FAILED_PRECONDITION, () -> complete(dan, c, 5));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> check(dan, c, 4));
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> dan.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(c.getName())
                        .build()));
        assertEquals(c, get(dan, c.getName()));
    }

    @Test
    void abandonedSessionsStayListed() {
        PracticeServiceBlockingStub eve = f.practice(f.user("eve"));
        PracticeSession s = check(eve, start(eve, checklist), 1);
        assertStatus(
                Status.Code.ABORTED,
                () -> eve.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setEtag("s1")
                        .build()));
        PracticeSession a = eve.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setEtag(s.getEtag())
                        .build())
                .getPracticeSession();
        assertEquals(PracticeSessionState.PRACTICE_SESSION_STATE_ABANDONED, a.getState());
        assertTrue(a.hasEndTime());
        assertTrue(a.hasDuration());
        assertEquals(0, a.getSelfRating());
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> eve.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .build()));
        assertEquals(
                List.of(a),
                eve.listPracticeSessions(ListPracticeSessionsRequest.getDefaultInstance())
                        .getPracticeSessionsList());
    }

    @Test
    void listsPageNewestFirstAndFilter() {
        PracticeServiceBlockingStub fay = f.practice(f.user("fay"));
        PracticeSession first = start(fay, prompt);
        PracticeSession second = start(fay, checklist);
        PracticeSession third = complete(fay, start(fay, prompt), 3);

        List<String> names = new ArrayList<>();
        String token = "";
        do {
            ListPracticeSessionsResponse page = fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            assertTrue(page.getPracticeSessionsCount() <= 2);
            assertEquals(3, page.getTotalSize(), "every session, on every page");
            page.getPracticeSessionsList().forEach(s -> names.add(s.getName()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(List.of(third.getName(), second.getName(), first.getName()), names);

        assertEquals(
                List.of(third.getName(), first.getName()),
                names(fay, ListPracticeSessionsRequest.newBuilder().setSource(prompt)));
        assertEquals(
                2,
                fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                                .setSource(prompt)
                                .setPageSize(1)
                                .build())
                        .getTotalSize(),
                "the total follows the filters");
        assertEquals(
                List.of(third.getName()),
                names(
                        fay,
                        ListPracticeSessionsRequest.newBuilder()
                                .setParent("users/fay")
                                .setSource(prompt)
                                .setState(PracticeSessionState.PRACTICE_SESSION_STATE_COMPLETED)));
        assertEquals(
                List.of(second.getName(), first.getName()),
                names(
                        fay,
                        ListPracticeSessionsRequest.newBuilder()
                                .setState(PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE)));
        assertEquals(
                second.getStepsList(),
                fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                                .setSource(checklist)
                                .build())
                        .getPracticeSessions(0)
                        .getStepsList());

        String page1 = fay.listPracticeSessions(
                        ListPracticeSessionsRequest.newBuilder().setPageSize(1).build())
                .getNextPageToken();
        assertInvalidField(
                "page_token",
                () -> fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setPageToken(page1)
                        .setSource(prompt)
                        .build()));
        assertInvalidField(
                "page_size",
                () -> fay.listPracticeSessions(
                        ListPracticeSessionsRequest.newBuilder().setPageSize(-1).build()));
        assertInvalidField(
                "source",
                () -> fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setSource("prompts/x")
                        .build()));
        assertInvalidField(
                "state",
                () -> fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setStateValue(42)
                        .build()));
        assertInvalidField(
                "plan_item",
                () -> fay.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setPlanItem("items/1")
                        .build()));
    }

    static List<String> names(PracticeServiceBlockingStub stub, ListPracticeSessionsRequest.Builder request) {
        return stub.listPracticeSessions(request.build()).getPracticeSessionsList().stream()
                .map(PracticeSession::getName)
                .toList();
    }

    @Test
    void statsShowAttemptsTrendsAndMissedSteps() {
        PracticeServiceBlockingStub gus = f.practice(f.user("gus"));
        PracticeStats empty = gus.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance())
                .getPracticeStats();
        assertEquals(0, empty.getOverall().getAttempts());
        assertEquals(0, empty.getSourcesCount());

        PracticeSession p1 = complete(gus, check(gus, start(gus, prompt), 1, 2), 2);
        PracticeSession p2 = complete(gus, check(gus, start(gus, prompt), 1, 2, 3), 4);
        gus.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                .setName(start(gus, prompt).getName())
                .build());
        PracticeSession c1 = complete(gus, check(gus, start(gus, checklist), 1, 2, 3), 5);
        int n = p1.getStepCount();

        PracticeStats stats = gus.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance())
                .getPracticeStats();
        assertEquals(3, stats.getOverall().getAttempts());
        assertEquals(1, stats.getOverall().getAbandonedCount());
        assertEquals(
                (100.0 * 2 / n + 100.0 * 3 / n + 100.0) / 3, stats.getOverall().getAverageCoveragePercent(), 1e-9);
        assertEquals(11.0 / 3, stats.getOverall().getAverageSelfRating(), 1e-9);
        assertEquals(
                Durations.add(Durations.add(p1.getDuration(), p2.getDuration()), c1.getDuration()),
                stats.getOverall().getTotalDuration());

        assertEquals(
                List.of(checklist, prompt),
                stats.getSourcesList().stream().map(SourceStats::getSource).toList(),
                "most recently attempted first");
        SourceStats byPrompt = stats.getSources(1);
        assertEquals(p1.getTitle(), byPrompt.getTitle());
        assertEquals(2, byPrompt.getTotals().getAttempts());
        assertEquals(1, byPrompt.getTotals().getAbandonedCount());
        assertEquals(100.0 * 3 / n, byPrompt.getBestCoveragePercent(), 1e-9);
        assertEquals(
                List.of(p1.getName(), p2.getName()),
                byPrompt.getTrendList().stream()
                        .map(t -> t.getPracticeSession())
                        .toList());
        assertEquals(
                List.of(2, 4),
                byPrompt.getTrendList().stream().map(t -> t.getSelfRating()).toList());
        // Step 3 was missed once in two attempts, steps 4.. in both; never-missed steps are left out.
        var missed = byPrompt.getMostMissedStepsList();
        assertEquals(Math.min(10, n - 2), missed.size());
        assertEquals(p1.getSteps(3).getSourceStep(), missed.get(0).getSourceStep());
        assertEquals(2, missed.get(0).getMissedCount());
        assertEquals(100.0, missed.get(0).getMissPercent(), 1e-9);
        if (n - 2 <= 10) {
            var third = missed.get(missed.size() - 1);
            assertEquals(p1.getSteps(2).getSourceStep(), third.getSourceStep());
            assertEquals(1, third.getMissedCount());
            assertEquals(2, third.getAttemptCount());
            assertEquals(50.0, third.getMissPercent(), 1e-9);
        }
        assertTrue(stats.getSources(0).getMostMissedStepsList().isEmpty(), "every checklist item was checked");
        int phaseSteps =
                stats.getPhasesList().stream().mapToInt(p -> p.getStepCount()).sum();
        int phaseMissed =
                stats.getPhasesList().stream().mapToInt(p -> p.getMissedCount()).sum();
        assertEquals(2 * n, phaseSteps, "checklist items have no phase");
        assertEquals((n - 2) + (n - 3), phaseMissed);

        PracticeStats onlyChecklist = gus.getPracticeStats(GetPracticeStatsRequest.newBuilder()
                        .setSource(checklist)
                        .build())
                .getPracticeStats();
        assertEquals(1, onlyChecklist.getOverall().getAttempts());
        assertEquals(
                List.of(checklist),
                onlyChecklist.getSourcesList().stream()
                        .map(SourceStats::getSource)
                        .toList());
        assertInvalidField(
                "source",
                () -> gus.getPracticeStats(GetPracticeStatsRequest.newBuilder()
                        .setSource("designPrompts/Bad Slug")
                        .build()));
    }

    @Test
    void concurrentRetriesWithOneRequestIdStartOneSession() throws Exception {
        PracticeServiceBlockingStub hal = f.practice(f.user("hal"));
        StartPracticeSessionRequest request = StartPracticeSessionRequest.newBuilder()
                .setSource(prompt)
                .setRequestId("0d6f3c1e-retry-start")
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> names = new HashSet<>();
        try {
            List<Callable<PracticeSession>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> hal.startPracticeSession(request).getPracticeSession());
            }
            for (Future<PracticeSession> result : pool.invokeAll(calls)) {
                names.add(result.get().getName());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, names.size());
        assertEquals(List.copyOf(names), names(hal, ListPracticeSessionsRequest.newBuilder()));
        PracticeSession s = get(hal, names.iterator().next());

        UpdatePracticeSessionRequest update = UpdatePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .setEtag(s.getEtag())
                .setRequestId("upd-1")
                .addStepUpdates(PracticeStepUpdate.newBuilder()
                        .setStep(s.getSteps(0).getName())
                        .setChecked(true))
                .build();
        PracticeSession first = hal.updatePracticeSession(update).getPracticeSession();
        assertEquals(first, hal.updatePracticeSession(update).getPracticeSession(), "a retry returns the first result");
        assertEquals(first.getEtag(), get(hal, s.getName()).getEtag(), "and changes nothing");

        CompletePracticeSessionRequest done = CompletePracticeSessionRequest.newBuilder()
                .setName(s.getName())
                .setSelfRating(3)
                .setRequestId("done-1")
                .build();
        var once = hal.completePracticeSession(done);
        assertEquals(once, hal.completePracticeSession(done));
        assertInvalidField(
                "request_id",
                () -> hal.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setRequestId("done-1")
                        .build()));
        assertEquals(
                List.of("PRACTICE_STARTED", "PRACTICE_COMPLETED"),
                f.column("SELECT a.type FROM activity a "
                        + "JOIN app_user u ON u.id = a.user_id WHERE u.handle = 'hal' ORDER BY a.seq"));
    }

    @Test
    void badStartRequestsNameTheirFields() {
        PracticeServiceBlockingStub ivy = f.practice(f.user("ivy"));
        assertInvalidField("source", () -> start(ivy, ""));
        assertInvalidField("source", () -> start(ivy, "roles/x"));
        assertInvalidField("source", () -> start(ivy, "checklists/abc"));
        assertInvalidField(
                "time_box_minutes",
                () -> ivy.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setTimeBoxMinutes(4)
                        .build()));
        assertInvalidField(
                "time_box_minutes",
                () -> ivy.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setTimeBoxMinutes(481)
                        .build()));
        assertInvalidField(
                "plan_item",
                () -> ivy.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem("users/ivy/items/1")
                        .build()));
        assertInvalidField(
                "parent",
                () -> ivy.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setParent("ivy")
                        .build()));
        assertInvalidField(
                "request_id",
                () -> ivy.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setRequestId("not a valid id")
                        .build()));
        assertInvalidField(
                "name",
                () -> ivy.getPracticeSession(GetPracticeSessionRequest.newBuilder()
                        .setName("practiceSessions/1")
                        .build()));
        assertStatus(Status.Code.NOT_FOUND, () -> start(ivy, "designPrompts/no-such-prompt"));
        assertStatus(Status.Code.NOT_FOUND, () -> start(ivy, "checklists/999999999"));
        assertStatus(Status.Code.NOT_FOUND, () -> get(ivy, "users/ivy/practiceSessions/12345"));
        assertEquals(List.of(), names(ivy, ListPracticeSessionsRequest.newBuilder()), "nothing was stored");
    }

    @Test
    void sessionsLeftActiveADayPastTheirDeadlineExpire() throws Exception {
        PracticeServiceBlockingStub joy = f.practice(f.user("joy"));
        PracticeSession s = check(joy, start(joy, prompt), 1);
        long id = Long.parseLong(s.getName().substring(s.getName().lastIndexOf('/') + 1));
        long hour = 3_600_000_000L;
        // Started 26 hours ago with a 45 minute box: the deadline passed more than a day ago.
        f.sql(
                "UPDATE practice_session SET start_time = start_time - ?, deadline_time = deadline_time - ? "
                        + "WHERE id = ?",
                26 * hour,
                26 * hour,
                id);
        PracticeSession e = get(joy, s.getName());
        assertEquals(PracticeSessionState.PRACTICE_SESSION_STATE_EXPIRED, e.getState());
        assertEquals(Timestamps.add(e.getDeadlineTime(), Durations.fromHours(24)), e.getEndTime());
        assertFalse(e.getOverran());
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> check(joy, e, 2));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> complete(joy, e, 3));
        assertEquals(e, get(joy, s.getName()));
        PracticeStats stats = joy.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance())
                .getPracticeStats();
        assertEquals(0, stats.getOverall().getAttempts());
        assertEquals(1, stats.getOverall().getAbandonedCount());
        assertEquals(
                List.of("PRACTICE_STARTED", "PRACTICE_EXPIRED"),
                f.column("SELECT a.type FROM activity a "
                        + "JOIN app_user u ON u.id = a.user_id WHERE u.handle = 'joy' ORDER BY a.seq"),
                "expired once");

        // Completing late, but within the day's grace, is allowed and shows as overran.
        PracticeSession late = start(joy, prompt);
        long lateId = Long.parseLong(late.getName().substring(late.getName().lastIndexOf('/') + 1));
        f.sql(
                "UPDATE practice_session SET start_time = start_time - ?, deadline_time = deadline_time - ? "
                        + "WHERE id = ?",
                2 * hour,
                2 * hour,
                lateId);
        assertTrue(complete(joy, late, 2).getOverran());
    }
}
