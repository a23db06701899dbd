package dev.ascent.client;

import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * {@code ascent.tracker.v1.ActivityService}: the live activity stream. Streams get no default deadline.
 * Get one from {@link AscentClient#activity()}.
 */
public final class ActivityClient {

    private final Calls calls;
    private final ActivityServiceGrpc.ActivityServiceBlockingStub stub;

    private final Duration reconnectWindow;

    ActivityClient(Calls calls, Channel channel, Duration reconnectWindow) {
        this.calls = calls;
        this.reconnectWindow = reconnectWindow;
        this.stub = ActivityServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's token but without exception mapping. */
    public ActivityServiceGrpc.ActivityServiceBlockingStub stub() {
        return stub;
    }

    /**
     * Follows {@code WatchActivity}, handing each event and heartbeat to {@code listener} until it returns false or
     * the thread is interrupted. When the stream breaks with {@code UNAVAILABLE} (a tracker restart, a lost
     * connection) it reconnects with the retry policy's backoff from the last event's sequence or heartbeat cursor,
     * so nothing is lost or repeated; when reconnecting has failed for longer than the client's
     * {@linkplain AscentClient.Builder#streamReconnectWindow stream reconnect window} (default 60 s) it gives up with
     * {@link UnavailableException}. With {@link RetryPolicy#NONE} it does not reconnect.
     * Other failures end it with the matching {@link AscentException}.
     *
     * @return the cursor to resume from later
     */
    public long follow(WatchActivityRequest request, Predicate<WatchActivityResponse> listener) {
        return follow(request, listener, reconnectWindow);
    }

    /**
     * {@link #follow(WatchActivityRequest, Predicate)} with its own reconnect window instead of the client's.
     *
     * @return the cursor to resume from later
     */
    public long follow(
            WatchActivityRequest request, Predicate<WatchActivityResponse> listener, Duration reconnectWindow) {
        long cursor = request.getAfterSequence();
        int failures = 0;
        long failingSince = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Context.CancellableContext context = Context.current().withCancellation();
            Context previous = context.attach();
            try {
                Iterator<WatchActivityResponse> stream = stub.watchActivity(
                        request.toBuilder().setAfterSequence(cursor).build());
                while (stream.hasNext()) {
                    WatchActivityResponse next = stream.next();
                    failures = 0;
                    failingSince = 0;
                    cursor = next.hasEvent()
                            ? next.getEvent().getSequence()
                            : Math.max(cursor, next.getHeartbeat().getCursor());
                    if (!listener.test(next)) {
                        return cursor;
                    }
                }
                return cursor;
            } catch (StatusRuntimeException e) {
                // A restart takes longer than the few quick attempts of a unary call, so the stream keeps trying for
                // the whole reconnect window, and counts failures only to grow the backoff.
                long now = System.nanoTime();
                if (failures == 0) {
                    failingSince = now;
                }
                failures++;
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE
                        || calls.policy().maxAttempts() <= 1
                        || now - failingSince >= reconnectWindow.toNanos()) {
                    throw AscentException.from(e);
                }
            } finally {
                context.detach(previous);
                context.cancel(null);
            }
            calls.sleep(failures);
        }
        return cursor;
    }
}
