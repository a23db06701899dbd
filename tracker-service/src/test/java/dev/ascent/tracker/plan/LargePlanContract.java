package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.DeletePlanRequest;
import dev.ascent.proto.tracker.v1.ExportPlanRequest;
import dev.ascent.proto.tracker.v1.ExportServiceGrpc;
import dev.ascent.proto.tracker.v1.ExportServiceGrpc.ExportServiceBlockingStub;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanResponse;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc.PlanServiceBlockingStub;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A plan at the item limit with the longest notes on every item: every write, each with a request_id (whose whole
 * response is stored for retries), succeeds, and its retry returns the same response. On MySQL a stored plan this
 * size outgrows a BLOB (64 KiB); H2 never showed that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class LargePlanContract {

    private TrackerHarness tracker;
    private Mentors mentors;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        mentors = new Mentors(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void everyWriteWithARequestIdWorksOnAFullPlanWithTheLongestNotes() {
        Mentors.User eng = mentors.user("large");
        PlanServiceBlockingStub plans = mentors.plans(eng).withDeadlineAfter(60, TimeUnit.SECONDS);
        CreatePlanRequest create = CreatePlanRequest.newBuilder()
                .setTargetRole(Mentors.ROLE)
                .setHoursPerWeek(6)
                .setRequestId(id())
                .build();
        Plan plan = plans.createPlan(create).getPlan();
        assertEquals(plan, plans.createPlan(create).getPlan(), "a retried CreatePlan returns the first plan");

        String notes = "n".repeat(PlanLimits.MAX_NOTES - 2) + "é!";
        for (int i = plan.getItemsCount(); i < PlanLimits.MAX_ITEMS; i++) {
            plans.addPlanItem(AddPlanItemRequest.newBuilder()
                    .setParent(plan.getName())
                    .setRequestId(id())
                    .setPlanItem(PlanItem.newBuilder()
                            .setTitle("Extra item " + i)
                            .setDescription("d".repeat(PlanLimits.MAX_NOTES)))
                    .build());
        }
        Mentors.refused(
                Status.Code.RESOURCE_EXHAUSTED,
                () -> plans.addPlanItem(AddPlanItemRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPlanItem(PlanItem.newBuilder().setTitle("One too many"))
                        .build()),
                "an item past the limit");
        List<PlanItem> items = plans.getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItemsList();
        assertEquals(PlanLimits.MAX_ITEMS, items.size());
        for (PlanItem item : items) {
            plans.updatePlanItem(UpdatePlanItemRequest.newBuilder()
                    .setRequestId(id())
                    .setPlanItem(PlanItem.newBuilder().setName(item.getName()).setNotes(notes))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                    .build());
        }

        UpdatePlanRequest update = UpdatePlanRequest.newBuilder()
                .setRequestId(id())
                .setPlan(Plan.newBuilder()
                        .setName(plan.getName())
                        .setTitle("A plan at its limit")
                        .setHoursPerWeek(9))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("hours_per_week"))
                .build();
        Plan updated = plans.updatePlan(update).getPlan();
        assertTrue(
                updated.getSerializedSize() > 4 * 64 * 1024,
                "the response is far past 64 KiB: " + updated.getSerializedSize());
        assertEquals(updated, plans.updatePlan(update).getPlan(), "a retried UpdatePlan returns the stored plan");
        updated.getItemsList().forEach(i -> assertEquals(notes, i.getNotes()));

        List<String> names = new ArrayList<>(
                updated.getItemsList().stream().map(PlanItem::getName).toList());
        Collections.reverse(names);
        ReorderPlanItemsRequest reorder = ReorderPlanItemsRequest.newBuilder()
                .setName(plan.getName())
                .addAllItemNames(names)
                .setRequestId(id())
                .build();
        Plan reordered = plans.reorderPlanItems(reorder).getPlan();
        assertEquals(
                names, reordered.getItemsList().stream().map(PlanItem::getName).toList());
        assertEquals(reordered, plans.reorderPlanItems(reorder).getPlan());

        LogTimeRequest log = LogTimeRequest.newBuilder()
                .setPlanItem(names.get(0))
                .setMinutes(30)
                .setNote("x".repeat(1000))
                .setRequestId(id())
                .build();
        assertEquals(plans.logTime(log), plans.logTime(log));
        assertEquals(
                30,
                plans.getPlan(GetPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build())
                        .getPlan()
                        .getItems(0)
                        .getLoggedMinutes(),
                "the retried LogTime counted once");

        // The whole plan back in as a new one (issue 17's ImportPlan): its stored response is this size too.
        ExportServiceBlockingStub exports = TrackerHarness.as(
                        ExportServiceGrpc.newBlockingStub(tracker.service().channel()), eng.token())
                .withDeadlineAfter(60, TimeUnit.SECONDS);
        ImportPlanRequest importPlan = ImportPlanRequest.newBuilder()
                .setExport(exports.exportPlan(ExportPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build())
                        .getExport())
                .setRequestId(id())
                .build();
        ImportPlanResponse imported = exports.importPlan(importPlan);
        assertEquals(PlanLimits.MAX_ITEMS, imported.getPlan().getItemsCount());
        imported.getPlan().getItemsList().forEach(i -> assertEquals(notes, i.getNotes()));
        assertEquals(imported, exports.importPlan(importPlan), "a retried ImportPlan returns the stored response");

        DeletePlanRequest delete = DeletePlanRequest.newBuilder()
                .setName(plan.getName())
                .setRequestId(id())
                .build();
        plans.deletePlan(delete);
        plans.deletePlan(delete);
        Mentors.refused(
                Status.Code.NOT_FOUND,
                () -> plans.getPlan(
                        GetPlanRequest.newBuilder().setName(plan.getName()).build()),
                "the deleted plan");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
