package dev.ascent.common.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.ascent.common.db.SqlErrors;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what escapes an endpoint to the most specific gRPC status, with {@code google.rpc.ErrorInfo} and
 * {@code google.rpc.BadRequest} details. Bugs become INTERNAL with a generic message; the cause goes to the log only.
 */
@Singleton
public class StatusMapper {

    public static final String DOMAIN = "ascent.dev";
    /** ErrorInfo metadata key: the number of field violations found, of which BadRequest lists at most 20. */
    public static final String VIOLATIONS_TOTAL = "field_violations_total";
    /**
     * Bounds on what an error carries, in UTF-8 bytes. Messages and descriptions may quote what the caller sent (a
     * name, an etag), and the status travels in HTTP/2 trailers, which a gRPC client refuses beyond 8 KiB (its
     * default {@code maxInboundMetadataSize}): the call then fails INTERNAL (RST_STREAM) instead of with the status.
     * The message appears twice (grpc-message, percent-encoded, and inside grpc-status-details-bin, base64), so
     * the bounds keep the whole at about 6 KiB whatever the caller sent.
     */
    static final int MAX_MESSAGE_BYTES = 400;

    static final int MAX_FIELD_BYTES = 100;
    static final int MAX_DESCRIPTION_BYTES = 200;
    static final int MAX_VIOLATIONS_BYTES = 3000;
    private static final Logger LOG = LoggerFactory.getLogger(StatusMapper.class);

    public StatusRuntimeException toStatusException(Throwable error) {
        if (error instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (error instanceof ApiException api) {
            return fromApiException(api);
        }
        if (isDatabaseUnavailable(error)) {
            LOG.warn("database unavailable: {}", error.toString());
            return build(Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", "the database is not reachable; retry later");
        }
        if (findCause(error, SQLTransactionRollbackException.class) != null) {
            return build(Code.ABORTED, "CONCURRENT_UPDATE", "a concurrent change got in the way; retry the request");
        }
        StatusRuntimeException constraint = fromConstraint(error);
        if (constraint != null) {
            return constraint;
        }
        LOG.error("unexpected error in a call", error);
        return build(Code.INTERNAL, "INTERNAL", "internal error");
    }

    /**
     * A constraint the database enforced after validation let a request through. Each kind gets its own status:
     * a duplicate key is ALREADY_EXISTS, a broken reference FAILED_PRECONDITION (a related row changed
     * concurrently), a value too long or out of range INVALID_ARGUMENT naming the column. Validation should have
     * caught the last two, so they are logged as a warning. NOT NULL and CHECK violations are bugs: INTERNAL.
     */
    private StatusRuntimeException fromConstraint(Throwable error) {
        SqlErrors.Kind kind = SqlErrors.kind(error);
        String column = SqlErrors.column(error).orElse("");
        return switch (kind) {
            case DUPLICATE_KEY ->
                build(Code.ALREADY_EXISTS, "ALREADY_EXISTS", "a resource with the same key already exists");
            case FOREIGN_KEY ->
                build(
                        Code.FAILED_PRECONDITION,
                        "REFERENCE_CHANGED",
                        "a related resource was changed or removed concurrently; reload it and retry");
            case TOO_LONG, OUT_OF_RANGE, BAD_STRING -> {
                LOG.warn(
                        "a value reached the database unvalidated ({} in column '{}'): {}",
                        kind,
                        column,
                        SqlErrors.find(error).map(Throwable::getMessage).orElse(""));
                String description = switch (kind) {
                    case TOO_LONG -> "is too long";
                    case OUT_OF_RANGE -> "is out of range";
                    default -> "contains characters that cannot be stored";
                };
                yield fromApiException(ApiException.invalid(column.isEmpty() ? "request" : column, description));
            }
            default -> null;
        };
    }

    private StatusRuntimeException fromApiException(ApiException api) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(Code.valueOf(api.kind().name()).getNumber())
                .setMessage(clip(api.getMessage(), MAX_MESSAGE_BYTES))
                .addDetails(Any.pack(errorInfo(api)));
        if (!api.violations().isEmpty()) {
            BadRequest.Builder bad = BadRequest.newBuilder();
            for (FieldViolation v : api.violations()) {
                BadRequest.FieldViolation violation = BadRequest.FieldViolation.newBuilder()
                        .setField(clip(v.field(), MAX_FIELD_BYTES))
                        .setDescription(clip(v.description(), MAX_DESCRIPTION_BYTES))
                        .build();
                // The first violation always goes; later ones while they fit (the total is in ErrorInfo).
                if (bad.getFieldViolationsCount() > 0
                        && bad.build().getSerializedSize() + violation.getSerializedSize() > MAX_VIOLATIONS_BYTES) {
                    break;
                }
                bad.addFieldViolations(violation);
            }
            status.addDetails(Any.pack(bad.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** ErrorInfo; with field violations, {@code field_violations_total} says how many there were in all. */
    private static ErrorInfo errorInfo(ApiException api) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(api.reason()).setDomain(DOMAIN);
        if (!api.violations().isEmpty()) {
            info.putMetadata(VIOLATIONS_TOTAL, Integer.toString(api.totalViolations()));
        }
        return info.build();
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes (with "..."), never inside a character. */
    static String clip(String text, int maxBytes) {
        if (text == null
                || text.length() * 3 <= maxBytes
                || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes) {
            return text == null ? "" : text;
        }
        int bytes = 3;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + "...";
    }

    private static StatusRuntimeException build(Code code, String reason, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain(DOMAIN)
                        .build()))
                .build());
    }

    /** Connection failures (SQLState class 08, pool timeouts) mean "try again later", not a bug. */
    public static boolean isDatabaseUnavailable(Throwable error) {
        if (findCause(error, SQLTransientConnectionException.class) != null) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // Micronaut Data's ConnectionException: a pooled connection died under the call (Hikari's "Connection
            // is closed" carries no SQLState), as when the database goes away mid-transaction.
            // The transaction manager could not commit or roll back: the connection broke under it. (When a commit
            // is cut short, the rollback that follows fails on the closed connection, and Micronaut throws the
            // rollback's exception, which has lost the commit's 08S01.)
            if (t instanceof io.micronaut.transaction.exceptions.TransactionSystemException) {
                return true;
            }
            if (t.getClass().getName().endsWith("CannotGetJdbcConnectionException")
                    || t.getClass().getName().endsWith("CannotCreateTransactionException")
                    || t.getClass().getName().equals("io.micronaut.data.connection.exceptions.ConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
