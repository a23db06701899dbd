package dev.ascent.common.db;

import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Inserts many rows with one statement: one round trip to MySQL.
 *
 * <p>With {@code rewriteBatchedStatements}, Connector/J sends a JDBC batch of INSERTs as one multi-row INSERT. A
 * server-side prepared statement ({@code useServerPrepStmts}, which the services keep for their other statements)
 * makes that a statement of its own for each number of rows, prepared on the server first: a second round trip
 * whenever the connection has not prepared that size yet (MariaDB's general log showed one before most of LogTime's
 * batched INSERTs). So on MySQL the batch is prepared on the client: the driver writes the values, escaped, into the
 * statement's text and sends it as one query. On any other database (H2) the statement is prepared as usual.
 */
public final class BatchInserts {

    /** Sets one row's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private BatchInserts() {}

    /** Runs {@code sql} (an INSERT) once per row of {@code rows}, in one batch; nothing when there are none. */
    public static <T> void insert(JdbcOperations jdbc, String sql, Collection<T> rows, Binder<? super T> binder) {
        if (!rows.isEmpty()) {
            jdbc.execute(connection -> insert(connection, sql, rows, binder));
        }
    }

    /** {@link #insert(JdbcOperations, String, Collection, Binder)} on {@code connection}. */
    public static <T> int[] insert(Connection connection, String sql, Collection<T> rows, Binder<? super T> binder)
            throws SQLException {
        try (PreparedStatement ps = prepare(connection, sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)) {
            return connection.unwrap(JdbcConnection.class).clientPrepareStatement(sql);
        }
        return connection.prepareStatement(sql);
    }
}
