package dev.ascent.tracker.progress;

import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryResponse;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListActivityResponse;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityProtoMapper;
import dev.ascent.tracker.activity.ActivityRow;
import dev.ascent.tracker.grpc.Names;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** The gRPC edge of {@code ascent.tracker.v1.ProgressService}. */
@Singleton
public class ProgressGrpcEndpoint extends ProgressServiceGrpc.ProgressServiceImplBase {

    private final Authenticator auth;
    private final ProgressService progress;

    public ProgressGrpcEndpoint(Authenticator auth, ProgressService progress) {
        this.auth = auth;
        this.progress = progress;
    }

    @Override
    public void getProgressSummary(
            GetProgressSummaryRequest request, StreamObserver<GetProgressSummaryResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getPlan(), "plan");
        ProgressService.Result result = progress.summary(caller, name);
        response.onNext(GetProgressSummaryResponse.newBuilder()
                .setProgressSummary(ProgressProtoMapper.summary(result))
                .build());
        response.onCompleted();
    }

    @Override
    public void listActivity(ListActivityRequest request, StreamObserver<ListActivityResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getParent(), "parent");
        PageRequest page =
                PageRequest.keyset(request.getPageSize(), request.getPageToken(), String.valueOf(name.planId()));
        ProgressService.History history =
                progress.history(caller, name, page.keyAfter(Long.MAX_VALUE), page.fetchSize());
        Page<ActivityRow> shown = page.page(history.events(), ActivityRow::seq);
        ListActivityResponse.Builder out = ListActivityResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setTotalSize(history.total());
        shown.items().forEach(r -> out.addActivityEvents(ActivityProtoMapper.event(r)));
        response.onNext(out.build());
        response.onCompleted();
    }
}
