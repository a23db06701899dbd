package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ascent.common.ServiceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The tracker's write pattern on the embedded database, without the service: each writer takes a plan's row lock,
 * reads the plan's items, and writes one item back with its minutes increased, while lock-free reads of the same
 * items (GetPlan's) run on the same connections between the writes. With H2's default result reuse
 * ({@code OPTIMIZE_REUSE_RESULTS}), a connection was handed a result read before another transaction's commit again
 * after it, under the lock, and a write was lost: 1 to 4 of 3,200 in five runs of six, and
 * WriteConcurrencyH2Test's mixed writes failed about one run in six. {@link ServiceSettings#H2_OPTIONS} turns the
 * reuse off; every increment must then arrive, in every one of five rounds.
 */
class H2FreshReadsTest {

    private static final int WRITERS = 16;
    private static final int WRITES = 400;
    private static final int ITEMS = 4;

    @Test
    void noIncrementIsLostUnderThePlanLock() throws Exception {
        for (int round = 0; round < 5; round++) {
            String url = "jdbc:h2:mem:fresh-reads-" + round + ";DB_CLOSE_DELAY=-1" + ServiceSettings.H2_OPTIONS;
            try (Connection setup = DriverManager.getConnection(url);
                    Statement s = setup.createStatement()) {
                s.execute("CREATE TABLE plan (id BIGINT PRIMARY KEY, version BIGINT)");
                s.execute(
                        "CREATE TABLE item (id BIGINT PRIMARY KEY, plan_id BIGINT, minutes BIGINT, notes VARCHAR(40))");
                s.execute("INSERT INTO plan VALUES (1, 0)");
                for (int i = 0; i < ITEMS; i++) {
                    s.execute("INSERT INTO item VALUES (" + i + ", 1, 0, '')");
                }
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                List<Future<Long>> added = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    added.add(pool.submit(() -> write(url, writer)));
                }
                long expected = 0;
                for (Future<Long> f : added) {
                    expected += f.get();
                }
                pool.shutdown();
                try (ResultSet rs = s.executeQuery("SELECT SUM(minutes) FROM item")) {
                    rs.next();
                    assertEquals(expected, rs.getLong(1), "round " + round + ": every increment under the lock");
                }
                s.execute("DROP ALL OBJECTS");
            }
        }
    }

    /** One writer's loop; returns the minutes it added. */
    private static long write(String url, int writer) throws SQLException {
        long added = 0;
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement lock = c.prepareStatement("SELECT id FROM plan WHERE id = 1 FOR UPDATE");
                PreparedStatement items =
                        c.prepareStatement("SELECT id, minutes FROM item WHERE plan_id = 1 ORDER BY id");
                PreparedStatement update = c.prepareStatement("UPDATE item SET minutes = ?, notes = ? WHERE id = ?");
                PreparedStatement touch = c.prepareStatement("UPDATE plan SET version = version + 1 WHERE id = 1")) {
            for (int i = 0; i < WRITES; i++) {
                read(items); // GetPlan's read, outside any lock
                c.setAutoCommit(false);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                }
                long[] minutes = read(items);
                int item = (writer + i) % ITEMS;
                boolean log = i % 2 == 0;
                update.setLong(1, minutes[item] + (log ? 1 : 0));
                update.setString(2, log ? "" : "note " + writer + "-" + i);
                update.setLong(3, item);
                update.executeUpdate();
                touch.executeUpdate();
                c.commit();
                c.setAutoCommit(true);
                added += log ? 1 : 0;
            }
        }
        return added;
    }

    private static long[] read(PreparedStatement items) throws SQLException {
        long[] out = new long[ITEMS];
        try (ResultSet rs = items.executeQuery()) {
            while (rs.next()) {
                out[(int) rs.getLong(1)] = rs.getLong(2);
            }
        }
        return out;
    }
}
