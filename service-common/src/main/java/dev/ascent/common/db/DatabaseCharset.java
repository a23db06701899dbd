package dev.ascent.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a MySQL or MariaDB database stores text as. The services keep all of Unicode (names, notes, imported guides);
 * a database whose default character set is latin1 or utf8mb3 gives that set to every table a migration creates, and
 * such a column refuses text outside it ("José" fits latin1, "日本" and emoji do not). H2 always stores Unicode.
 */
public final class DatabaseCharset {

    /** The set that holds all of Unicode. */
    public static final String UNICODE = "utf8mb4";

    /** At most this many narrow columns are named. */
    private static final int MAX_NAMED = 10;

    /**
     * The database's default character set, and its text columns stored in another set than {@link #UNICODE}
     * ({@code table.column (set)}, at most {@value #MAX_NAMED}).
     */
    public record Report(String database, String defaultCharset, List<String> narrowColumns) {
        public boolean defaultHoldsUnicode() {
            return UNICODE.equals(defaultCharset);
        }
    }

    private DatabaseCharset() {}

    /** The report of the connection's current database; empty on a database that is not MySQL or MariaDB. */
    public static Optional<Report> of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("mysql") && !product.contains("mariadb")) {
            return Optional.empty();
        }
        String database = null;
        String charset = null;
        try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA "
                                + "WHERE SCHEMA_NAME = DATABASE()");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                database = rs.getString(1);
                charset = rs.getString(2);
            }
        }
        if (database == null) {
            return Optional.empty(); // no database selected: nothing is created in one
        }
        List<String> narrow = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL "
                        + "AND CHARACTER_SET_NAME <> ? ORDER BY TABLE_NAME, ORDINAL_POSITION LIMIT " + MAX_NAMED)) {
            ps.setString(1, UNICODE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    narrow.add(rs.getString(1) + "." + rs.getString(2) + " (" + rs.getString(3) + ")");
                }
            }
        }
        return Optional.of(new Report(database, charset, List.copyOf(narrow)));
    }
}
