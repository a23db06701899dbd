package dev.ascent.common.db;

import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts many rows with one statement: one round trip to MySQL.
 *
 * <p>On MySQL a batch of up to {@link #MAX_PREPARED_ROWS} rows is sent as one multi-row INSERT prepared on the
 * server: a statement text of its own for each number of rows, prepared the first time a connection sees that number
 * and then kept in Connector/J's statement cache ({@code cachePrepStmts}), so a busy writer prepares each size once
 * and sends its values in the binary protocol (no escaping on the client, no parsing on the server). A larger batch,
 * or one whose text would not fit the cache ({@code prepStmtCacheSqlLimit}), is prepared on the client instead: the
 * driver writes the escaped values into one query text, with no prepare round trip for a size that may not come
 * again. (Connector/J's own rewriting of a server-side batch prepares the rewritten statement again every time.)
 * On any other database (H2) the rows are one JDBC batch.
 */
public final class BatchInserts {

    /** Sets one row's parameters, numbered from 1 as in the single-row statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(Parameters p, T row) throws SQLException;
    }

    /** One row's parameters of a (possibly multi-row) statement. */
    public static final class Parameters {
        private final PreparedStatement ps;
        private int offset;

        private Parameters(PreparedStatement ps) {
            this.ps = ps;
        }

        public void setLong(int index, long value) throws SQLException {
            ps.setLong(offset + index, value);
        }

        public void setInt(int index, int value) throws SQLException {
            ps.setInt(offset + index, value);
        }

        public void setString(int index, String value) throws SQLException {
            ps.setString(offset + index, value);
        }

        public void setBytes(int index, byte[] value) throws SQLException {
            ps.setBytes(offset + index, value);
        }

        public void setNull(int index, int sqlType) throws SQLException {
            ps.setNull(offset + index, sqlType);
        }

        /** {@code value}, or SQL NULL of {@code sqlType} when it is null. */
        public void setLong(int index, Long value, int sqlType) throws SQLException {
            if (value == null) {
                setNull(index, sqlType);
            } else {
                setLong(index, value);
            }
        }

        /** {@code value}, or SQL NULL of {@code sqlType} when it is null. */
        public void setInt(int index, Integer value, int sqlType) throws SQLException {
            if (value == null) {
                setNull(index, sqlType);
            } else {
                setInt(index, value);
            }
        }
    }

    /**
     * Rows a server-side prepared INSERT takes at most: each size up to this is one cached statement per connection
     * (LogTime's writer batches at most 64 calls).
     */
    static final int MAX_PREPARED_ROWS = 64;

    /** Connector/J caches statements up to this long ({@code prepStmtCacheSqlLimit} in the services' settings). */
    static final int MAX_CACHED_SQL = 8192;

    /** A single-row INSERT's multi-row texts by number of rows, and its parameters a row. */
    private record Shape(String[] texts, int perRow) {}

    /** By single-row INSERT: a few statements, each with up to {@link #MAX_PREPARED_ROWS} texts. */
    private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();

    private BatchInserts() {}

    /** Runs {@code sql} (an INSERT) once per row of {@code rows}, in one batch; nothing when there are none. */
    public static <T> void insert(JdbcOperations jdbc, String sql, Collection<T> rows, Binder<? super T> binder) {
        if (!rows.isEmpty()) {
            jdbc.execute(connection -> {
                insert(connection, sql, rows, binder);
                return null;
            });
        }
    }

    /** {@link #insert(JdbcOperations, String, Collection, Binder)} on {@code connection}. */
    public static <T> void insert(Connection connection, String sql, Collection<T> rows, Binder<? super T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            executeBatch(connection.prepareStatement(sql), rows, binder);
            return;
        }
        String multi = multiRow(sql, rows.size());
        if (multi == null) {
            executeBatch(connection.unwrap(JdbcConnection.class).clientPrepareStatement(sql), rows, binder);
            return;
        }
        int perRow = SHAPES.get(sql).perRow();
        try (PreparedStatement ps = connection.prepareStatement(multi)) {
            Parameters p = new Parameters(ps);
            for (T row : rows) {
                binder.bind(p, row);
                p.offset += perRow;
            }
            ps.executeUpdate();
        }
    }

    /** {@code rows} as one JDBC batch of {@code statement}, which this closes. */
    private static <T> void executeBatch(PreparedStatement statement, Collection<T> rows, Binder<? super T> binder)
            throws SQLException {
        try (PreparedStatement ps = statement) {
            Parameters p = new Parameters(ps);
            for (T row : rows) {
                binder.bind(p, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Shape shape(String sql) {
        int open = tupleStart(sql);
        long inTuple = sql.substring(open, sql.indexOf(')', open))
                .chars()
                .filter(c -> c == '?')
                .count();
        if (inTuple == 0 || inTuple != sql.chars().filter(c -> c == '?').count()) {
            throw new IllegalArgumentException("parameters only in the VALUES tuple: " + sql);
        }
        return new Shape(new String[MAX_PREPARED_ROWS + 1], (int) inTuple);
    }

    private static int tupleStart(String sql) {
        int values = sql.toUpperCase(Locale.ROOT).indexOf(" VALUES (");
        if (values < 0) {
            throw new IllegalArgumentException("not an INSERT ... VALUES (...): " + sql);
        }
        return values + " VALUES ".length();
    }

    /**
     * {@code sql} with its {@code VALUES (...)} tuple repeated {@code rows} times; null when the result should not
     * be prepared on the server (too many rows, or too long a text to be cached).
     */
    static String multiRow(String sql, int rows) {
        if (rows > MAX_PREPARED_ROWS) {
            return null;
        }
        Shape shape = SHAPES.computeIfAbsent(sql, BatchInserts::shape);
        String text = shape.texts()[rows];
        if (text == null) {
            int open = tupleStart(sql);
            int close = sql.indexOf(')', open);
            String tuple = sql.substring(open, close + 1);
            text = sql.substring(0, open)
                    + String.join(", ", Collections.nCopies(rows, tuple))
                    + sql.substring(close + 1);
            shape.texts()[rows] = text; // a race writes the same text twice; a String is safe to publish so
        }
        return text.length() > MAX_CACHED_SQL ? null : text;
    }
}
