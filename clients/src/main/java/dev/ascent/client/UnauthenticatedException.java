package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code UNAUTHENTICATED}: no token, or an unknown or revoked one. */
public class UnauthenticatedException extends AscentException {

    UnauthenticatedException(StatusRuntimeException cause) {
        super(cause);
    }
}
