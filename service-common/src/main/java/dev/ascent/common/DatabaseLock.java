package dev.ascent.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who has an embedded database open. A service holds an OS file lock on {@code service.lock} beside its H2 files
 * for as long as it runs, with its process id written inside, so a second process on the same data directory is
 * told which process to stop, not the H2 error (which names neither the process nor the fix). The OS drops the
 * lock when the process dies, however it dies, so a stale file never blocks a start.
 */
public final class DatabaseLock {

    static final String FILE_NAME = "service.lock";

    /** Held for the life of the process: a released channel would release the lock. */
    private static FileChannel held;

    private DatabaseLock() {}

    /**
     * Takes the lock of the database directory {@code dir}, or fails with a {@link StartupException} naming the
     * process that holds it.
     */
    static synchronized void acquire(Path dir, String displayName) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel).orElse("another process");
                channel.close();
                throw new StartupException("the embedded database in " + dir + " is in use by " + holder
                        + "; stop it first, or set " + ServiceSettings.HOME_VARIABLE + " to another directory");
            }
            String me = "pid " + ProcessHandle.current().pid() + " (" + displayName + ", started "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            if (held != null) {
                held.close();
            }
            held = channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("cannot lock the embedded database in " + dir + " (" + e.getMessage() + "); set "
                    + ServiceSettings.HOME_VARIABLE);
        }
    }

    /**
     * What {@code service.lock} in {@code dir} says about the process holding it ("pid 1234 (tracker-service,
     * started ...)"), when a process holds it.
     */
    static Optional<String> holderOf(Path dir) {
        try (FileChannel channel =
                FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            return holder(channel);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM holds it already (a test starting a second service on the same directory).
            return null;
        }
    }

    private static Optional<String> holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to add to the failure being reported
            }
        }
    }
}
