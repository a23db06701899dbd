package dev.ascent.tracker.plan;

import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
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
import dev.ascent.proto.tracker.v1.TimeEntry;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemResponse;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanResponse;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.grpc.Timestamps;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** The gRPC edge of {@code ascent.tracker.v1.PlanService}: authentication, shape checks, idempotency. */
@Singleton
public class PlanGrpcEndpoint extends PlanServiceGrpc.PlanServiceImplBase {

    private final Authenticator auth;
    private final Idempotency idempotency;
    private final OpenItemReviews openReviews;
    private final CreatePlan createPlan;
    private final GetPlan getPlan;
    private final ListPlans listPlans;
    private final UpdatePlan updatePlan;
    private final DeletePlan deletePlan;
    private final AddPlanItem addPlanItem;
    private final UpdatePlanItem updatePlanItem;
    private final LogTimeWriter logTime;
    private final ReorderPlanItems reorderPlanItems;
    private final TimeEntryReads timeEntries;

    public PlanGrpcEndpoint(
            Authenticator auth,
            Idempotency idempotency,
            OpenItemReviews openReviews,
            CreatePlan createPlan,
            GetPlan getPlan,
            ListPlans listPlans,
            UpdatePlan updatePlan,
            DeletePlan deletePlan,
            AddPlanItem addPlanItem,
            UpdatePlanItem updatePlanItem,
            LogTimeWriter logTime,
            ReorderPlanItems reorderPlanItems,
            TimeEntryReads timeEntries) {
        this.auth = auth;
        this.idempotency = idempotency;
        this.openReviews = openReviews;
        this.createPlan = createPlan;
        this.getPlan = getPlan;
        this.listPlans = listPlans;
        this.updatePlan = updatePlan;
        this.deletePlan = deletePlan;
        this.addPlanItem = addPlanItem;
        this.updatePlanItem = updatePlanItem;
        this.logTime = logTime;
        this.reorderPlanItems = reorderPlanItems;
        this.timeEntries = timeEntries;
    }

