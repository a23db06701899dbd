package dev.ascent.common.error;

/** The canonical gRPC codes Ascent answers with; see the table in the README. */
public enum ErrorKind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    ABORTED,
    UNAUTHENTICATED,
    PERMISSION_DENIED,
    UNAVAILABLE,
    RESOURCE_EXHAUSTED
}
