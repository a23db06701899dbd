package dev.ascent.client;

import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.AddPlanItemResponse;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreatePlanResponse;
import dev.ascent.proto.tracker.v1.DeletePlanRequest;
import dev.ascent.proto.tracker.v1.DeletePlanResponse;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanResponse;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListPlansResponse;
import dev.ascent.proto.tracker.v1.ListTimeEntriesRequest;
import dev.ascent.proto.tracker.v1.ListTimeEntriesResponse;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.LogTimeResponse;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsResponse;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemResponse;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.PlanService}: Learning plans and their items.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#plans()}.
 */
public final class PlanClient {

    private final Calls calls;
    private final PlanServiceGrpc.PlanServiceBlockingStub stub;

    PlanClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = PlanServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public PlanServiceGrpc.PlanServiceBlockingStub stub() {
        return stub;
    }

    /** {@code CreatePlan}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CreatePlanResponse createPlan(CreatePlanRequest request) {
        return calls.write(request, stub::createPlan);
    }

    /** {@code GetPlan}. A read: retried on UNAVAILABLE. */
    public GetPlanResponse getPlan(GetPlanRequest request) {
        return calls.read(request, stub::getPlan);
    }

    /** {@code ListPlans}. A read: retried on UNAVAILABLE. */
    public ListPlansResponse listPlans(ListPlansRequest request) {
        return calls.read(request, stub::listPlans);
    }

    /** {@code UpdatePlan}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public UpdatePlanResponse updatePlan(UpdatePlanRequest request) {
        return calls.write(request, stub::updatePlan);
    }

    /** {@code DeletePlan}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public DeletePlanResponse deletePlan(DeletePlanRequest request) {
        return calls.write(request, stub::deletePlan);
    }

    /** {@code AddPlanItem}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public AddPlanItemResponse addPlanItem(AddPlanItemRequest request) {
        return calls.write(request, stub::addPlanItem);
    }

    /** {@code UpdatePlanItem}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public UpdatePlanItemResponse updatePlanItem(UpdatePlanItemRequest request) {
        return calls.write(request, stub::updatePlanItem);
    }

    /** {@code LogTime}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public LogTimeResponse logTime(LogTimeRequest request) {
        return calls.write(request, stub::logTime);
    }

    /** {@code ReorderPlanItems}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public ReorderPlanItemsResponse reorderPlanItems(ReorderPlanItemsRequest request) {
        return calls.write(request, stub::reorderPlanItems);
    }

    /** {@code ListTimeEntries}. A read: retried on UNAVAILABLE. */
    public ListTimeEntriesResponse listTimeEntries(ListTimeEntriesRequest request) {
        return calls.read(request, stub::listTimeEntries);
    }
}
