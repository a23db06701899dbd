package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ascent.common.ServiceSettings;
import dev.ascent.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link BatchInserts} on a connection made as the services make theirs (Connector/J's options from {@link
 * ServiceSettings#withDriverDefaults}): every value comes back exactly as bound, a batch is one statement that
 * prepares nothing on the server (MariaDB), and a duplicate key is still recognised as one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BatchInsertsContract {

    private static final String INSERT = "INSERT INTO note (id, body, data, n) VALUES (?, ?, ?, ?)";

    private record Row(long id, String body, byte[] data, Integer n) {}

    private TestDatabase db;
    private Connection c;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void create() throws SQLException {
        db = TestDatabase.create(engine());
        c = DriverManager.getConnection(ServiceSettings.withDriverDefaults(db.url()), db.user(), db.password());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(200) NOT NULL, "
                    + "data VARBINARY(16) NULL, n INT NULL)");
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM note");
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

    @Test
    void everyValueComesBackAsBound() throws SQLException {
        List<Row> rows = List.of(
                new Row(1, "plain", new byte[] {1, 2, 3}, 7),
                new Row(2, "it's \"quoted\" \\ back\\'slash", new byte[] {0, '\'', '\\', '"', (byte) 0xff}, null),
                new Row(3, "'); DROP TABLE note; --", null, Integer.MIN_VALUE),
                new Row(4, "zero\u0000byte, newline\n, tab\t, ctrl-z \u001a", new byte[0], 0),
                new Row(5, "ünïcödé, 漢字, emoji 🚀", new byte[] {(byte) 0x80, 0x7f}, Integer.MAX_VALUE),
                new Row(Long.MAX_VALUE, "?, ?, (?)", null, -1));
        BatchInserts.insert(c, INSERT, rows, BatchInsertsContract::bind);
        assertEquals(rows.size(), count());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, body, data, n FROM note ORDER BY id")) {
            for (Row expected : rows) {
                assertTrue(rs.next());
                assertEquals(expected.id(), rs.getLong(1));
                assertEquals(expected.body(), rs.getString(2));
                assertArrayEquals(expected.data(), rs.getBytes(3), "data of " + expected.id());
                int n = rs.getInt(4);
                assertEquals(expected.n(), rs.wasNull() ? null : n, "n of " + expected.id());
            }
        }
    }

    @Test
    void aBatchIsOneStatementThatPreparesNothingOnTheServer() throws SQLException {
        assumeTrue(engine() == TestDatabase.Engine.MYSQL, "session status counters are MariaDB's");
        long prepared = status("Com_stmt_prepare");
        long inserts = status("Com_insert");
        int id = 0;
        for (int size : new int[] {1, 3, 5, 7, 3}) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                rows.add(new Row(++id, "row " + id, null, id));
            }
            BatchInserts.insert(c, INSERT, rows, BatchInsertsContract::bind);
        }
        assertEquals(id, count());
        assertEquals(5, status("Com_insert") - inserts, "one INSERT statement a batch");
        assertEquals(0, status("Com_stmt_prepare") - prepared, "nothing prepared on the server");
    }

    @Test
    void aDuplicateKeyIsRecognised() throws SQLException {
        List<Row> rows = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new Row(i == 4 ? 2 : i, "row " + i, null, i))
                .toList();
        SQLException e = assertThrows(
                SQLException.class, () -> BatchInserts.insert(c, INSERT, rows, BatchInsertsContract::bind));
        assertTrue(SqlErrors.isDuplicateKey(e), e.toString());
    }

    private static void bind(java.sql.PreparedStatement ps, Row row) throws SQLException {
        ps.setLong(1, row.id());
        ps.setString(2, row.body());
        ps.setBytes(3, row.data());
        if (row.n() == null) {
            ps.setNull(4, Types.INTEGER);
        } else {
            ps.setInt(4, row.n());
        }
    }

    private long count() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long status(String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            assertTrue(rs.next(), name);
            return rs.getLong(2);
        }
    }
}
