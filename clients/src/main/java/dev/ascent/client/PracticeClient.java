package dev.ascent.client;

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
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.PracticeService}: System-design practice sessions and stats.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#practice()}.
 */
public final class PracticeClient {

    private final Calls calls;
    private final PracticeServiceGrpc.PracticeServiceBlockingStub stub;

    PracticeClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = PracticeServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public PracticeServiceGrpc.PracticeServiceBlockingStub stub() {
        return stub;
    }

    /** {@code StartPracticeSession}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public StartPracticeSessionResponse startPracticeSession(StartPracticeSessionRequest request) {
        return calls.write(request, stub::startPracticeSession);
    }

    /** {@code GetPracticeSession}. A read: retried on UNAVAILABLE. */
    public GetPracticeSessionResponse getPracticeSession(GetPracticeSessionRequest request) {
        return calls.read(request, stub::getPracticeSession);
    }

    /** {@code ListPracticeSessions}. A read: retried on UNAVAILABLE. */
    public ListPracticeSessionsResponse listPracticeSessions(ListPracticeSessionsRequest request) {
        return calls.read(request, stub::listPracticeSessions);
    }

    /** {@code UpdatePracticeSession}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public UpdatePracticeSessionResponse updatePracticeSession(UpdatePracticeSessionRequest request) {
        return calls.write(request, stub::updatePracticeSession);
    }

    /** {@code CompletePracticeSession}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CompletePracticeSessionResponse completePracticeSession(CompletePracticeSessionRequest request) {
        return calls.write(request, stub::completePracticeSession);
    }

    /** {@code AbandonPracticeSession}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public AbandonPracticeSessionResponse abandonPracticeSession(AbandonPracticeSessionRequest request) {
        return calls.write(request, stub::abandonPracticeSession);
    }

    /** {@code GetPracticeStats}. A read: retried on UNAVAILABLE. */
    public GetPracticeStatsResponse getPracticeStats(GetPracticeStatsRequest request) {
        return calls.read(request, stub::getPracticeStats);
    }
}
