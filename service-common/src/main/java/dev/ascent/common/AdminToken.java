package dev.ascent.common;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The administrator's bearer token, shared by both services: {@code ASCENT_ADMIN_TOKEN} when set, otherwise a random
 * token generated once into {@code $ASCENT_HOME/admin-token}, readable only by its owner.
 */
@Singleton
public class AdminToken {

    public static final String VARIABLE = "ASCENT_ADMIN_TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;

    public AdminToken(@Value("${ascent.admin-token:}") Optional<String> configured,
                      @Value("${ascent.home}") String home) {
        this.token = configured.filter(t -> !t.isBlank()).orElseGet(() -> readOrCreate(Path.of(home, "admin-token")));
    }

    public String value() {
        return token;
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
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
            Files.createDirectories(file.getParent());
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
