package dev.ascent.common.db;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code total_size} of a List response (AIP-132), counted cheaply: a COUNT over a LIMITed subquery, so the
 * database walks at most {@link #MAX} index entries however many rows match. A total of {@code MAX} means at least
 * that many; the List responses' proto comments say so.
 */
public final class BoundedCount {

    /** Where counting stops. */
    public static final int MAX = 10_000;

    /** Binds a query's parameters from index 1 and returns the next free index. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** One page of rows and how many rows match in all, counted up to {@link #MAX}. */
    public record Counted<T>(List<T> rows, int total) {}

    private BoundedCount() {}

    /**
     * Counts the rows of {@code rowsSql} (a {@code SELECT 1 FROM ... WHERE ...} without ORDER BY or LIMIT, best on an
     * indexed filter) up to {@link #MAX}.
     */
    public static int of(JdbcOperations jdbc, String rowsSql, Binder binder) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM (" + rowsSql + " LIMIT ?) counted", ps -> {
            ps.setInt(binder.bind(ps), MAX);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
