package dev.ascent.tracker.practice;

import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionResponse;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionResponse;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionResponse;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsResponse;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsResponse;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.StartPracticeSessionResponse;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionResponse;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.PlanProtoMapper;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** The gRPC edge of {@code ascent.tracker.v1.PracticeService}: authentication, shape checks, idempotency. */
@Singleton
public class PracticeGrpcEndpoint extends PracticeServiceGrpc.PracticeServiceImplBase {

    private final Authenticator auth;
    private final StartPractice starter;
    private final PracticeWrites writes;
    private final PracticeReads reads;
    private final Idempotency idempotency;
    private final OpenSessionReviews openReviews;

    public PracticeGrpcEndpoint(
            Authenticator auth,
            StartPractice starter,
            PracticeWrites writes,
            PracticeReads reads,
            Idempotency idempotency,
            OpenSessionReviews openReviews) {
        this.auth = auth;
        this.starter = starter;
        this.writes = writes;
        this.reads = reads;
        this.idempotency = idempotency;
        this.openReviews = openReviews;
    }

    @Override
    public void startPracticeSession(
            StartPracticeSessionRequest request, StreamObserver<StartPracticeSessionResponse> response) {
        Caller caller = auth.require();
        String parent = parent(caller, request.getParent());
        PracticeCommands.Start command = PracticeRequests.start(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "StartPracticeSession",
                        StartPracticeSessionResponse.parser(),
                        () -> starter.source(caller, parent, command),
                        copy -> StartPracticeSessionResponse.newBuilder()
                                .setPracticeSession(PracticeProtoMapper.session(starter.start(caller, copy, command)))
                                .build()));
    }

    @Override
    public void getPracticeSession(
            GetPracticeSessionRequest request, StreamObserver<GetPracticeSessionResponse> response) {
        Caller caller = auth.require();
        PracticeNames.SessionName name = PracticeNames.session(request.getName(), "name");
        PracticeView view = reads.get(caller, name);
        reply(
                response,
                GetPracticeSessionResponse.newBuilder()
                        .setPracticeSession(PracticeProtoMapper.session(
                                view,
                                openReviews.bySession(List.of(view.session().id()))))
                        .build());
    }

    @Override
    public void listPracticeSessions(
            ListPracticeSessionsRequest request, StreamObserver<ListPracticeSessionsResponse> response) {
        Caller caller = auth.require();
        String handle = parent(caller, request.getParent());
        PracticeCommands.ListFilter filter = PracticeRequests.filter(request);
        String query = "practiceSessions:" + handle + ":" + filter;
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        Page<PracticeView> shown = page.page(reads.list(caller, handle, filter, page.fetchSize(), page.offset()));
        ListPracticeSessionsResponse.Builder out = ListPracticeSessionsResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setTotalSize(shown.totalSize());
        Map<Long, Long> reviews = openReviews.bySession(
                shown.items().stream().map(v -> v.session().id()).toList());
        shown.items().forEach(v -> out.addPracticeSessions(PracticeProtoMapper.session(v, reviews)));
        reply(response, out.build());
    }

    @Override
    public void updatePracticeSession(
            UpdatePracticeSessionRequest request, StreamObserver<UpdatePracticeSessionResponse> response) {
        Caller caller = auth.require();
        PracticeNames.SessionName name = PracticeNames.session(request.getName(), "name");
        PracticeCommands.Update command = PracticeRequests.update(request, name);
        writes.expireOverdue(caller, name.handle());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "UpdatePracticeSession",
                        UpdatePracticeSessionResponse.parser(),
                        () -> UpdatePracticeSessionResponse.newBuilder()
                                .setPracticeSession(PracticeProtoMapper.session(writes.update(caller, name, command)))
                                .build()));
    }

    @Override
    public void completePracticeSession(
            CompletePracticeSessionRequest request, StreamObserver<CompletePracticeSessionResponse> response) {
        Caller caller = auth.require();
        PracticeNames.SessionName name = PracticeNames.session(request.getName(), "name");
        PracticeCommands.Complete command = PracticeRequests.complete(request);
        writes.expireOverdue(caller, name.handle());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "CompletePracticeSession",
                        CompletePracticeSessionResponse.parser(),
                        () -> {
                            PracticeWrites.Completed done = writes.complete(caller, name, command);
                            CompletePracticeSessionResponse.Builder out = CompletePracticeSessionResponse.newBuilder()
                                    .setPracticeSession(PracticeProtoMapper.session(done.view()));
                            done.item().ifPresent(i -> out.setPlanItem(PlanProtoMapper.item(name.handle(), i, true)));
                            return out.build();
                        }));
    }

    @Override
    public void abandonPracticeSession(
            AbandonPracticeSessionRequest request, StreamObserver<AbandonPracticeSessionResponse> response) {
        Caller caller = auth.require();
        PracticeNames.SessionName name = PracticeNames.session(request.getName(), "name");
        writes.expireOverdue(caller, name.handle());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "AbandonPracticeSession",
                        AbandonPracticeSessionResponse.parser(),
                        () -> AbandonPracticeSessionResponse.newBuilder()
                                .setPracticeSession(
                                        PracticeProtoMapper.session(writes.abandon(caller, name, request.getEtag())))
                                .build()));
    }

    @Override
    public void getPracticeStats(GetPracticeStatsRequest request, StreamObserver<GetPracticeStatsResponse> response) {
        Caller caller = auth.require();
        String handle = parent(caller, request.getParent());
        String source = PracticeRequests.statsSource(request.getSource());
        reply(
                response,
                GetPracticeStatsResponse.newBuilder()
                        .setPracticeStats(PracticeProtoMapper.stats(handle, reads.stats(caller, handle, source)))
                        .build());
    }

    private static String parent(Caller caller, String parent) {
        return parent.isEmpty() ? caller.handle() : Names.user(parent, "parent");
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
