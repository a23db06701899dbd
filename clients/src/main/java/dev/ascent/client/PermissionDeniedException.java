package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code PERMISSION_DENIED}: the caller is known but may not do this. */
public class PermissionDeniedException extends AscentException {

    PermissionDeniedException(StatusRuntimeException cause) {
        super(cause);
    }
}
