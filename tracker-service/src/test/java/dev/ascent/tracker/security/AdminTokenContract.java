package dev.ascent.tracker.security;

import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import dev.ascent.tracker.TrackerApplication;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The admin token's life: first starts that race, revocation, restarts after it, rotation. */
abstract class AdminTokenContract {

    abstract TestDatabase.Engine engine();

    private static RunningService start(TestDatabase db, Path home, String configuredToken) {
        Map<String, Object> properties = new HashMap<>();
        if (configuredToken != null) {
            properties.put("ascent.admin-token", configuredToken);
        }
        return RunningService.start(TrackerApplication.SPEC, db, home, properties);
    }

    private static AccountServiceBlockingStub accounts(RunningService tracker, String token) {
        return as(AccountServiceGrpc.newBlockingStub(tracker.channel()), token);
    }

    private static void assertAdmin(RunningService tracker, String token) {
        assertTrue(accounts(tracker, token)
                .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                .getUser()
                .getAdmin());
    }

    private static void assertRefused(RunningService tracker, String token) {
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> accounts(tracker, token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    }

    /** Revokes the admin token through the API, as the admin would by mistake or after a leak. */
    private static void revokeAdminToken(RunningService tracker, String token) {
        AccountServiceBlockingStub admin = accounts(tracker, token);
        AccessToken adminToken = admin
                .listAccessTokens(
                        ListAccessTokensRequest.newBuilder().setPageSize(100).build())
                .getAccessTokensList()
                .stream()
                .filter(t -> t.getLabel().startsWith("admin token") && !t.hasRevokeTime())
                .findFirst()
                .orElseThrow();
        admin.revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                .setName(adminToken.getName())
                .build());
        assertRefused(tracker, token);
    }

    @Test
    void instancesStartingTogetherOnAFreshDatabaseAllStart() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (TestDatabase db = TestDatabase.create(engine())) {
                ExecutorService pool = Executors.newFixedThreadPool(3);
                List<RunningService> started = new ArrayList<>();
                try {
                    List<Callable<RunningService>> starts = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        starts.add(() -> start(db, Files.createTempDirectory("ascent-admin-race"), "race-admin-token"));
                    }
                    List<Throwable> failures = new ArrayList<>();
                    for (Future<RunningService> f : pool.invokeAll(starts)) {
                        try {
                            started.add(f.get());
                        } catch (java.util.concurrent.ExecutionException e) {
                            failures.add(e.getCause());
                        }
                    }
                    assertEquals(List.of(), failures, "every instance starts");
                    for (RunningService tracker : started) {
                        assertAdmin(tracker, "race-admin-token");
                    }
                    assertEquals(1, count(db, "SELECT COUNT(*) FROM app_user WHERE handle = 'admin'"));
                    assertEquals(1, count(db, "SELECT COUNT(*) FROM access_token WHERE revoke_time IS NULL"));
                } finally {
                    started.forEach(RunningService::close);
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void aRevokedFileTokenIsReplacedAtRestartSoTheAdminIsNeverLockedOut() throws Exception {
        try (TestDatabase db = TestDatabase.create(engine())) {
            Path home = Files.createTempDirectory("ascent-admin-file");
            String first;
            try (RunningService tracker = start(db, home, null)) {
                first = Files.readString(home.resolve("admin-token")).strip();
                assertAdmin(tracker, first);
                revokeAdminToken(tracker, first);
            }
            try (RunningService restarted = start(db, home, null)) {
                String second = Files.readString(home.resolve("admin-token")).strip();
                assertNotEquals(first, second);
                assertAdmin(restarted, second);
                assertRefused(restarted, first);
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("admin-token"))));
            }
        }
    }

    @Test
    void aRevokedConfiguredTokenStaysRevokedAndANewSettingRotatesIt() throws Exception {
        try (TestDatabase db = TestDatabase.create(engine())) {
            Path home = Files.createTempDirectory("ascent-admin-env");
            try (RunningService tracker = start(db, home, "configured-admin-token-1")) {
                revokeAdminToken(tracker, "configured-admin-token-1");
            }
            try (RunningService restarted = start(db, home, "configured-admin-token-1")) {
                // A restart does not bring a revoked token back, whoever holds a copy of it.
                assertRefused(restarted, "configured-admin-token-1");
            }
            try (RunningService rotated = start(db, home, "configured-admin-token-2")) {
                assertAdmin(rotated, "configured-admin-token-2");
                assertRefused(rotated, "configured-admin-token-1");
            }
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
