package dev.ascent.tracker.activity;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.ActivityType;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WatchActivity against two tracker instances on one database: watchers on instance A see writes made through
 * instance B, resume from a cursor without loss or repeats, and stop seeing a mentee the moment it ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StreamContract {

    private static final long WAIT = 10_000;
    /** Far more than an 8 KiB window plus gRPC's 32 KiB send buffer hold. */
    private static final int WRITES_UNREAD = 400;

    private TrackerHarness a;
    private RunningService b;
    private Mentors onA;
    private Mentors onB;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        // A small queue and a short stall timeout, so a client that stops reading is ended within the test.
        Map<String, Object> props = Map.of(
                "ascent.content.target",
                ContentProcess.shared().target(),
                "ascent.activity.poll-interval",
                "50ms",
                "ascent.activity.buffer",
                "50",
                "ascent.activity.stall-timeout",
                "2s");
        a = TrackerHarness.start(engine(), props);
        b = a.startAnotherInstance(props);
        onA = new Mentors(a.service().channel());
        onB = new Mentors(b.channel());
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static WatchActivityRequest from(long seq) {
        return WatchActivityRequest.newBuilder()
                .setAfterSequence(seq)
                .setHeartbeatSeconds(1)
                .build();
    }

    private long logTime(User u, Plan plan, int minutes) {
        onB.plans(u)
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(plan.getItems(0).getName())
                        .setMinutes(minutes)
                        .build());
        return onB.progress(u)
                .listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPageSize(1)
                        .build())
                .getActivityEvents(0)
                .getSequence();
    }

    @Test
    void twoWatchersOnOneInstanceSeeWritesMadeThroughTheOther() throws Exception {
        User mentee = onA.user("mia");
        User mentor = onA.user("max");
        User stranger = onA.user("sam");
        Plan plan = onA.plan(mentee);
        onA.activate(mentee, mentor);
        try (Watcher mine = Watcher.start(onA.activity(mentee), from(0));
                Watcher theirs = Watcher.start(onA.activity(mentor), from(0));
                Watcher outsider = Watcher.start(onA.activity(stranger), from(0))) {
            assertTrue(((WatchActivityResponse) mine.next(WAIT)).hasHeartbeat(), "a heartbeat right after opening");
            long seq = logTime(mentee, plan, 25);
            for (Watcher w : List.of(mine, theirs)) {
                List<ActivityEvent> got = w.eventsUntil(e -> e.getSequence() == seq, WAIT);
                assertTrue(
                        got.stream()
                                .anyMatch(e -> e.getType() == ActivityType.ACTIVITY_TYPE_TIME_LOGGED
                                        && e.getMinutes() == 25
                                        && e.getOwner().equals(mentee.name())),
                        got::toString);
            }
            assertEquals(List.of(), outsider.eventsUntilCursor(seq, WAIT), "a stranger sees nothing of it");
        }
    }

    @Test
    void aReconnectWithTheCursorLosesAndRepeatsNothing() throws Exception {
        User mentee = onA.user("mia");
        Plan plan = onA.plan(mentee);
        long last;
        try (Watcher w = Watcher.start(onA.activity(mentee), from(0))) {
            long s1 = logTime(mentee, plan, 1);
            List<ActivityEvent> first = w.eventsUntil(e -> e.getSequence() == s1, WAIT);
            last = first.get(first.size() - 1).getSequence();
        }
        long s2 = logTime(mentee, plan, 2);
        long s3 = logTime(mentee, plan, 3);
        // Resume on the other instance: the cursor is global.
        try (Watcher w = Watcher.start(as(onB, mentee), from(last))) {
            List<ActivityEvent> missed = w.eventsUntil(e -> e.getSequence() == s3, WAIT);
            List<Long> seqs = missed.stream().map(ActivityEvent::getSequence).toList();
            List<Long> expected = onA
                    .progress(mentee)
                    .listActivity(ListActivityRequest.newBuilder()
                            .setParent(plan.getName())
                            .setPageSize(100)
                            .build())
                    .getActivityEventsList()
                    .stream()
                    .map(ActivityEvent::getSequence)
                    .filter(s -> s > last)
                    .sorted()
                    .toList();
            assertEquals(expected, seqs, "every later event once, in order");
            assertTrue(seqs.contains(s2));
            long s4 = logTime(mentee, plan, 4);
            List<ActivityEvent> live = w.eventsUntil(e -> e.getSequence() == s4, WAIT);
            assertTrue(live.stream().allMatch(e -> e.getSequence() > s3), "no repeats after the backlog");
        }
    }

    @Test
    void endingTheMentorshipStopsTheMenteesEventsMidStream() throws Exception {
        User mentee = onA.user("mia");
        User mentor = onA.user("max");
        Plan plan = onA.plan(mentee);
        Mentorship ms = onA.activate(mentee, mentor);
        try (Watcher w = Watcher.start(onA.activity(mentor), from(0))) {
            long before = logTime(mentee, plan, 10);
            w.eventsUntil(e -> e.getSequence() == before, WAIT);
            onB.end(mentee, ms);
            long after = logTime(mentee, plan, 11);
            List<ActivityEvent> rest = w.eventsUntilCursor(after, WAIT);
            assertFalse(rest.stream().anyMatch(e -> e.getOwner().equals(mentee.name())), rest::toString);
            assertTrue(
                    rest.stream()
                            .anyMatch(e -> e.getOwner().equals(mentor.name())
                                    && e.getType() == ActivityType.ACTIVITY_TYPE_MENTORSHIP_CHANGED),
                    "the mentor's own history");
        }
    }

    @Test
    void badWatchRequestsAreRefusedAndRevokedTokensEndTheStream() throws Exception {
        User mentee = onA.user("mia");
        User stranger = onA.user("sam");
        var blocking = TrackerHarness.as(
                ActivityServiceGrpc.newBlockingStub(a.service().channel()), mentee.token());
        assertInvalidField(
                "after_sequence",
                () -> blocking.watchActivity(WatchActivityRequest.newBuilder()
                                .setAfterSequence(-1)
                                .build())
                        .hasNext());
        assertInvalidField(
                "heartbeat_seconds",
                () -> blocking.watchActivity(WatchActivityRequest.newBuilder()
                                .setHeartbeatSeconds(301)
                                .build())
                        .hasNext());
        Mentors.refused(
                Status.Code.NOT_FOUND,
                () -> blocking.watchActivity(WatchActivityRequest.newBuilder()
                                .setOwner(stranger.name())
                                .build())
                        .hasNext(),
                "not a mentee");

        var tokens = TrackerHarness.as(
                dev.ascent.proto.tracker.v1.AccountServiceGrpc.newBlockingStub(
                        a.service().channel()),
                mentee.token());
        var spare = tokens.createAccessToken(dev.ascent.proto.tracker.v1.CreateAccessTokenRequest.newBuilder()
                .setLabel("bot")
                .build());
        try (Watcher w = Watcher.start(
                TrackerHarness.as(ActivityServiceGrpc.newStub(a.service().channel()), spare.getToken()), from(0))) {
            tokens.revokeAccessToken(dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest.newBuilder()
                    .setName(spare.getAccessToken().getName())
                    .build());
            Object end = null;
            long until = System.currentTimeMillis() + WAIT;
            while (!(end instanceof Throwable) && System.currentTimeMillis() < until) {
                end = w.next(WAIT);
            }
            assertInstanceOf(StatusRuntimeException.class, end);
            assertEquals(
                    Status.Code.UNAUTHENTICATED,
                    ((StatusRuntimeException) end).getStatus().getCode());
        }
    }

    @Test
    void aClientThatStopsReadingIsEndedWithItsCursorAndResumesWithoutLoss() throws Exception {
        User mentee = onA.user("mia");
        Plan plan = onA.plan(mentee);
        ManagedChannel narrow = NettyChannelBuilder.forTarget(a.service().target())
                .usePlaintext()
                .flowControlWindow(8 * 1024)
                .build();
        try {
            LinkedBlockingQueue<Object> got = new LinkedBlockingQueue<>();
            AtomicReference<ClientCallStreamObserver<WatchActivityRequest>> call = new AtomicReference<>();
            TrackerHarness.as(ActivityServiceGrpc.newStub(narrow), mentee.token())
                    .watchActivity(from(0), new ClientResponseObserver<WatchActivityRequest, WatchActivityResponse>() {
                        @Override
                        public void beforeStart(ClientCallStreamObserver<WatchActivityRequest> stream) {
                            stream.disableAutoRequestWithInitial(1); // the first heartbeat, then nothing
                            call.set(stream);
                        }

                        @Override
                        public void onNext(WatchActivityResponse value) {
                            got.add(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            got.add(t);
                        }

                        @Override
                        public void onCompleted() {
                            got.add("completed");
                        }
                    });
            long start = ((WatchActivityResponse) got.poll(WAIT, TimeUnit.MILLISECONDS))
                    .getHeartbeat()
                    .getCursor();
            for (int i = 0; i < WRITES_UNREAD; i++) {
                onB.plans(mentee)
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(plan.getItems(i % 8).getName())
                                .setMinutes(1)
                                .build());
            }
            Thread.sleep(3000); // past the 2 s stall timeout
            call.get().request(100_000); // read everything the server managed to send, then the status
            List<Long> seen = new java.util.ArrayList<>();
            long cursor = start;
            long until = System.currentTimeMillis() + WAIT;
            Object m;
            while ((m = got.poll(WAIT, TimeUnit.MILLISECONDS)) instanceof WatchActivityResponse r
                    && System.currentTimeMillis() < until) {
                if (r.hasEvent()) {
                    seen.add(r.getEvent().getSequence());
                    cursor = r.getEvent().getSequence();
                } else {
                    cursor = Math.max(cursor, r.getHeartbeat().getCursor());
                }
            }
            StatusRuntimeException end = assertInstanceOf(StatusRuntimeException.class, m);
            assertEquals(Status.Code.UNAVAILABLE, end.getStatus().getCode());
            ErrorInfo info = StatusProto.fromThrowable(end).getDetails(0).unpack(ErrorInfo.class);
            assertEquals("CLIENT_TOO_SLOW", info.getReason());
            assertEquals(cursor, Long.parseLong(info.getMetadataOrThrow("cursor")), "the cursor of what arrived");
            assertTrue(
                    seen.size() < WRITES_UNREAD,
                    "the server stopped sending to a client that did not read: " + seen.size());

            long last = logTime(mentee, plan, 2);
            try (Watcher w = Watcher.start(onB.activity(mentee), from(cursor))) {
                seen.addAll(w.eventsUntil(e -> e.getSequence() == last, WAIT).stream()
                        .map(ActivityEvent::getSequence)
                        .toList());
            }
            List<Long> expected = new java.util.ArrayList<>();
            try (java.sql.Connection c = a.database().connect();
                    java.sql.PreparedStatement ps = c.prepareStatement(
                            "SELECT a.seq FROM activity a JOIN app_user o ON o.id = a.user_id WHERE o.handle = ? "
                                    + "AND a.seq > ? ORDER BY a.seq")) {
                ps.setString(1, mentee.handle());
                ps.setLong(2, start);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expected.add(rs.getLong(1));
                    }
                }
            }
            assertEquals(expected, seen, "every stored event once, in order, across the forced reconnect");
        } finally {
            narrow.shutdownNow();
        }
    }

    private static ActivityServiceGrpc.ActivityServiceStub as(Mentors on, User u) {
        return on.activity(u);
    }
}
