package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code ALREADY_EXISTS}: a duplicate. */
public class AlreadyExistsException extends AscentException {

    AlreadyExistsException(StatusRuntimeException cause) {
        super(cause);
    }
}
