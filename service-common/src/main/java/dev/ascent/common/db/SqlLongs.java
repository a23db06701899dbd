package dev.ascent.common.db;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain SQL over numeric columns, for the counter checks that read and repair rows by hand: each row comes back as a
 * {@code long[]} of its first {@code columns} columns. Runs in the caller's transaction.
 */
public final class SqlLongs {

    private SqlLongs() {}

    public static List<long[]> rows(JdbcOperations jdbc, String sql, int columns, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getLong(c + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    public static int update(JdbcOperations jdbc, String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    /** {@code ?, ?, ?}: the placeholders of an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