    @Override
    public void createPlan(CreatePlanRequest request, StreamObserver<CreatePlanResponse> response) {
        Caller caller = auth.require();
        String parent = request.getParent().isEmpty() ? caller.handle() : Names.user(request.getParent(), "parent");
        CreatePlan.Command command = PlanRequests.create(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "CreatePlan",
                        CreatePlanResponse.parser(),
                        () -> createPlan.role(caller, parent, command),
                        role -> CreatePlanResponse.newBuilder()
                                .setPlan(PlanProtoMapper.plan(createPlan.create(caller, role, command), true))
                                .build()));
    }

    @Override
    public void getPlan(GetPlanRequest request, StreamObserver<GetPlanResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getName(), "name");
        reply(
                response,
                GetPlanResponse.newBuilder()
                        .setPlan(plan(getPlan.get(caller, name)))
                        .build());
    }

    @Override
    public void listPlans(ListPlansRequest request, StreamObserver<ListPlansResponse> response) {
        Caller caller = auth.require();
        String handle = request.getParent().isEmpty() ? caller.handle() : Names.user(request.getParent(), "parent");
        String query = "plans:" + handle + ":" + request.getShowArchived();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        Page<PlanView> shown =
                page.page(listPlans.list(caller, handle, request.getShowArchived(), page.fetchSize(), page.offset()));
        ListPlansResponse.Builder out = ListPlansResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items().forEach(v -> out.addPlans(PlanProtoMapper.plan(v, false)));
        reply(response, out.build());
    }

    @Override
    public void updatePlan(UpdatePlanRequest request, StreamObserver<UpdatePlanResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getPlan().getName(), "plan.name");
        UpdatePlan.Command command = PlanRequests.update(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "UpdatePlan",
                        UpdatePlanResponse.parser(),
                        () -> UpdatePlanResponse.newBuilder()
                                .setPlan(withReviews(updatePlan.update(caller, name, command)))
                                .build()));
    }

    @Override
    public void deletePlan(DeletePlanRequest request, StreamObserver<DeletePlanResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getName(), "name");
        reply(
                response,
                idempotency.run(caller, request.getRequestId(), "DeletePlan", DeletePlanResponse.parser(), () -> {
                    deletePlan.delete(caller, name, request.getEtag());
                    return DeletePlanResponse.getDefaultInstance();
                }));
    }

    @Override
    public void addPlanItem(AddPlanItemRequest request, StreamObserver<AddPlanItemResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getParent(), "parent");
        AddPlanItem.Command command = PlanRequests.add(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "AddPlanItem",
                        AddPlanItemResponse.parser(),
                        () -> AddPlanItemResponse.newBuilder()
                                .setPlanItem(PlanProtoMapper.item(
                                        name.handle(), addPlanItem.add(caller, name, command), true))
                                .build()));
    }

    @Override
    public void updatePlanItem(UpdatePlanItemRequest request, StreamObserver<UpdatePlanItemResponse> response) {
        Caller caller = auth.require();
        Names.ItemName name = Names.item(request.getPlanItem().getName(), "plan_item.name");
        UpdatePlanItem.Command command = PlanRequests.updateItem(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "UpdatePlanItem",
                        UpdatePlanItemResponse.parser(),
                        () -> UpdatePlanItemResponse.newBuilder()
                                .setPlanItem(PlanProtoMapper.item(
                                        name.handle(), updatePlanItem.update(caller, name, command), true))
                                .build()));
    }

    @Override
    public void logTime(LogTimeRequest request, StreamObserver<LogTimeResponse> response) {
        Caller caller = auth.require();
        Names.ItemName name = Names.item(request.getPlanItem(), "plan_item");
        new Validator()
                .range(request.getMinutes(), 1, PlanLimits.MAX_MINUTES_PER_ITEM_DAY, "minutes")
                .maxLength(request.getNote(), 1000, "note")
                .throwIfInvalid();
        Integer day = request.getDay().isEmpty() ? null : Days.parse(request.getDay(), "day");
        LogTime.Command command = new LogTime.Command(request.getMinutes(), day, request.getNote());
        reply(
                response,
                logTime.log(
                        caller,
                        name,
                        command,
                        request.getRequestId(),
                        LogTimeResponse.parser(),
                        logged -> LogTimeResponse.newBuilder()
                                .setTimeEntry(TimeEntry.newBuilder()
                                        .setName(name.name() + "/timeEntries/" + logged.entryId())
                                        .setMinutes(logged.minutes())
                                        .setDay(Days.format(logged.day()))
                                        .setNote(logged.note())
                                        .setCreateTime(Timestamps.of(logged.createTime())))
                                .setPlanItem(PlanProtoMapper.item(name.handle(), logged.item(), true))
                                .build()));
    }

    @Override
    public void reorderPlanItems(ReorderPlanItemsRequest request, StreamObserver<ReorderPlanItemsResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getName(), "name");
        ReorderPlanItems.Command command = PlanRequests.reorder(request, name);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "ReorderPlanItems",
                        ReorderPlanItemsResponse.parser(),
                        () -> ReorderPlanItemsResponse.newBuilder()
                                .setPlan(withReviews(reorderPlanItems.reorder(caller, name, command)))
                                .build()));
    }

    @Override
    public void listTimeEntries(ListTimeEntriesRequest request, StreamObserver<ListTimeEntriesResponse> response) {
        Caller caller = auth.require();
        Names.ItemName name = Names.item(request.getParent(), "parent");
        String query = "timeEntries:" + name.name();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        Page<TimeEntryReads.Entry> shown = page.page(timeEntries.list(caller, name, page.fetchSize(), page.offset()));
        ListTimeEntriesResponse.Builder out =
                ListTimeEntriesResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items()
                .forEach(e -> out.addTimeEntries(TimeEntry.newBuilder()
                        .setName(name.name() + "/timeEntries/" + e.id())
                        .setMinutes(e.minutes())
                        .setDay(Days.format(e.day()))
                        .setNote(e.note())
                        .setCreateTime(Timestamps.of(e.createTime()))));
        reply(response, out.build());
    }

    /** One extra query per plan read (never per item) fills each item's open review request. */
    private dev.ascent.proto.tracker.v1.Plan withReviews(PlanView view) {
        return PlanProtoMapper.plan(view, true, openReviews.byItem(view.plan().id()));
    }

    private static dev.ascent.proto.tracker.v1.Plan plan(GetPlan.PlanRead read) {
        return read.rendered(r -> PlanProtoMapper.plan(r.view(), true, r.reviews()));
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
