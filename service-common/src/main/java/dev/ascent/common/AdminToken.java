package dev.ascent.common;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The administrator's bearer token, shared by both services: {@code ASCENT_ADMIN_TOKEN} when set, otherwise a random
 * token generated once into {@code $ASCENT_HOME/admin-token}, readable only by its owner.
 *
 * <p>A file token can be rotated ({@link #rotate}); every service holding this bean notices the new file within a
 * second, so both services follow a rotation without a restart. A configured token changes only with the setting.
 */
@Singleton
public class AdminToken {

    public static final String VARIABLE = "ASCENT_ADMIN_TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RELOAD_NANOS = 1_000_000_000L;
    /** Rotations within one JVM; {@link FileLock} covers other processes. */
    private static final Object ROTATION = new Object();

    private final Path file;
    private volatile String token;
    private volatile FileTime loadedModified;
    private volatile long checkedNanos = System.nanoTime();

    public AdminToken(
            @Value("${ascent.admin-token:}") Optional<String> configured, @Value("${ascent.home}") String home) {
        Optional<String> set = configured.filter(t -> !t.isBlank()).map(String::strip);
        this.file = set.isPresent() ? null : Path.of(home, "admin-token");
        this.token = set.orElseGet(() -> readOrCreate(file));
        this.loadedModified = file == null ? null : modified(file);
    }

    public String value() {
        reloadIfChanged();
        return token;
    }

    /** True when the token comes from {@code $ASCENT_HOME/admin-token} (and so can be rotated here). */
    public boolean fromFile() {
        return file != null;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        value().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces a file token that is still {@code revoked} with a new random one and returns the token now in the
     * file. When another process rotated it first, its token is kept (compare and swap under a file lock), so
     * instances starting together agree on one new token.
     */
    public String rotate(String revoked) {
        if (file == null) {
            throw new IllegalStateException(VARIABLE + " is set; change the setting to rotate the admin token");
        }
        synchronized (ROTATION) {
            try (FileChannel lockFile = FileChannel.open(
                            file.resolveSibling("admin-token.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                String current = Files.readString(file).strip();
                if (current.equals(revoked)) {
                    Path temp = Files.createTempFile(file.getParent(), "admin-token", ".tmp");
                    restrictToOwner(temp);
                    current = newSecret();
                    Files.writeString(temp, current + "\n");
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                token = current;
                loadedModified = modified(file);
                return current;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rotate the admin token at " + file, e);
            }
        }
    }

    private void reloadIfChanged() {
        long now = System.nanoTime();
        if (file == null || now - checkedNanos < RELOAD_NANOS) {
            return;
        }
        checkedNanos = now;
        FileTime modified = modified(file);
        if (modified != null && !modified.equals(loadedModified)) {
            try {
                String read = Files.readString(file).strip();
                if (!read.isEmpty()) {
                    token = read;
                    loadedModified = modified;
                }
            } catch (IOException e) {
                // keep the token we have; the next check tries again
            }
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return null;
        }
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            DataDirectory.create(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "admin-token", ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, newSecret() + "\n");
                // Both services may start at once. A hard link is created atomically and fails if the file exists,
                // so the first one wins and the other reads the winner's token (a rename would replace it).
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // lost the race
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token at " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the directory's permissions apply
        }
    }
}
