package dev.ascent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent calls that find a token's login expired share one read of it (Authenticator, CoalescedQueries): with
 * logins never remembered ({@code ascent.auth.cache-ttl} 0), 16 threads making 50 calls each read the token fewer
 * times than they call, counted by H2's QUERY_STATISTICS. Each call reading it for itself reads it 800 times.
 */
class LoginReadsTest {

    @Test
    void concurrentCallsShareTheReadOfAnExpiredLogin() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.H2);
                RunningService tracker = RunningService.start(
                        TrackerApplication.SPEC,
                        db,
                        Files.createTempDirectory("ascent-logins"),
                        Map.of(
                                "ascent.admin-token", TrackerHarness.ADMIN_TOKEN,
                                "ascent.content.target", "127.0.0.1:1",
                                "ascent.auth.cache-ttl", "0s"))) {
            Mentors.User user = new Mentors(tracker.channel()).user("crowd");
            AccountServiceGrpc.AccountServiceBlockingStub stub = AccountServiceGrpc.newBlockingStub(tracker.channel())
                    .withCallCredentials(Bearer.token(user.token()));
            stub.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()); // its last use is recorded once, now
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS TRUE");
                List<Future<?>> threads = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    threads.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            assertEquals(
                                    user.handle(),
                                    stub.getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                                            .getUser()
                                            .getHandle());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : threads) {
                    f.get(120, TimeUnit.SECONDS);
                }
                long reads = 0;
                try (ResultSet rs = s.executeQuery(
                        "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rs.next()) {
                        String sql = rs.getString(1);
                        if (sql.startsWith("SELECT") && sql.contains("token_hash")) {
                            reads += rs.getLong(2);
                        }
                    }
                }
                s.execute("SET QUERY_STATISTICS FALSE");
                System.out.println("[login reads] 800 calls read the token " + reads + " times");
                assertTrue(reads >= 1, "the token was read");
                assertTrue(reads < 16 * 50, "16 x 50 calls read the token " + reads + " times");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
