package dev.ascent.common.grpc;

import dev.ascent.common.error.ApiException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one interceptor every call passes: it makes the request headers available to the call's code
 * ({@link RequestHeaders}, {@link RequestFingerprint}), refuses a request that did not parse ({@link RequestParsing}),
 * turns any exception escaping an endpoint into a status ({@link StatusMapper}) and logs
 * one line per call with the method, the status and the duration. One class, so that the order of these
 * steps is fixed here rather than by interceptor registration order.
 */
@Singleton
public class CallInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger("ascent.calls");

    private final StatusMapper mapper;

    public CallInterceptor(StatusMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        long start = System.nanoTime();
        String method = call.getMethodDescriptor().getFullMethodName();
        OnceClosingCall<Q, R> logged = new OnceClosingCall<>(call, method, start);
        AtomicReference<String> fingerprint = new AtomicReference<>();
        Context context =
                Context.current().withValue(RequestHeaders.KEY, headers).withValue(RequestFingerprint.KEY, fingerprint);
        ServerCall.Listener<Q> delegate;
        try {
            delegate = Contexts.interceptCall(context, logged, headers, next);
        } catch (RuntimeException e) {
            logged.fail(mapper.toStatusException(e));
            return new ServerCall.Listener<>() {};
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            /** Set once a request that did not parse was refused: the endpoint never sees the call. */
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (message == null) {
                    // RequestParsing answers null for bytes that are not a message of the request type.
                    refused = true;
                    logged.fail(mapper.toStatusException(ApiException.malformedRequest()));
                    return;
                }
                if (refused) {
                    return;
                }
                guard(() -> {
                    fingerprint.set(RequestFingerprint.of(message));
                    super.onMessage(message);
                });
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    guard(super::onHalfClose);
                }
            }

            @Override
            public void onReady() {
                guard(super::onReady);
            }

            private void guard(Runnable step) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    logged.fail(mapper.toStatusException(e));
                }
            }
        };
    }

    /** Logs the close and makes sure a failing endpoint that already closed its call is not closed twice. */
    /** "12.034": milliseconds with three decimals (String.format was a third of the log line's cost). */
    static String millis(long micros) {
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    private static final class OnceClosingCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
        private final String method;
        private final long start;
        private final AtomicBoolean closed = new AtomicBoolean();

        OnceClosingCall(ServerCall<Q, R> delegate, String method, long start) {
            super(delegate);
            this.method = method;
            this.start = start;
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            long micros = (System.nanoTime() - start) / 1_000;
            if (status.getCode() == Status.Code.INTERNAL || status.getCode() == Status.Code.UNKNOWN) {
                LOG.warn("{} {} {}ms", method, status.getCode(), millis(micros));
            } else {
                LOG.info("{} {} {}ms", method, status.getCode(), millis(micros));
            }
            super.close(status, trailers);
        }

        void fail(io.grpc.StatusRuntimeException e) {
            Metadata trailers = e.getTrailers() == null ? new Metadata() : e.getTrailers();
            close(e.getStatus(), trailers);
        }
    }
}
