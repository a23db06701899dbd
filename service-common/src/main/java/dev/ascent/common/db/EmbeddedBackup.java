package dev.ascent.common.db;

import com.google.protobuf.ByteString;
import dev.ascent.common.error.ApiException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Online backups of the embedded H2 database: {@code BACKUP TO} writes a transactionally consistent zip of the
 * database files while the service keeps serving (H2's MVStore copies a snapshot), which is then streamed to the
 * caller and deleted. On MySQL the operator uses the server's own tools instead.
 */
@Singleton
public class EmbeddedBackup {

    /** The most bytes one streamed message carries, well under gRPC's default 4 MiB message limit. */
    public static final int CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final String url;
    private final Path home;

    public EmbeddedBackup(
            DataSource dataSource,
            DataSourceResolver resolver,
            @Value("${datasources.default.url}") String url,
            @Value("${ascent.home}") String home) {
        this.dataSource = resolver.resolve(dataSource);
        this.url = url;
        this.home = Path.of(home);
    }

    /** Backs up and streams the zip to {@code observer} as messages made by {@code message}, then completes it. */
    public <T> void stream(StreamObserver<T> observer, Function<ByteString, T> message) {
        if (!url.startsWith("jdbc:h2:")) {
            throw ApiException.failedPrecondition(
                    "NOT_EMBEDDED",
                    "this service runs on MySQL: back it up with " + "mysqldump or mariabackup (see the README)");
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            throw ApiException.failedPrecondition(
                    "NOT_PERSISTENT", "this service keeps its database in memory: " + "there are no files to back up");
        }
        Path file = home.resolve("backup-" + UUID.randomUUID() + ".zip");
        try {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            ServerCallStreamObserver<T> call = (ServerCallStreamObserver<T>) observer;
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                    awaitReady(call);
                    call.onNext(message.apply(ByteString.copyFrom(buffer, 0, n)));
                }
            }
            call.onCompleted();
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed", e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file; the next backup uses another name
            }
        }
    }

    /** Sends only as fast as the client reads, so a large database never piles up in memory. */
    private static void awaitReady(ServerCallStreamObserver<?> call) {
        while (!call.isReady()) {
            if (call.isCancelled()) {
                throw ApiException.unavailable("CANCELLED", "the caller went away during the backup");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.unavailable("INTERRUPTED", "interrupted during the backup");
            }
        }
    }
}
