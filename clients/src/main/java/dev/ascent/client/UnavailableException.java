package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code UNAVAILABLE}: the service (or its database or a peer) cannot be reached; safe calls were already retried. */
public class UnavailableException extends AscentException {

    UnavailableException(StatusRuntimeException cause) {
        super(cause);
    }
}
