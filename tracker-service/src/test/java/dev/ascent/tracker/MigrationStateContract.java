package dev.ascent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.db.MigrationState;
import dev.ascent.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A later start skips Flyway only when the database holds every migration of the jar unchanged
 * ({@link MigrationState}); its checksum must be the one Flyway stored, or a changed migration would go unnoticed.
 */
abstract class MigrationStateContract {

    abstract TestDatabase.Engine engine();

    @Test
    void theChecksumsAreFlywaysAndOnlyACompleteUnchangedHistoryIsUpToDate() throws Exception {
        Map<String, Integer> mine = MigrationState.onClasspath(TrackerApplication.class);
        assertTrue(mine.containsKey("V1__create_accounts.sql"), mine.toString());
        try (TrackerHarness tracker = TrackerHarness.start(engine());
                Connection c = tracker.database().connect()) {
            Map<String, Integer> flyways = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT script, checksum FROM flyway_schema_history WHERE type = 'SQL'")) {
                while (rs.next()) {
                    flyways.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertEquals(flyways, mine);
            assertTrue(MigrationState.upToDate(c, mine));

            Map<String, Integer> changed = new HashMap<>(mine);
            changed.put("V1__create_accounts.sql", mine.get("V1__create_accounts.sql") + 1);
            assertFalse(MigrationState.upToDate(c, changed), "an edited migration");
            Map<String, Integer> added = new HashMap<>(mine);
            added.put("V99__something_new.sql", 1);
            assertFalse(MigrationState.upToDate(c, added), "a new migration");
        }
        try (TestDatabase fresh = TestDatabase.create(engine());
                Connection c = fresh.connect()) {
            assertFalse(MigrationState.upToDate(c, mine), "a database with no history");
        }
    }
}
