package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path home;

    @Test
    void aConfiguredTokenWins() {
        assertEquals("configured", new AdminToken(Optional.of("configured"), home.toString()).value());
        assertTrue(Files.notExists(home.resolve("admin-token")));
    }

    @Test
    void theGeneratedTokenIsOwnerOnlyAndStable() throws Exception {
        String first = new AdminToken(Optional.empty(), home.toString()).value();
        assertTrue(first.length() >= 40);
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("admin-token"))));
        assertEquals(first, new AdminToken(Optional.empty(), home.toString()).value());
    }

    @Test
    void servicesStartingTogetherAgreeOnOneToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                starts.add(() -> new AdminToken(Optional.empty(), home.toString()).value());
            }
            Set<String> tokens = new HashSet<>();
            for (Future<String> f : pool.invokeAll(starts)) {
                tokens.add(f.get());
            }
            assertEquals(1, tokens.size());
            try (var files = Files.list(home)) {
                assertEquals(
                        List.of("admin-token"),
                        files.map(p -> p.getFileName().toString()).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
