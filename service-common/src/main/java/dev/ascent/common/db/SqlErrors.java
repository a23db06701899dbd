package dev.ascent.common.db;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database error means, on H2 and MySQL/MariaDB alike. Both engines report a duplicate key, a foreign key
 * and a NOT NULL violation under SQLState class 23, so the class alone cannot tell them apart: H2 has a state per
 * kind (23505 duplicate, 23503/23506 foreign key), MySQL says 23000 for all and tells them apart by error code.
 */
public final class SqlErrors {

    public enum Kind {
        /** A unique key already holds the value (H2 23505; MySQL 1062, 1586, 1022). */
        DUPLICATE_KEY,
        /** A foreign key refers to a missing row, or a referenced row was to be deleted (H2 23503/23506; MySQL 1451/1452/1216/1217). */
        FOREIGN_KEY,
        /** A string longer than its column (22001 on both; MySQL 1406). */
        TOO_LONG,
        /** A number outside its column's range (22003 on both, H2 22004 naming the column; MySQL 1264). */
        OUT_OF_RANGE,
        /** Characters the column cannot store (MySQL 1366, e.g. outside utf8mb4). */
        BAD_STRING,
        /** Any other integrity constraint (NOT NULL, CHECK): a bug, since requests are validated first. */
        OTHER_CONSTRAINT,
        OTHER
    }

    private static final Pattern COLUMN = Pattern.compile("(?i)column ['\"`]?([a-z0-9_]+)");

    private SqlErrors() {}

    /** The first SQLException in the cause chain, if any. */
    public static Optional<SQLException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    public static Kind kind(Throwable error) {
        return find(error).map(SqlErrors::kind).orElse(Kind.OTHER);
    }

    static Kind kind(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql.getErrorCode();
        if (state.equals("23505") || code == 1062 || code == 1586 || code == 1022) {
            return Kind.DUPLICATE_KEY;
        }
        if (state.equals("23503")
                || state.equals("23506")
                || code == 1451
                || code == 1452
                || code == 1216
                || code == 1217) {
            return Kind.FOREIGN_KEY;
        }
        if (state.equals("22001") || code == 1406) {
            return Kind.TOO_LONG;
        }
        if (state.equals("22003") || state.equals("22004") || code == 1264) {
            return Kind.OUT_OF_RANGE;
        }
        if (code == 1366) {
            return Kind.BAD_STRING;
        }
        if (state.startsWith("23")) {
            return Kind.OTHER_CONSTRAINT;
        }
        return Kind.OTHER;
    }

    public static boolean isDuplicateKey(Throwable error) {
        return kind(error) == Kind.DUPLICATE_KEY;
    }

    /** The column an engine named in its message ("for column 'title'", {@code column "TITLE ..."}), lower case. */
    public static Optional<String> column(Throwable error) {
        return find(error).map(SQLException::getMessage).flatMap(message -> {
            Matcher m = COLUMN.matcher(message == null ? "" : message);
            return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        });
    }
}
