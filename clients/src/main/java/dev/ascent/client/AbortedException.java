package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code ABORTED}: a stale etag or a lost race (or the same request_id still running); read again and retry. */
public class AbortedException extends AscentException {

    AbortedException(StatusRuntimeException cause) {
        super(cause);
    }
}
