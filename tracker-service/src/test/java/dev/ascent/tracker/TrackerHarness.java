package dev.ascent.tracker;

import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import io.grpc.stub.AbstractStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A tracker service on a fresh database, with helpers to call it as a given token holder. */
public final class TrackerHarness implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final TestDatabase db;
    private final RunningService service;

    private TrackerHarness(TestDatabase db, RunningService service) {
        this.db = db;
        this.service = service;
    }

    /** A tracker on a fresh database of {@code engine}, reading the catalog from the shared content service. */
    public static TrackerHarness start(TestDatabase.Engine engine) throws Exception {
        return start(
                engine, Map.of("ascent.content.target", ContentProcess.shared().target()));
    }

    public static TrackerHarness start(TestDatabase.Engine engine, Map<String, Object> extra) throws Exception {
        TestDatabase db = TestDatabase.create(engine);
        Path home = Files.createTempDirectory("ascent-tracker-test");
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("ascent.admin-token", ADMIN_TOKEN);
        try {
            return new TrackerHarness(db, RunningService.start(TrackerApplication.SPEC, db, home, properties));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Another tracker instance on this harness's database, as a second server behind a load balancer would be.
     * The caller closes it; the database stays with this harness.
     */
    public RunningService startAnotherInstance(Map<String, Object> extra) throws Exception {
        Path home = Files.createTempDirectory("ascent-tracker-test");
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("ascent.admin-token", ADMIN_TOKEN);
        return RunningService.start(TrackerApplication.SPEC, db, home, properties);
    }

    public RunningService service() {
        return service;
    }

    public TestDatabase database() {
        return db;
    }

    public static <S extends AbstractStub<S>> S as(S stub, String token) {
        return stub.withCallCredentials(Bearer.token(token));
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }
}
