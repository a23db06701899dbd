package dev.ascent.client;

import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryResponse;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListActivityResponse;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.ProgressService}: Progress summaries and plan activity history.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#progress()}.
 */
public final class ProgressClient {

    private final Calls calls;
    private final ProgressServiceGrpc.ProgressServiceBlockingStub stub;

    ProgressClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = ProgressServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public ProgressServiceGrpc.ProgressServiceBlockingStub stub() {
        return stub;
    }

    /** {@code GetProgressSummary}. A read: retried on UNAVAILABLE. */
    public GetProgressSummaryResponse getProgressSummary(GetProgressSummaryRequest request) {
        return calls.read(request, stub::getProgressSummary);
    }

    /** {@code ListActivity}. A read: retried on UNAVAILABLE. */
    public ListActivityResponse listActivity(ListActivityRequest request) {
        return calls.read(request, stub::listActivity);
    }
}
