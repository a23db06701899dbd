package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import dev.ascent.common.grpc.StatusMapper;
import dev.ascent.common.testing.TestDatabase;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each kind of constraint the real engines enforce maps to its own status: only a duplicate key is ALREADY_EXISTS.
 * Runs on H2 and on MariaDB (strict mode, as configured by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConstraintMappingContract {

    private final StatusMapper mapper = new StatusMapper();
    private TestDatabase db;
    private Connection c;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void create() throws SQLException {
        db = TestDatabase.create(engine());
        c = db.connect();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id BIGINT NOT NULL PRIMARY KEY, handle VARCHAR(5) NOT NULL, "
                    + "n INT NOT NULL, CONSTRAINT uq_parent_handle UNIQUE (handle))");
            s.execute("CREATE TABLE child (id BIGINT NOT NULL PRIMARY KEY, parent_id BIGINT NOT NULL, "
                    + "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))");
            s.execute("INSERT INTO parent (id, handle, n) VALUES (1, 'ada', 1)");
            s.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
        }
    }

    @AfterAll
    void drop() throws SQLException {
        if (c != null) {
            c.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private StatusRuntimeException map(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        return mapper.toStatusException(new RuntimeException("wrapped", e));
    }

    @Test
    void aDuplicateKeyIsAlreadyExists() {
        assertEquals(
                Status.Code.ALREADY_EXISTS,
                map("INSERT INTO parent (id, handle, n) VALUES (2, 'ada', 1)")
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.ALREADY_EXISTS,
                map("INSERT INTO parent (id, handle, n) VALUES (1, 'bob', 1)")
                        .getStatus()
                        .getCode());
    }

    @Test
    void aBrokenReferenceIsFailedPrecondition() {
        assertEquals(
                Status.Code.FAILED_PRECONDITION,
                map("INSERT INTO child (id, parent_id) VALUES (2, 99)")
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.FAILED_PRECONDITION,
                map("DELETE FROM parent WHERE id = 1").getStatus().getCode());
    }

    @Test
    void tooLongAndOutOfRangeAreInvalidArgumentNamingTheColumn() {
        assertInvalid("handle", map("INSERT INTO parent (id, handle, n) VALUES (3, 'toolong', 1)"));
        assertInvalid("n", map("INSERT INTO parent (id, handle, n) VALUES (4, 'x', 99999999999)"));
    }

    @Test
    void aNotNullViolationIsABug() {
        assertEquals(
                Status.Code.INTERNAL,
                map("INSERT INTO parent (id, handle, n) VALUES (5, NULL, 1)")
                        .getStatus()
                        .getCode());
    }

    private static void assertInvalid(String field, StatusRuntimeException e) {
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e::toString);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        BadRequest bad = status.getDetailsList().stream()
                .filter(a -> a.is(BadRequest.class))
                .findFirst()
                .map(a -> {
                    try {
                        return a.unpack(BadRequest.class);
                    } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                        throw new AssertionError(x);
                    }
                })
                .orElseThrow();
        assertEquals(field, bad.getFieldViolations(0).getField());
    }
}
