package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/** {@code DEADLINE_EXCEEDED}: no answer within the deadline. A write may or may not have happened. */
public class DeadlineExceededException extends AscentException {

    DeadlineExceededException(StatusRuntimeException cause) {
        super(cause);
    }
}
