package dev.ascent.client;

import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import java.util.stream.Collectors;

/**
 * {@code INVALID_ARGUMENT}: malformed or missing fields. {@link #fieldViolations()} names each bad field with the
 * reason, from the {@code google.rpc.BadRequest} the service attached.
 */
public class InvalidArgumentException extends AscentException {

    InvalidArgumentException(StatusRuntimeException cause) {
        super(cause);
    }

    /** {@code field: reason; field: reason}, or the status description when no field was named. */
    @Override
    public String description() {
        if (fieldViolations().isEmpty()) {
            return super.description();
        }
        return fieldViolations().stream().map(InvalidArgumentException::line).collect(Collectors.joining("; "));
    }

    private static String line(BadRequest.FieldViolation v) {
        return v.getField().isEmpty() ? v.getDescription() : v.getField() + ": " + v.getDescription();
    }
}
