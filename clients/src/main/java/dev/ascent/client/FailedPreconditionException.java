package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code FAILED_PRECONDITION}: a valid request in the wrong state, for example an archived plan. */
public class FailedPreconditionException extends AscentException {

    FailedPreconditionException(StatusRuntimeException cause) {
        super(cause);
    }
}
