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
 * ServiceSettings#withDriverDefaults}): every value comes back exactly as bound, whichever way the batch was sent;
 * a batch is one statement, prepared on the server once per number of rows on a connection, or not at all past
 * {@link BatchInserts#MAX_PREPARED_ROWS} (MariaDB); a duplicate key is still recognised as one.
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

    /** Values that need escaping in a query text, or are binary, or at the edges of their type. */
    private static final List<Row> AWKWARD = List.of(
            new Row(1, "plain", new byte[] {1, 2, 3}, 7),
            new Row(2, "it's \"quoted\" \\ back\\'slash", new byte[] {0, '\'', '\\', '"', (byte) 0xff}, null),
            new Row(3, "'); DROP TABLE note; --", null, Integer.MIN_VALUE),
            new Row(4, "zero\u0000byte, newline\n, tab\t, ctrl-z \u001a", new byte[0], 0),
            new Row(5, "ünïcödé, 漢字, emoji 🚀", new byte[] {(byte) 0x80, 0x7f}, Integer.MAX_VALUE),
            new Row(Long.MAX_VALUE, "?, ?, (?)", null, -1));

    @Test
    void everyValueComesBackAsBound() throws SQLException {
        BatchInserts.insert(c, INSERT, AWKWARD, BatchInsertsContract::bind);
        assertStored(AWKWARD);
    }

    @Test
    void everyValueComesBackAsBoundInABatchTooLargeToPrepare() throws SQLException {
        List<Row> rows = new ArrayList<>(AWKWARD);
        for (int i = 0; rows.size() <= BatchInserts.MAX_PREPARED_ROWS; i++) {
            rows.add(new Row(1000 + i, "filler " + i, null, i));
        }
        BatchInserts.insert(c, INSERT, rows, BatchInsertsContract::bind);
        assertStored(rows);
    }

    private void assertStored(List<Row> rows) throws SQLException {
        assertEquals(rows.size(), count());
        List<Row> byId = rows.stream()
                .sorted(java.util.Comparator.comparingLong(Row::id))
                .toList();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, body, data, n FROM note ORDER BY id")) {
            for (Row expected : byId) {
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
    void aBatchIsOneStatementAndEachSizeIsPreparedOnceOnAConnection() throws SQLException {
        assumeTrue(engine() == TestDatabase.Engine.MYSQL, "session status counters are MariaDB's");
        long prepared = status("Com_stmt_prepare");
        long inserts = status("Com_insert");
        int id = 0;
        // Sizes no other test here uses, each twice: the second time the statement comes from the cache.
        for (int size : new int[] {9, 11, 13, 15, 11, 9, 15}) {
            id = insertRows(id, size);
        }
        assertEquals(id, count());
        assertEquals(7, status("Com_insert") - inserts, "one INSERT statement a batch");
        assertEquals(4, status("Com_stmt_prepare") - prepared, "each size prepared once");
    }

    @Test
    void aBatchLargerThanThePreparedSizesIsOneStatementPreparedNowhere() throws SQLException {
        assumeTrue(engine() == TestDatabase.Engine.MYSQL, "session status counters are MariaDB's");
        long prepared = status("Com_stmt_prepare");
        long inserts = status("Com_insert");
        int id = insertRows(0, BatchInserts.MAX_PREPARED_ROWS + 1);
        id = insertRows(id, 300);
        assertEquals(id, count());
        assertEquals(2, status("Com_insert") - inserts, "one INSERT statement a batch");
        assertEquals(0, status("Com_stmt_prepare") - prepared, "nothing prepared on the server");
    }

    @Test
    void theTupleIsRepeatedAndWhatFollowsItIsKept() {
        String upsert = "INSERT INTO t (a, b) VALUES (?, ?) ON DUPLICATE KEY UPDATE b = b + VALUES(b)";
        assertEquals(
                "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON DUPLICATE KEY UPDATE b = b + VALUES(b)",
                BatchInserts.multiRow(upsert, 3));
        assertEquals(upsert, BatchInserts.multiRow(upsert, 1));
        assertEquals(null, BatchInserts.multiRow(upsert, BatchInserts.MAX_PREPARED_ROWS + 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> BatchInserts.multiRow("INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = ?", 2));
    }

    private int insertRows(int lastId, int size) throws SQLException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            lastId++;
            rows.add(new Row(lastId, "row " + lastId, null, lastId));
        }
        BatchInserts.insert(c, INSERT, rows, BatchInsertsContract::bind);
        return lastId;
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

    private static void bind(BatchInserts.Parameters ps, Row row) throws SQLException {
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
