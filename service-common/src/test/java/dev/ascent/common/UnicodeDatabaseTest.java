package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.db.DatabaseCharset;
import dev.ascent.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service refuses to start on a MySQL database whose default character set would give its tables a set narrower
 * than Unicode, and says which statement fixes it (the servers' own default was latin1 for years).
 */
class UnicodeDatabaseTest {

    @Test
    void aUnicodeDatabaseStartsAndReportsNoNarrowColumn() throws Exception {
        try (TestDatabase db = TestDatabase.mysql();
                Connection c = db.connect()) {
            DatabaseCharset.Report report = DatabaseCharset.of(c).orElseThrow();
            assertEquals(DatabaseCharset.UNICODE, report.defaultCharset());
            assertEquals(List.of(), report.narrowColumns());
            ServiceLauncher.requireUnicode(c);
        }
    }

    @Test
    void aLatin1DatabaseIsRefusedWithTheStatementThatFixesIt() throws Exception {
        try (TestDatabase db = TestDatabase.mysql();
                Connection c = db.connect();
                Statement s = c.createStatement()) {
            String name = db.url().substring(db.url().lastIndexOf('/') + 1);
            s.execute("ALTER DATABASE " + name + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
            StartupException e = assertThrows(StartupException.class, () -> ServiceLauncher.requireUnicode(c));
            assertTrue(
                    e.getMessage().contains("stores text as latin1")
                            && e.getMessage()
                                    .endsWith(
                                            "ALTER DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"),
                    e.getMessage());
            s.execute(e.getMessage().substring(e.getMessage().indexOf("ALTER DATABASE")));
            ServiceLauncher.requireUnicode(c); // the statement it names is the whole fix
        }
    }

    @Test
    void narrowColumnsOfAUnicodeDatabaseAreNamed() throws Exception {
        try (TestDatabase db = TestDatabase.mysql();
                Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old_notes (id BIGINT PRIMARY KEY, body VARCHAR(100), tag VARCHAR(10)) "
                    + "CHARACTER SET latin1");
            s.execute("CREATE TABLE new_notes (id BIGINT PRIMARY KEY, body VARCHAR(100))");
            DatabaseCharset.Report report = DatabaseCharset.of(c).orElseThrow();
            assertEquals(List.of("old_notes.body (latin1)", "old_notes.tag (latin1)"), report.narrowColumns());
            ServiceLauncher.requireUnicode(c); // a warning, not a refusal: the service runs, Unicode text is refused
        }
    }

    @Test
    void theEmbeddedDatabaseHasNothingToCheck() throws Exception {
        try (TestDatabase db = TestDatabase.h2();
                Connection c = db.connect()) {
            assertTrue(DatabaseCharset.of(c).isEmpty());
            ServiceLauncher.requireUnicode(c);
        }
    }
}
