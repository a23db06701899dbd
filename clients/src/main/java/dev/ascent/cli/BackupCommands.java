package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ascent admin backup} and {@code ascent admin restore}: a consistent online copy of both embedded
 * databases in one file, and putting it back onto a stopped platform. The file is a zip holding each service's
 * H2 backup zip ({@code content.zip}, {@code tracker.zip}).
 */
final class BackupCommands {

    static final List<String> SERVICES = List.of("content", "tracker");
    private static final String DB_FILE = "db.mv.db";

    private BackupCommands() {}

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = {
                "Saves a consistent copy of both services' embedded databases, taken while they run, "
                        + "into FILE (a zip).",
                "On MySQL use mysqldump or mariabackup instead (see the README)."
            })
    static final class Backup extends ClientCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "where to write the backup (must not exist)")
        Path file;

        Backup(Cli cli) {
            super(cli);
        }

        @Override
        int defaultDeadlineSeconds() {
            return 600;
        }

        @Override
        int run(AscentClient client) {
            if (Files.exists(file)) {
                throw new CliException(ExitCodes.USAGE, file + " exists; name a new file");
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String service : SERVICES) {
                    zip.putNextEntry(new ZipEntry(service + ".zip"));
                    client.admin()
                            .backupDatabase(
                                    service.equals("content")
                                            ? AscentClient.Service.CONTENT
                                            : AscentClient.Service.TRACKER,
                                    zip);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                deleteQuietly(partial);
                throw e;
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                cli.out.printf("backed up the catalog and the tracker to %s (%,d bytes)%n", file, Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cli.out.flush();
            return 0;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Puts a backup made by 'ascent admin backup' back into the data directory. Stop the "
                        + "platform first; the databases it replaces are kept beside them as db.mv.db.before-restore-*."
            })
    static final class Restore implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "a backup made by 'ascent admin backup'")
        Path file;

        @Option(
                names = "--home",
                paramLabel = "DIR",
                description = "the data directory (default: $ASCENT_HOME, else ~/.ascent)")
        Path home;

        private final Cli cli;

        Restore(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws IOException {
            Path dataHome = home != null
                    ? home
                    : Path.of(
                            cli.env("ASCENT_HOME") != null
                                    ? cli.env("ASCENT_HOME")
                                    : System.getProperty("user.home") + "/.ascent");
            if (!Files.isRegularFile(file)) {
                throw new CliException(ExitCodes.USAGE, file + " is not a backup file");
            }
            for (String service : SERVICES) {
                Path db = dataHome.resolve(service).resolve(DB_FILE);
                if (inUse(db)) {
                    throw new CliException(
                            ExitCodes.FAILED,
                            "the " + service + " service is running on " + db
                                    + "; stop the platform (Ctrl-C in ./ascent up) before restoring");
                }
            }
            String stamp = Instant.now().toString().replace(":", "-");
            int restored = 0;
            try (ZipInputStream outer = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry entry; (entry = outer.getNextEntry()) != null; ) {
                    String service = entry.getName().replaceFirst("\\.zip$", "");
                    if (!SERVICES.contains(service)) {
                        continue;
                    }
                    restoreOne(new ZipInputStream(outer), dataHome.resolve(service), stamp);
                    restored++;
                }
            }
            if (restored != SERVICES.size()) {
                throw new CliException(
                        ExitCodes.USAGE,
                        file + " holds " + restored + " of the 2 databases; it is "
                                + "not a complete backup made by 'ascent admin backup'");
            }
            cli.out.printf(
                    "restored the catalog and the tracker into %s; start the platform with ./ascent up%n", dataHome);
            cli.out.flush();
            return 0;
        }

        /** Unpacks the service's H2 zip into a new file, then swaps it in, keeping the replaced one. */
        private static void restoreOne(ZipInputStream inner, Path dir, String stamp) throws IOException {
            Files.createDirectories(dir);
            Path incoming = dir.resolve(DB_FILE + ".restoring");
            boolean found = false;
            for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
                if (Path.of(e.getName()).getFileName().toString().equals(DB_FILE)) {
                    Files.copy(inner, incoming, StandardCopyOption.REPLACE_EXISTING);
                    found = true;
                }
            }
            if (!found) {
                Files.deleteIfExists(incoming);
                throw new CliException(ExitCodes.USAGE, "the backup of " + dir.getFileName() + " holds no " + DB_FILE);
            }
            Path current = dir.resolve(DB_FILE);
            if (Files.exists(current)) {
                Files.move(current, dir.resolve(DB_FILE + ".before-restore-" + stamp));
            }
            Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
        }

        /** H2 holds a file lock on its database while a service has it open. */
        private static boolean inUse(Path db) throws IOException {
            if (!Files.exists(db)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                return lock == null;
            } catch (OverlappingFileLockException e) {
                return true;
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
