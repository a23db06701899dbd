package dev.ascent.client;

import dev.ascent.proto.tracker.v1.AdminServiceGrpc;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.AdminService}: operations for the administrator (the admin token).
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#admin()}.
 */
public final class AdminClient {

    private final Calls calls;
    private final AdminServiceGrpc.AdminServiceBlockingStub stub;

    AdminClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = AdminServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public AdminServiceGrpc.AdminServiceBlockingStub stub() {
        return stub;
    }

    /**
     * {@code CheckConsistency}: one page. A check only reads, and a repair sets values recomputed under the row's
     * lock, so a retry on UNAVAILABLE is safe either way.
     */
    public CheckConsistencyResponse checkConsistency(CheckConsistencyRequest request) {
        return calls.read(request, stub::checkConsistency);
    }
}
