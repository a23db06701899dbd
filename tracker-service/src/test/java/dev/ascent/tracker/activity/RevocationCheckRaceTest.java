package dev.ascent.tracker.activity;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import dev.ascent.tracker.TrackerHarness;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hub checks every open stream's token every two seconds, and ends the streams whose token was revoked. A stream
 * opened after the check's query was sent is not in its answer; it must not be taken for revoked. The check is held
 * right after its query ({@link HeldTokenCheckQueries}) while a new user opens a stream, so the race happens on
 * every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationCheckRaceTest {

    private TrackerHarness tracker;

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(
                TestDatabase.Engine.H2,
                Map.of("test.hold-token-check", "true", "ascent.activity.poll-interval", "50ms"));
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aStreamOpenedDuringATokenCheckIsNotTakenForRevoked() throws Exception {
        String first = user("ada-early");
        String second = user("bo-late");
        try (Watcher early = watch(first)) {
            assertInstanceOf(WatchActivityResponse.class, early.next(5_000), "the first stream's heartbeat");
            HeldTokenCheckQueries.Hold hold =
                    new HeldTokenCheckQueries.Hold(new CountDownLatch(1), new CountDownLatch(1));
            HeldTokenCheckQueries.NEXT.set(hold);
            assertTrue(hold.queried().await(10, TimeUnit.SECONDS), "the hub checks tokens every two seconds");
            try (Watcher late = watch(second)) {
                assertInstanceOf(WatchActivityResponse.class, late.next(5_000), "the second stream's heartbeat");
                hold.release().countDown();
                // The held check now ends the streams it judged revoked; the checks after it ask about the second
                // stream's token too. Both streams stay open through them, beating every second.
                assertOpen(late, 5_000);
                assertOpen(early, 2_000);
            }
        }
    }

    /** {@code w} sends only heartbeats (at least one) for {@code millis}: no error, no end. */
    private static void assertOpen(Watcher w, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        int beats = 0;
        while (System.currentTimeMillis() < until) {
            Object next = w.next(Math.max(1, until - System.currentTimeMillis()));
            if (next != null) {
                assertInstanceOf(WatchActivityResponse.class, next, "the stream ended");
                beats++;
            }
        }
        assertTrue(beats > 0, "no heartbeat in " + millis + " ms");
    }

    private String user(String handle) {
        return TrackerHarness.as(
                        AccountServiceGrpc.newBlockingStub(tracker.service().channel()), TrackerHarness.ADMIN_TOKEN)
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(handle)
                        .setDisplayName(handle)
                        .build())
                .getToken();
    }

    private Watcher watch(String token) {
        return Watcher.start(
                TrackerHarness.as(ActivityServiceGrpc.newStub(tracker.service().channel()), token),
                WatchActivityRequest.newBuilder().setHeartbeatSeconds(1).build());
    }
}
