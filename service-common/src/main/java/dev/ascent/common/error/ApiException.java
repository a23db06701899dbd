package dev.ascent.common.error;

import java.util.List;

/**
 * A failure the caller can act on, raised by services below the gRPC edge and turned into a gRPC status with
 * {@code google.rpc.ErrorInfo} and, for bad fields, {@code google.rpc.BadRequest} by {@code ErrorMappingInterceptor}.
 */
public class ApiException extends RuntimeException {

    private final ErrorKind kind;
    private final String reason;
    private final List<FieldViolation> violations;

    public ApiException(ErrorKind kind, String reason, String message, List<FieldViolation> violations) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public static ApiException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    public static ApiException invalid(List<FieldViolation> violations) {
        String message = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).description()
                : violations.size() + " invalid fields: " + violations.get(0).field() + ": "
                        + violations.get(0).description() + ", ...";
        return new ApiException(ErrorKind.INVALID_ARGUMENT, "INVALID_FIELD", message, violations);
    }

    public static ApiException invalidDocument(String message) {
        return new ApiException(ErrorKind.INVALID_ARGUMENT, "INVALID_DOCUMENT", message, List.of());
    }

    public static ApiException notFound(String resourceName) {
        return new ApiException(ErrorKind.NOT_FOUND, "NOT_FOUND", resourceName + " not found", List.of());
    }

    public static ApiException alreadyExists(String message) {
        return new ApiException(ErrorKind.ALREADY_EXISTS, "ALREADY_EXISTS", message, List.of());
    }

    public static ApiException failedPrecondition(String reason, String message) {
        return new ApiException(ErrorKind.FAILED_PRECONDITION, reason, message, List.of());
    }

    public static ApiException aborted(String reason, String message) {
        return new ApiException(ErrorKind.ABORTED, reason, message, List.of());
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED", message, List.of());
    }

    public static ApiException permissionDenied(String message) {
        return new ApiException(ErrorKind.PERMISSION_DENIED, "PERMISSION_DENIED", message, List.of());
    }

    public static ApiException unavailable(String reason, String message) {
        return new ApiException(ErrorKind.UNAVAILABLE, reason, message, List.of());
    }

    public ErrorKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
