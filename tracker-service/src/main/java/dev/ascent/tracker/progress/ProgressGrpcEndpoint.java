package dev.ascent.tracker.progress;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.PageTokens;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryResponse;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListActivityResponse;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.access.Names;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityProtoMapper;
import dev.ascent.tracker.activity.ActivityQueries;
import dev.ascent.tracker.activity.ActivityRow;
import dev.ascent.tracker.plan.PlanRepository;
import dev.ascent.tracker.recall.RecallService;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The gRPC edge of {@code ascent.tracker.v1.ProgressService}. */
@Singleton
public class ProgressGrpcEndpoint extends ProgressServiceGrpc.ProgressServiceImplBase {

    private final Authenticator auth;
    private final ProgressService progress;
    private final ActivityQueries activity;
    private final AccessPolicy access;
    private final PlanRepository plans;
    private final RecallService recall;

    public ProgressGrpcEndpoint(Authenticator auth, ProgressService progress, ActivityQueries activity,
                                AccessPolicy access, PlanRepository plans, RecallService recall) {
        this.recall = recall;
        this.auth = auth;
        this.progress = progress;
        this.activity = activity;
        this.access = access;
        this.plans = plans;
    }

    @Override
    public void getProgressSummary(GetProgressSummaryRequest request,
                                   StreamObserver<GetProgressSummaryResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getPlan(), "plan");
        ProgressService.Result result = progress.summary(caller, name);
        response.onNext(GetProgressSummaryResponse.newBuilder().setProgressSummary(ProgressProtoMapper.summary(result)
                .toBuilder().setRecallDueCount(recall.dueNow(result.plan().userId()))).build());
        response.onCompleted();
    }

    @Override
    public void listActivity(ListActivityRequest request, StreamObserver<ListActivityResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getParent(), "parent");
        new Validator().range(request.getPageSize(), 0, Integer.MAX_VALUE, "page_size").throwIfInvalid();
        int size = request.getPageSize() == 0 ? PageTokens.DEFAULT_PAGE_SIZE
                : Math.min(request.getPageSize(), PageTokens.MAX_PAGE_SIZE);
        long before = before(request.getPageToken(), name);
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        plans.findById(name.planId()).filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        List<ActivityRow> rows = activity.planHistory(owner.id(), name.planId(), before, size + 1);
        boolean more = rows.size() > size;
        List<ActivityRow> shown = more ? rows.subList(0, size) : rows;
        ListActivityResponse.Builder out = ListActivityResponse.newBuilder()
                .setTotalSize(activity.countPlanHistory(owner.id(), name.planId()));
        shown.forEach(r -> out.addActivityEvents(ActivityProtoMapper.event(r)));
        if (more) {
            out.setNextPageToken(token(shown.get(shown.size() - 1).seq(), name));
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    /** Keyset page tokens: the sequence to continue below, bound to the plan. */
    private static String token(long seq, Names.PlanName plan) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a1:" + seq + ":" + plan.planId())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long before(String token, Names.PlanName plan) {
        if (token.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("a1") && Long.parseLong(parts[2]) == plan.planId()) {
                return Long.parseLong(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalid("page_token", "is not a token from a previous ListActivity of this plan");
    }
}
