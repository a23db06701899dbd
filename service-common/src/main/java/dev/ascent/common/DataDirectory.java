package dev.ascent.common;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code ASCENT_HOME}) holds the embedded databases, the admin token and logs, so only its owner
 * may read it: directories 0700, files 0600. Looser permissions found at start are tightened, with a log line.
 * On a file system without POSIX permissions nothing is changed.
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /** Creates {@code dir} if needed and makes it owner-only. */
    public static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, DIRECTORY);
    }

    /**
     * Creates {@code home} if needed and tightens it and everything under it (symbolic links are not followed).
     * Returns the paths whose permissions were changed.
     */
    public static List<Path> secure(Path home) throws IOException {
        Files.createDirectories(home);
        List<Path> changed = new ArrayList<>();
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (restrict(dir, DIRECTORY)) {
                    changed.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && restrict(file, FILE)) {
                    changed.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file removed while we walk (H2's temporary files) is no longer anyone's concern.
                return FileVisitResult.CONTINUE;
            }
        });
        if (!changed.isEmpty()) {
            LOG.warn(
                    "tightened permissions to owner-only (directories 0700, files 0600) on {} path(s) under {}: {}",
                    changed.size(),
                    home,
                    changed.size() <= 10 ? changed : changed.subList(0, 10) + " ...");
        }
        return changed;
    }

    /** Removes what the path grants beyond {@code wanted} (never adds); true when it changed. */
    static boolean restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (wanted.containsAll(current)) {
                return false;
            }
            Set<PosixFilePermission> tightened = EnumSet.copyOf(current);
            tightened.retainAll(wanted);
            Files.setPosixFilePermissions(path, tightened);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
