package dev.ascent.common.error;

import java.util.List;

/**
 * A failure the caller can act on, raised by services below the gRPC edge and turned into a gRPC status with
 * {@code google.rpc.ErrorInfo} and, for bad fields, {@code google.rpc.BadRequest} by
 * {@link dev.ascent.common.grpc.StatusMapper}, which {@link dev.ascent.common.grpc.CallInterceptor} (the one
 * interceptor of each service) applies to any exception escaping an endpoint.
 */
public class ApiException extends RuntimeException {

    private final ErrorKind kind;
    private final String reason;
    private final List<FieldViolation> violations;
    private final int totalViolations;

    public ApiException(ErrorKind kind, String reason, String message, List<FieldViolation> violations) {
        this(kind, reason, message, violations, violations.size());
    }

    private ApiException(
            ErrorKind kind, String reason, String message, List<FieldViolation> violations, int totalViolations) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.violations = List.copyOf(violations.subList(0, Math.min(violations.size(), Validator.MAX_REPORTED)));
        this.totalViolations = Math.max(totalViolations, this.violations.size());
    }

    public static ApiException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    public static ApiException invalid(List<FieldViolation> violations) {
        return invalid(violations, violations.size());
    }

    /** {@code total} violations were found, of which (at most {@link Validator#MAX_REPORTED} of) these are shown. */
    public static ApiException invalid(List<FieldViolation> violations, int total) {
        String message = total == 1
                ? violations.get(0).field() + ": " + violations.get(0).description()
                : total + " invalid fields: " + violations.get(0).field() + ": "
                        + violations.get(0).description() + ", ..."
                        + (total > Math.min(violations.size(), Validator.MAX_REPORTED)
                                ? " (the first " + Math.min(violations.size(), Validator.MAX_REPORTED) + " are listed)"
                                : "");
        return new ApiException(ErrorKind.INVALID_ARGUMENT, "INVALID_FIELD", message, violations, total);
    }

    public static ApiException invalidDocument(String message) {
        return new ApiException(ErrorKind.INVALID_ARGUMENT, "INVALID_DOCUMENT", message, List.of());
    }

    /** The request's bytes are not a valid message of the method's request type. */
    public static ApiException malformedRequest() {
        return new ApiException(
                ErrorKind.INVALID_ARGUMENT,
                "MALFORMED_REQUEST",
                "the request is not a valid protobuf message of this method's request type",
                List.of());
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

    /** A quota is used up (a plan's items, a user's tokens or streams): RESOURCE_EXHAUSTED. */
    public static ApiException resourceExhausted(String reason, String message) {
        return new ApiException(ErrorKind.RESOURCE_EXHAUSTED, reason, message, List.of());
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

    /** How many violations were found; {@link #violations()} lists at most {@link Validator#MAX_REPORTED}. */
    public int totalViolations() {
        return totalViolations;
    }
}
