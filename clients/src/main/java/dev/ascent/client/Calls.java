package dev.ascent.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.function.Function;

/** Runs one unary RPC: fills in a request_id, retries what is safe to retry, maps failures to typed exceptions. */
final class Calls {

    private final RetryPolicy retry;
    private final Runnable reconnectNow;

    /**
     * @param reconnectNow run before each retry: ends gRPC's own reconnect backoff, which after a server restart
     *                     can outlast every retry (each would fail at once with the old "connection refused")
     */
    Calls(RetryPolicy retry, Runnable reconnectNow) {
        this.retry = retry;
        this.reconnectNow = reconnectNow;
    }

    /** A read: always safe to repeat. */
    <Q, R> R read(Q request, Function<Q, R> rpc) {
        return attempt(request, rpc, retry.maxAttempts());
    }

    /**
     * A write: when the request has a {@code request_id} field it gets a fresh UUID if empty, and the same request
     * (same id) is retried; without the field it is sent once.
     */
    <Q extends Message, R> R write(Q request, Function<Q, R> rpc) {
        Q withId = withRequestId(request);
        return withId == null ? attempt(request, rpc, 1) : attempt(withId, rpc, retry.maxAttempts());
    }

    /** Send once whatever happens (a write with no request_id field). */
    <Q, R> R once(Q request, Function<Q, R> rpc) {
        return attempt(request, rpc, 1);
    }

    /** The request with a request_id set (kept when the caller gave one); null when it has no such field. */
    @SuppressWarnings("unchecked")
    static <Q extends Message> Q withRequestId(Q request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_id");
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
            return null;
        }
        if (!((String) request.getField(field)).isEmpty()) {
            return request;
        }
        return (Q) request.toBuilder()
                .setField(field, UUID.randomUUID().toString())
                .build();
    }

    private <Q, R> R attempt(Q request, Function<Q, R> rpc, int attempts) {
        for (int n = 1; ; n++) {
            try {
                return rpc.apply(request);
            } catch (StatusRuntimeException e) {
                if (n >= attempts || e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw AscentException.from(e);
                }
                sleep(n);
                reconnectNow.run();
            }
        }
    }

    RetryPolicy policy() {
        return retry;
    }

    void sleep(int retryNumber) {
        try {
            Thread.sleep(retry.backoff(retryNumber).toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw AscentException.from(Status.CANCELLED
                    .withDescription("interrupted while waiting to retry")
                    .withCause(ie)
                    .asRuntimeException());
        }
    }
}
