package dev.ascent.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

/** Assertions on gRPC failures and their {@code google.rpc} details. */
public final class GrpcAssertions {

    private GrpcAssertions() {}

    public static StatusRuntimeException assertStatus(Status.Code expected, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(
                expected,
                e.getStatus().getCode(),
                () -> "status message: " + e.getStatus().getDescription());
        return e;
    }

    /** Asserts INVALID_ARGUMENT with a field violation for {@code field}. */
    public static StatusRuntimeException assertInvalidField(String field, Executable call) {
        StatusRuntimeException e = assertStatus(Status.Code.INVALID_ARGUMENT, call);
        List<String> fields = badRequest(e)
                .map(b -> b.getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField)
                        .toList())
                .orElse(List.of());
        if (!fields.contains(field)) {
            throw new AssertionError("expected a violation of " + field + " but got " + fields + ": "
                    + e.getStatus().getDescription());
        }
        return e;
    }

    public static Optional<BadRequest> badRequest(StatusRuntimeException e) {
        return detail(e, BadRequest.class);
    }

    public static Optional<ErrorInfo> errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class);
    }

    private static <T extends com.google.protobuf.Message> Optional<T> detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return Optional.empty();
        }
        return status.getDetailsList().stream()
                .filter(any -> any.is(type))
                .findFirst()
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                        throw new AssertionError(ex);
                    }
                });
    }
}
