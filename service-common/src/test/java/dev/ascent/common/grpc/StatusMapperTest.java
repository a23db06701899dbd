package dev.ascent.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

    private final StatusMapper mapper = new StatusMapper();

    @Test
    void fieldViolationsBecomeBadRequestDetails() throws Exception {
        StatusRuntimeException e = mapper.toStatusException(ApiException.invalid(List.of(
                new FieldViolation("hours_per_week", "must be between 1 and 80"),
                new FieldViolation("role", "is required"))));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
        assertEquals("INVALID_FIELD", info.getReason());
        assertEquals("ascent.dev", info.getDomain());
        BadRequest bad = status.getDetails(1).unpack(BadRequest.class);
        assertEquals(
                List.of("hours_per_week", "role"),
                bad.getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField)
                        .toList());
    }

    /**
     * Found by the fuzz test: a stale etag of 100,000 characters was quoted in the ABORTED message, the trailers
     * passed the client's 8 KiB limit and the call failed INTERNAL (RST_STREAM) instead of ABORTED.
     */
    @Test
    void whateverTheCallerSentTheErrorFitsInTheClientsTrailerLimit() throws Exception {
        String huge = "\uD83D\uDE80".repeat(50_000);
        List<FieldViolation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            violations.add(new FieldViolation(huge, "must not be '" + huge + "'"));
        }
        for (ApiException api : List.of(
                ApiException.aborted("STALE_ETAG", "changed since etag " + huge),
                ApiException.invalid(violations, 1_000_000))) {
            StatusRuntimeException e = mapper.toStatusException(api);
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            int trailers = status.toByteArray().length * 4 / 3
                    + e.getStatus().getDescription().getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 3;
            org.junit.jupiter.api.Assertions.assertTrue(trailers < 7000, "trailers of about " + trailers + " bytes");
            org.junit.jupiter.api.Assertions.assertTrue(
                    e.getStatus().getDescription().endsWith("..."));
            if (status.getDetailsCount() > 1) {
                BadRequest bad = status.getDetails(1).unpack(BadRequest.class);
                org.junit.jupiter.api.Assertions.assertTrue(bad.getFieldViolationsCount() >= 1);
                assertEquals(
                        "1000000",
                        status.getDetails(0).unpack(ErrorInfo.class).getMetadataOrThrow(StatusMapper.VIOLATIONS_TOTAL));
            }
        }
        assertEquals("abc", StatusMapper.clip("abc", 3));
        assertEquals("\u00e9...", StatusMapper.clip("\u00e9\u00e9\u00e9\u00e9", 6));
    }

    @Test
    void lostDatabaseConnectionsAreUnavailable() {
        RuntimeException wrapped = new RuntimeException(new SQLTransientConnectionException("pool timeout"));
        assertEquals(
                Status.Code.UNAVAILABLE,
                mapper.toStatusException(wrapped).getStatus().getCode());
        RuntimeException refused = new RuntimeException(new SQLException("Communications link failure", "08S01"));
        assertEquals(
                Status.Code.UNAVAILABLE,
                mapper.toStatusException(refused).getStatus().getCode());
        // Found by FaultTest: a pooled connection cut under a call fails with Hikari's SQLState-less message.
        RuntimeException cut = new io.micronaut.data.connection.exceptions.ConnectionException(
                "Could not set JDBC Connection read-only: Connection is closed",
                new SQLException("Connection is closed"));
        assertEquals(
                Status.Code.UNAVAILABLE,
                mapper.toStatusException(cut).getStatus().getCode());
        // Found by FaultTest: a commit cut short (08S01), then the rollback on the closed connection, whose
        // exception Micronaut throws instead of the commit's.
        RuntimeException rollback = new io.micronaut.transaction.exceptions.TransactionSystemException(
                "Could not roll back JDBC transaction", new SQLException("Connection is closed"));
        assertEquals(
                Status.Code.UNAVAILABLE,
                mapper.toStatusException(rollback).getStatus().getCode());
    }

    @Test
    void bugsAreInternalWithAGenericMessage() {
        StatusRuntimeException e = mapper.toStatusException(new NullPointerException("secret detail"));
        assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
        assertEquals("internal error", e.getStatus().getDescription());
    }

    @Test
    void eachKindMapsToItsCanonicalCode() {
        assertEquals(
                Status.Code.NOT_FOUND,
                mapper.toStatusException(ApiException.notFound("roles/x"))
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.ABORTED,
                mapper.toStatusException(ApiException.aborted("STALE_ETAG", "stale"))
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                mapper.toStatusException(ApiException.permissionDenied("no"))
                        .getStatus()
                        .getCode());
    }
}
