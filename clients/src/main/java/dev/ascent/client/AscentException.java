package dev.ascent.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Optional;

/**
 * A failed Ascent call: the gRPC status with the error details the service sent ({@code google.rpc.ErrorInfo},
 * {@code google.rpc.BadRequest}, ...). Each status code callers usually handle has its own subclass, so
 * {@code catch (NotFoundException e)} reads as what it means; other codes arrive as this class.
 */
public class AscentException extends RuntimeException {

    private final transient Status status;
    private final transient List<Any> details;

    protected AscentException(StatusRuntimeException cause) {
        super(describe(cause.getStatus()), cause);
        this.status = cause.getStatus();
        com.google.rpc.Status rich = StatusProto.fromThrowable(cause);
        this.details = rich == null ? List.of() : List.copyOf(rich.getDetailsList());
    }

    /** Maps a gRPC failure to the most specific subclass. */
    public static AscentException from(StatusRuntimeException e) {
        return switch (e.getStatus().getCode()) {
            case NOT_FOUND -> new NotFoundException(e);
            case INVALID_ARGUMENT -> new InvalidArgumentException(e);
            case UNAUTHENTICATED -> new UnauthenticatedException(e);
            case PERMISSION_DENIED -> new PermissionDeniedException(e);
            case UNAVAILABLE -> new UnavailableException(e);
            case DEADLINE_EXCEEDED -> new DeadlineExceededException(e);
            case ABORTED -> new AbortedException(e);
            case FAILED_PRECONDITION -> new FailedPreconditionException(e);
            case ALREADY_EXISTS -> new AlreadyExistsException(e);
            case RESOURCE_EXHAUSTED -> new ResourceExhaustedException(e);
            case UNIMPLEMENTED -> new UnimplementedException(e);
            default -> new AscentException(e);
        };
    }

    /** The gRPC status, with its code and the service's message. */
    public Status status() {
        return status;
    }

    public Status.Code code() {
        return status.getCode();
    }

    /** The service's message without the code, for people. */
    public String description() {
        return status.getDescription() == null ? status.getCode().name() : status.getDescription();
    }

    /** Every detail message the service attached, packed. */
    public List<Any> details() {
        return details;
    }

    /** The first detail of this type, unpacked. */
    public <T extends com.google.protobuf.Message> Optional<T> detail(Class<T> type) {
        for (Any any : details) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The machine-readable reason ({@code google.rpc.ErrorInfo.reason}), when the service sent one. */
    public Optional<String> reason() {
        return detail(ErrorInfo.class).map(ErrorInfo::getReason).filter(r -> !r.isEmpty());
    }

    /** The bad fields ({@code google.rpc.BadRequest}); empty when the service named none. */
    public List<BadRequest.FieldViolation> fieldViolations() {
        return detail(BadRequest.class).map(BadRequest::getFieldViolationsList).orElse(List.of());
    }

    private static String describe(Status status) {
        return status.getDescription() == null
                ? status.getCode().name()
                : status.getCode() + ": " + status.getDescription();
    }
}
