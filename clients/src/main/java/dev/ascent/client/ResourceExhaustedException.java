package dev.ascent.client;

import io.grpc.StatusRuntimeException;

/**
 * {@code RESOURCE_EXHAUSTED}: a quota is used up (a plan's 200 items, a user's 100 tokens or 10 live streams) or the
 * request was over the size limit; {@link #reason()} tells which.
 */
public class ResourceExhaustedException extends AscentException {

    ResourceExhaustedException(StatusRuntimeException cause) {
        super(cause);
    }
}
