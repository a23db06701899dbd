package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code NOT_FOUND}: the resource does not exist, or the caller may not know that it does. */
public class NotFoundException extends AscentException {

    NotFoundException(StatusRuntimeException cause) {
        super(cause);
    }
}
