package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code UNIMPLEMENTED}: the server does not offer this method (yet). */
public class UnimplementedException extends AscentException {

    UnimplementedException(StatusRuntimeException cause) {
        super(cause);
    }
}
