package dev.ascent.tracker.practice;

import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.tracker.TrackerHarness.as;
import static dev.ascent.tracker.practice.PracticeContract.check;
import static dev.ascent.tracker.practice.PracticeContract.get;
import static dev.ascent.tracker.practice.PracticeContract.names;
import static dev.ascent.tracker.practice.PracticeContract.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionResponse;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc.PlanServiceBlockingStub;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc.PracticeServiceBlockingStub;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/** Who may call each practice RPC, and sessions linked to plan items; runs once per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PracticeAccessContract {

    private PracticeFixture f;
    private String prompt;
    private String ownerToken;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void startServices() throws Exception {
        f = PracticeFixture.start(engine());
        prompt = f.firstDesignPrompt();
        f.testRole();
        ownerToken = f.user("kim");
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private PlanServiceBlockingStub plans(String token) {
        return as(PlanServiceGrpc.newBlockingStub(f.tracker().service().channel()), token);
    }

    private Plan plan(String token) {
        return plans(token)
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(f.testRole())
                        .setHoursPerWeek(5)
                        .build())
                .getPlan();
    }

    private PlanItem item(String token, String name) {
        return plans(token)
                .getPlan(GetPlanRequest.newBuilder()
                        .setName(name.substring(0, name.indexOf("/items/")))
                        .build())
                .getPlan()
                .getItemsList()
                .stream()
                .filter(i -> i.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Every RPC of the service, aimed at {@code kim}'s data, as {@code stub} would call it. */
    private List<Executable> everyRpc(PracticeServiceBlockingStub stub, PracticeSession s) {
        return List.of(
                () -> stub.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setParent("users/kim")
                        .setSource(prompt)
                        .build()),
                () -> get(stub, s.getName()),
                () -> stub.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setParent("users/kim")
                        .build()),
                () -> stub.getPracticeStats(GetPracticeStatsRequest.newBuilder()
                        .setParent("users/kim")
                        .build()),
                () -> stub.updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .addStepUpdates(PracticeStepUpdate.newBuilder()
                                .setStep(s.getSteps(0).getName())
                                .setChecked(true))
                        .build()),
                () -> stub.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .setSelfRating(5)
                        .build()),
                () -> stub.abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(s.getName())
                        .build()));
    }

    @Test
    void withoutAValidTokenEveryRpcIsUnauthenticated() {
        PracticeSession s = start(f.practice(ownerToken), prompt);
        for (Executable call : everyRpc(f.anonymous(), s)) {
            assertStatus(Status.Code.UNAUTHENTICATED, call);
        }
        for (Executable call : everyRpc(f.practice("asc_not-a-token"), s)) {
            assertStatus(Status.Code.UNAUTHENTICATED, call);
        }
        assertEquals(s, get(f.practice(ownerToken), s.getName()));
    }

    @Test
    void strangersCannotTellTheDataExists() {
        PracticeServiceBlockingStub owner = f.practice(ownerToken);
        PracticeSession s = start(owner, prompt);
        PracticeServiceBlockingStub lee = f.practice(f.user("lee"));
        List<Executable> calls = everyRpc(lee, s);
        // Starting for someone else is refused outright, whether they exist or not (the contract's choice).
        assertStatus(Status.Code.PERMISSION_DENIED, calls.get(0));
        for (Executable call : calls.subList(1, calls.size())) {
            assertStatus(Status.Code.NOT_FOUND, call);
        }
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> lee.listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                        .setParent("users/nobody")
                        .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> get(
                        lee,
                        "users/lee/practiceSessions/"
                                + s.getName().substring(s.getName().lastIndexOf('/') + 1)));
        assertEquals(List.of(), names(lee, ListPracticeSessionsRequest.newBuilder()));
        assertEquals(s, get(owner, s.getName()), "nothing changed");
    }

    @Test
    void activeMentorsReadButDoNotWrite() throws Exception {
        PracticeServiceBlockingStub owner = f.practice(ownerToken);
        PracticeSession s = start(owner, prompt);
        PracticeServiceBlockingStub max = f.practice(f.user("max"));
        f.mentorship("max", "kim");
        List<Executable> calls = everyRpc(max, s);
        assertEquals(s, get(max, s.getName()));
        assertEquals(
                names(owner, ListPracticeSessionsRequest.newBuilder()),
                names(max, ListPracticeSessionsRequest.newBuilder().setParent("users/kim")));
        assertEquals(
                owner.getPracticeStats(GetPracticeStatsRequest.getDefaultInstance()),
                max.getPracticeStats(GetPracticeStatsRequest.newBuilder()
                        .setParent("users/kim")
                        .build()));
        for (Executable write : List.of(calls.get(0), calls.get(4), calls.get(5), calls.get(6))) {
            assertStatus(Status.Code.PERMISSION_DENIED, write);
        }
        assertEquals(s, get(owner, s.getName()));
    }

    @Test
    void sessionsLinkToPlanItemsAndCanMarkThemDone() throws Exception {
        String token = f.user("lou");
        PracticeServiceBlockingStub lou = f.practice(token);
        Plan plan = plan(token);
        PlanItem todo = plan.getItemsList().stream()
                .filter(i -> i.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_TODO)
                .findFirst()
                .orElseThrow();

        PracticeSession s = lou.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(todo.getName())
                        .build())
                .getPracticeSession();
        assertEquals(todo.getName(), s.getPlanItem());
        assertEquals(
                PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS,
                item(token, todo.getName()).getStatus());
        PracticeSession unlinked = start(lou, prompt);
        assertEquals("", unlinked.getPlanItem());
        assertEquals(
                List.of(s.getName()),
                names(lou, ListPracticeSessionsRequest.newBuilder().setPlanItem(todo.getName())));

        CompletePracticeSessionResponse done = lou.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                .setName(check(lou, s, 1).getName())
                .setSelfRating(4)
                .setMarkItemDone(true)
                .build());
        assertEquals(
                PracticeSessionState.PRACTICE_SESSION_STATE_COMPLETED,
                done.getPracticeSession().getState());
        assertEquals(todo.getName(), done.getPlanItem().getName());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, done.getPlanItem().getStatus());
        assertEquals(
                PlanItemStatus.PLAN_ITEM_STATUS_DONE,
                item(token, todo.getName()).getStatus());

        // Practising a done item again leaves it done; completing without mark_item_done still reports the item.
        PracticeSession again = lou.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(todo.getName())
                        .build())
                .getPracticeSession();
        var r = lou.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                .setName(again.getName())
                .setSelfRating(2)
                .build());
        assertEquals(PlanItemStatus.PLAN_ITEM_STATUS_DONE, r.getPlanItem().getStatus());
        assertFalse(lou.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(unlinked.getName())
                        .setSelfRating(2)
                        .build())
                .hasPlanItem());

        String planId = plan.getName().substring(plan.getName().lastIndexOf('/') + 1);
        List<String> events =
                f.column("SELECT type FROM activity WHERE plan_id = ? ORDER BY seq", Long.parseLong(planId));
        assertEquals(
                List.of(
                        "PLAN_CREATED",
                        "STATUS_CHANGED",
                        "PRACTICE_STARTED",
                        "PRACTICE_COMPLETED",
                        "STATUS_CHANGED",
                        "PRACTICE_STARTED",
                        "PRACTICE_COMPLETED"),
                events);
    }

    @Test
    void onlyTheCallersOwnOpenPlanItemsLink() throws Exception {
        String token = f.user("mo-owner");
        PracticeServiceBlockingStub mo = f.practice(token);
        Plan plan = plan(token);
        String item = plan.getItems(0).getName();
        PracticeServiceBlockingStub lee = f.practice(f.user("lee-linker"));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> lee.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(item)
                        .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> mo.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(plan.getName() + "/items/1")
                        .build()));
        assertEquals(List.of(), names(lee, ListPracticeSessionsRequest.newBuilder()));

        PracticeSession linked = mo.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(item)
                        .build())
                .getPracticeSession();
        plans(token)
                .updatePlan(UpdatePlanRequest.newBuilder()
                        .setPlan(Plan.newBuilder().setName(plan.getName()).setArchived(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("archived"))
                        .build());
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> mo.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(prompt)
                        .setPlanItem(item)
                        .build()));
        // Marking the item of an archived plan fails as a whole: the session stays ACTIVE.
        assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> mo.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(linked.getName())
                        .setSelfRating(3)
                        .setMarkItemDone(true)
                        .build()));
        assertEquals(linked, get(mo, linked.getName()));
        assertTrue(mo.completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(linked.getName())
                        .setSelfRating(3)
                        .build())
                .hasPlanItem());
    }
}
