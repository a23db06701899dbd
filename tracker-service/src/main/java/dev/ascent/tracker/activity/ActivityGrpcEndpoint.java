package dev.ascent.tracker.activity;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.RequestHeaders;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.Heartbeat;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Tokens;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.grpc.Timestamps;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC edge of {@code ascent.tracker.v1.ActivityService}. The handler only checks the request and registers
 * the stream with the {@link ActivityHub}; it returns at once, so no server thread is held while a stream is open.
 */
@Singleton
public class ActivityGrpcEndpoint extends ActivityServiceGrpc.ActivityServiceImplBase {

    static final int DEFAULT_HEARTBEAT_SECONDS = 15;
    static final int MAX_HEARTBEAT_SECONDS = 300;

    private final Authenticator auth;
    private final AccessPolicy access;
    private final PlanOwners plans;
    private final ActivityHub hub;

    public ActivityGrpcEndpoint(Authenticator auth, AccessPolicy access, PlanOwners plans, ActivityHub hub) {
        this.auth = auth;
        this.access = access;
        this.plans = plans;
        this.hub = hub;
    }

    @Override
    public void watchActivity(WatchActivityRequest request, StreamObserver<WatchActivityResponse> response) {
        Caller caller = auth.require();
        new Validator()
                .check(request.getAfterSequence() >= 0, "after_sequence", "must not be negative")
                .check(
                        request.getHeartbeatSeconds() == 0
                                || (request.getHeartbeatSeconds() >= 1
                                        && request.getHeartbeatSeconds() <= MAX_HEARTBEAT_SECONDS),
                        "heartbeat_seconds",
                        "must be 0 (15 s) or 1 to " + MAX_HEARTBEAT_SECONDS)
                .throwIfInvalid();
        Long owner = null;
        if (!request.getOwner().isEmpty()) {
            String handle = Names.user(request.getOwner(), "owner");
            owner = access.readableOwner(caller, handle, request.getOwner()).id();
        }
        Long plan = null;
        if (!request.getPlan().isEmpty()) {
            Names.PlanName name = Names.plan(request.getPlan(), "plan");
            UserRow planOwner = access.readableOwner(caller, name.handle(), name.name());
            if (owner != null && owner != planOwner.id()) {
                throw ApiException.invalid("plan", "is not a plan of " + request.getOwner());
            }
            if (!plans.isPlanOf(name.planId(), planOwner.id())) {
                throw ApiException.notFound(name.name());
            }
            plan = name.planId();
        }
        int heartbeat = request.getHeartbeatSeconds() == 0 ? DEFAULT_HEARTBEAT_SECONDS : request.getHeartbeatSeconds();
        long cursor = request.getAfterSequence() == 0 ? hub.head() : request.getAfterSequence();
        ServerCallStreamObserver<WatchActivityResponse> out =
                (ServerCallStreamObserver<WatchActivityResponse>) response;
        // The hash the token is stored under, so the hub can notice its revocation.
        String tokenHash = Tokens.hash(RequestHeaders.bearerToken().orElseThrow());
        Watch watch = new Watch(
                caller.userId(),
                tokenHash,
                owner,
                plan,
                TimeUnit.SECONDS.toNanos(heartbeat),
                cursor,
                hub.bufferLimit(),
                new CallStream(out));
        out.setOnCancelHandler(() -> hub.remove(watch));
        out.setOnReadyHandler(() -> hub.resume(watch));
        hub.add(watch);
    }

    /** The call's observer as the watch's {@link WatchStream}. */
    private record CallStream(ServerCallStreamObserver<WatchActivityResponse> call) implements WatchStream {

        @Override
        public boolean isReady() {
            return call.isReady();
        }

        @Override
        public void event(ActivityRow event) {
            call.onNext(WatchActivityResponse.newBuilder()
                    .setEvent(ActivityProtoMapper.event(event))
                    .build());
        }

        @Override
        public void heartbeat(Instant time, long cursor) {
            call.onNext(WatchActivityResponse.newBuilder()
                    .setHeartbeat(
                            Heartbeat.newBuilder().setTime(Timestamps.of(time)).setCursor(cursor))
                    .build());
        }

        @Override
        public void fail(StatusRuntimeException status) {
            call.onError(status);
        }
    }
}
