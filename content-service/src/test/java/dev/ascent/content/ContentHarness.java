package dev.ascent.content;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A content service on a fresh database, and the seed documents from ../shared/seeds. */
final class ContentHarness implements AutoCloseable {

    static final String ADMIN_TOKEN = "content-test-admin-token-0123456789";

    private final TestDatabase db;
    private final RunningService service;

    private ContentHarness(TestDatabase db, RunningService service) {
        this.db = db;
        this.service = service;
    }

    static ContentHarness start(TestDatabase.Engine engine, boolean bundled) throws IOException {
        TestDatabase db = TestDatabase.create(engine);
        Map<String, Object> props = new HashMap<>();
        props.put("ascent.catalog.bundled", bundled);
        props.put("ascent.admin-token", ADMIN_TOKEN);
        // No tracker in these tests: the admin token is only compared (AdminVerifier).
        props.put("ascent.tracker.target", "");
        try {
            return new ContentHarness(
                    db,
                    RunningService.start(
                            ContentApplication.SPEC, db, Files.createTempDirectory("ascent-content"), props));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    RunningService service() {
        return service;
    }

    ContentServiceGrpc.ContentServiceBlockingStub stub() {
        return ContentServiceGrpc.newBlockingStub(service.channel());
    }

    ContentServiceGrpc.ContentServiceBlockingStub admin() {
        return stub().withCallCredentials(Bearer.token(ADMIN_TOKEN));
    }

    ImportGuideResponse importSeed(String prefix) {
        Path file = seed(prefix);
        return admin().importGuide(ImportGuideRequest.newBuilder()
                .setText(ByteString.copyFrom(bytes(file)))
                .setSourceName(file.getFileName().toString())
                .build());
    }

    static Path seedsDir() {
        return dev.ascent.common.testing.SeedDirectory.require();
    }

    static Path seed(String prefix) {
        try (var files = Files.list(seedsDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + prefix + " in " + seedsDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String prefix) {
        try {
            return Files.readAllLines(seed(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }
}
