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
        assertEquals(List.of("hours_per_week", "role"),
                bad.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
    }

    @Test
    void lostDatabaseConnectionsAreUnavailable() {
        RuntimeException wrapped = new RuntimeException(new SQLTransientConnectionException("pool timeout"));
        assertEquals(Status.Code.UNAVAILABLE, mapper.toStatusException(wrapped).getStatus().getCode());
        RuntimeException refused = new RuntimeException(new SQLException("Communications link failure", "08S01"));
        assertEquals(Status.Code.UNAVAILABLE, mapper.toStatusException(refused).getStatus().getCode());
        // Found by FaultTest: a pooled connection cut under a call fails with Hikari's SQLState-less message.
        RuntimeException cut = new io.micronaut.data.connection.exceptions.ConnectionException(
                "Could not set JDBC Connection read-only: Connection is closed", new SQLException("Connection is closed"));
        assertEquals(Status.Code.UNAVAILABLE, mapper.toStatusException(cut).getStatus().getCode());
    }

    @Test
    void bugsAreInternalWithAGenericMessage() {
        StatusRuntimeException e = mapper.toStatusException(new NullPointerException("secret detail"));
        assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
        assertEquals("internal error", e.getStatus().getDescription());
    }

    @Test
    void eachKindMapsToItsCanonicalCode() {
        assertEquals(Status.Code.NOT_FOUND, mapper.toStatusException(ApiException.notFound("roles/x")).getStatus().getCode());
        assertEquals(Status.Code.ABORTED, mapper.toStatusException(ApiException.aborted("STALE_ETAG", "stale"))
                .getStatus().getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, mapper.toStatusException(ApiException.permissionDenied("no"))
                .getStatus().getCode());
    }
}
