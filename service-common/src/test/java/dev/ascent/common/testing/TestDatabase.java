package dev.ascent.common.testing;

import dev.ascent.common.ServiceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: an in-memory H2 database in MySQL mode, or a new database on the
 * MySQL-compatible server named by {@code ASCENT_TEST_MYSQL_URL} (a server URL such as
 * {@code jdbc:mysql://127.0.0.1:3306}) with {@code ASCENT_TEST_MYSQL_USER} and {@code ASCENT_TEST_MYSQL_PASSWORD}.
 * Without that variable MySQL tests are skipped, unless {@code ASCENT_TEST_MYSQL_REQUIRED=true} (as in CI), where
 * they fail instead, so the MySQL path can never be skipped silently.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Engine {
        H2,
        MYSQL
    }

    private final Engine engine;
    private final String url;
    private final String user;
    private final String password;
    private final String dropStatement;
    private final String serverUrl;

    private TestDatabase(
            Engine engine, String url, String user, String password, String serverUrl, String dropStatement) {
        this.engine = engine;
        this.url = url;
        this.user = user;
        this.password = password;
        this.serverUrl = serverUrl;
        this.dropStatement = dropStatement;
    }

    public static TestDatabase create(Engine engine) {
        return engine == Engine.H2 ? h2() : mysql();
    }

    public static TestDatabase h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase(
                Engine.H2,
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + ServiceSettings.H2_OPTIONS,
                "sa",
                "",
                null,
                null);
    }

    public static TestDatabase mysql() {
        Map<String, String> env = System.getenv();
        String server = env.get("ASCENT_TEST_MYSQL_URL");
        if (server == null || server.isBlank()) {
            if (Boolean.parseBoolean(env.getOrDefault("ASCENT_TEST_MYSQL_REQUIRED", "false"))) {
                throw new IllegalStateException("ASCENT_TEST_MYSQL_REQUIRED is set but ASCENT_TEST_MYSQL_URL is not");
            }
            Assumptions.abort("ASCENT_TEST_MYSQL_URL is not set; MySQL tests skipped");
        }
        String user = env.getOrDefault("ASCENT_TEST_MYSQL_USER", "ascent");
        String password = env.getOrDefault("ASCENT_TEST_MYSQL_PASSWORD", "");
        String base = server.replaceAll("/+$", "");
        String db = "ascent_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base + "/", user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + base + ": " + e.getMessage(), e);
        }
        return new TestDatabase(Engine.MYSQL, base + "/" + db, user, password, base + "/", "DROP DATABASE " + db);
    }

    public Engine engine() {
        return engine;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (dropStatement == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(dropStatement);
        } catch (SQLException e) {
            System.err.println("could not drop test database: " + e.getMessage());
        }
    }
}
