package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void looserPermissionsAreTightenedAndReported() throws Exception {
        Path home = temp.resolve("home");
        Path tracker = home.resolve("tracker");
        Files.createDirectories(tracker);
        Path db = Files.writeString(tracker.resolve("db.mv.db"), "data");
        Path token = Files.writeString(home.resolve("admin-token"), "secret\n");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tracker, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));

        List<Path> changed = DataDirectory.secure(home);

        assertEquals(List.of(home, tracker, db), changed);
        assertEquals("rwx------", mode(home));
        assertEquals("rwx------", mode(tracker));
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(token));
        assertEquals(List.of(), DataDirectory.secure(home), "a second pass finds nothing to change");
    }

    @Test
    void permissionsAreOnlyEverRemoved() throws Exception {
        Path home = Files.createDirectories(temp.resolve("readonly"));
        Path file = Files.writeString(home.resolve("f"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        DataDirectory.secure(home);
        assertEquals("r--------", mode(file));
    }

    @Test
    void aGeneratedAdminTokenLivesInAnOwnerOnlyDirectory() throws Exception {
        Path home = temp.resolve("fresh");
        new AdminToken(Optional.empty(), home.toString());
        assertEquals("rwx------", mode(home));
        assertEquals("rw-------", mode(home.resolve("admin-token")));
    }

    @Test
    void aRotatedFileTokenReplacesTheRevokedOneOnce() throws Exception {
        AdminToken first = new AdminToken(Optional.empty(), temp.toString());
        AdminToken second = new AdminToken(Optional.empty(), temp.toString());
        String revoked = first.value();
        String rotated = first.rotate(revoked);
        assertTrue(!rotated.equals(revoked) && rotated.length() >= 40);
        // Another instance that saw the same revoked token keeps the new one instead of rotating again.
        assertEquals(rotated, second.rotate(revoked));
        assertEquals(rotated, Files.readString(temp.resolve("admin-token")).strip());
        assertEquals("rw-------", mode(temp.resolve("admin-token")));
        Thread.sleep(1100);
        assertTrue(second.matches(rotated), "the other holder reads the new file");
    }
}
