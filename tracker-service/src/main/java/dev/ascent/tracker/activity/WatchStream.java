package dev.ascent.tracker.activity;

import io.grpc.StatusRuntimeException;
import java.time.Instant;

/**
 * A WatchActivity call as its {@link Watch} sees it: whether the client can take more, and what can be sent on it.
 * The endpoint adapts the gRPC observer, so the stream's flow control holds no proto types. Not thread-safe: the
 * watch calls it under its lock.
 */
interface WatchStream {

    /** gRPC's flow control: true while the client can take another message without it being buffered. */
    boolean isReady();

    /** Sends one event; throws when the call has ended. */
    void event(ActivityRow event);

    /** Sends a heartbeat with the cursor to resume from; throws when the call has ended. */
    void heartbeat(Instant time, long cursor);

    /** Ends the call with {@code status}. */
    void fail(StatusRuntimeException status);
}
