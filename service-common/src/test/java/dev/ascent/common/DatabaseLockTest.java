package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process on the same embedded database is told which process holds it, as issue 14 asks. */
class DatabaseLockTest {

    private static final ServiceSpec SPEC = new ServiceSpec("demo", "ASCENT_DEMO", 50099);

    @TempDir
    Path home;

    /** Holds the lock of {@code args[0]} until killed (run as a process of its own by the tests). */
    public static void main(String[] args) throws Exception {
        DatabaseLock.acquire(Path.of(args[0]), "demo-service");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private Process holder(Path dir) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DatabaseLockTest.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("locked", line);
        return p;
    }

    @Test
    void aSecondServiceOnTheSameDatabaseNamesTheProcessThatHoldsIt() throws Exception {
        ServiceSettings settings = ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_HOME", home.toString()));
        Process p = holder(home.resolve("demo"));
        try {
            StartupException e =
                    assertThrows(StartupException.class, () -> ServiceLauncher.lockEmbeddedDatabase(settings));
            assertTrue(
                    e.getMessage()
                            .startsWith("the embedded database in " + home.resolve("demo") + " is in use by pid "
                                    + p.pid() + " (demo-service, started "),
                    e.getMessage());
            assertTrue(
                    e.getMessage().endsWith("; stop it first, or set ASCENT_HOME to another directory"),
                    e.getMessage());
            assertEquals(
                    Optional.of(e.getMessage().replaceAll(".* in use by (.*); stop it.*", "$1")),
                    DatabaseLock.holderOf(home.resolve("demo")));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void aKilledHoldersFileDoesNotBlockTheNextStart() throws Exception {
        Path dir = home.resolve("demo");
        Process p = holder(dir);
        p.destroyForcibly().waitFor();
        assertTrue(Files.readString(dir.resolve(DatabaseLock.FILE_NAME)).contains("pid " + p.pid()));
        assertEquals(Optional.empty(), DatabaseLock.holderOf(dir));
        Process next = holder(dir);
        try {
            assertTrue(Files.readString(dir.resolve(DatabaseLock.FILE_NAME)).startsWith("pid " + next.pid() + " "));
        } finally {
            next.destroyForcibly().waitFor();
        }
    }

    @Test
    void anH2UrlOfOnesOwnTakesNoLockInTheDataDirectory() {
        ServiceSettings settings = ServiceSettings.fromEnvironment(
                SPEC, Map.of("ASCENT_HOME", home.toString(), "ASCENT_DEMO_DB_URL", "jdbc:h2:mem:own"));
        ServiceLauncher.lockEmbeddedDatabase(settings);
        assertTrue(Files.notExists(home.resolve("demo").resolve(DatabaseLock.FILE_NAME)));
    }
}
