package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each status a service answers with maps to its own exception type, so callers can catch what they handle. */
class AscentExceptionTest {

    @Test
    void everyDocumentedStatusHasItsOwnType() {
        Map<Status.Code, Class<? extends AscentException>> expected = Map.ofEntries(
                Map.entry(Status.Code.NOT_FOUND, NotFoundException.class),
                Map.entry(Status.Code.INVALID_ARGUMENT, InvalidArgumentException.class),
                Map.entry(Status.Code.UNAUTHENTICATED, UnauthenticatedException.class),
                Map.entry(Status.Code.PERMISSION_DENIED, PermissionDeniedException.class),
                Map.entry(Status.Code.UNAVAILABLE, UnavailableException.class),
                Map.entry(Status.Code.DEADLINE_EXCEEDED, DeadlineExceededException.class),
                Map.entry(Status.Code.ABORTED, AbortedException.class),
                Map.entry(Status.Code.FAILED_PRECONDITION, FailedPreconditionException.class),
                Map.entry(Status.Code.ALREADY_EXISTS, AlreadyExistsException.class),
                Map.entry(Status.Code.RESOURCE_EXHAUSTED, ResourceExhaustedException.class),
                Map.entry(Status.Code.UNIMPLEMENTED, UnimplementedException.class),
                Map.entry(Status.Code.INTERNAL, AscentException.class));
        expected.forEach((code, type) -> assertEquals(
                type,
                AscentException.from(Status.fromCode(code).asRuntimeException()).getClass(),
                code.name()));
    }
}
