package dev.ascent.tracker.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live stream under concurrent writes, on one tracker instance and across two on one database: every watcher
 * (a fast one, one that reads slowly through a small flow-control window, one that hangs up mid-way and resumes
 * from its cursor) ends with exactly the events the database holds, in order, each once. Prints the
 * write-to-delivery delay; the figures go to docs/PERFORMANCE.md, nothing here asserts a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StreamConsistencyContract {

    static final int ROUNDS = Integer.getInteger("ascent.stream.rounds", 10);
    static final int WRITES = 300;
    static final int WRITERS = 16;
    private static final long WAIT = 60_000;

    private TrackerHarness a;
    private RunningService b;
    private ManagedChannel narrow;
    private Mentors onA;
    private Mentors onB;
    private ExecutorService writers;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        // The packaged poll interval, so the printed delays are the ones users get.
        Map<String, Object> props =
                Map.of("ascent.content.target", ContentProcess.shared().target());
        a = TrackerHarness.start(engine(), props);
        b = a.startAnotherInstance(props);
        onA = new Mentors(a.service().channel());
        onB = new Mentors(b.channel());
        // A client that reads slowly through an 8 KiB window pushes back on the server within a few dozen events.
        narrow = NettyChannelBuilder.forTarget(a.service().target())
                .usePlaintext()
                .flowControlWindow(8 * 1024)
                .build();
        writers = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    void stop() {
        if (writers != null) {
            writers.shutdownNow();
        }
        if (narrow != null) {
            narrow.shutdownNow();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void concurrentWritesReachFastSlowAndResumingWatchersCompletelyInOrder() throws Exception {
        List<Long> fastDelays = new ArrayList<>();
        List<Long> slowDelays = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean acrossTwo = round % 2 == 1;
            Mentors setup = acrossTwo ? onB : onA;
            User u = setup.user("stress");
            Plan plan = setup.plan(u);
            int items = Math.min(16, plan.getItemsCount());
            assertTrue(items >= 8, "a plan with enough items to spread writes over");

            Follower fast = Follower.fromNow("fast", (acrossTwo ? onB : onA).activity(u), 0);
            Follower slow =
                    Follower.fromNow("slow", TrackerHarness.as(ActivityServiceGrpc.newStub(narrow), u.token()), 5);
            Follower resumer = Follower.fromNow("resumer", onA.activity(u), 0);
            List<Follower> all = List.of(fast, slow, resumer);
            try {
                for (Follower f : all) {
                    f.awaitStart(WAIT);
                }
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < WRITES; i++) {
                    Mentors via = acrossTwo && i % 2 == 1 ? onB : onA;
                    String item = plan.getItems(i % items).getName();
                    done.add(writers.submit(() -> via.plans(u)
                            .logTime(LogTimeRequest.newBuilder()
                                    .setPlanItem(item)
                                    .setMinutes(1)
                                    .build())));
                }
                resumer.awaitEvents(ThreadLocalRandom.current().nextInt(30, 150), WAIT);
                resumer.hangUp();
                Thread.sleep(ThreadLocalRandom.current().nextInt(20, 300));
                resumer.resume((acrossTwo ? onB : onA).activity(u));
                for (Future<?> f : done) {
                    f.get(WAIT, TimeUnit.MILLISECONDS);
                }
                List<Long> stored = storedSequences(u);
                long last = stored.get(stored.size() - 1);
                for (Follower f : all) {
                    f.awaitCursor(last, WAIT);
                    long from = f.awaitStart(0);
                    List<Long> expected = stored.stream().filter(s -> s > from).toList();
                    assertEquals(
                            expected,
                            f.sequences(),
                            "round " + round + (acrossTwo ? " (two instances) " : " ") + f.label()
                                    + ": every stored event after its start, in order, once");
                    assertTrue(expected.size() >= WRITES, "the round's writes all count");
                }
                fastDelays.addAll(fast.delaysMicros());
                slowDelays.addAll(slow.delaysMicros());
            } finally {
                all.forEach(Follower::close);
            }
        }
        System.out.printf(
                "[stream-consistency %s] %d rounds x %d LogTime calls by %d writers; "
                        + "write->delivery ms: fast watcher %s; slow watcher (5 ms/message, 8 KiB window) %s%n",
                engine(), ROUNDS, WRITES, WRITERS, percentiles(fastDelays), percentiles(slowDelays));
    }

    @Test
    void anEventCommittedFiveSecondsLateReachesConnectedAndResumingWatchersInOrderOnce() throws Exception {
        User u = onA.user("late");
        Plan plan = onA.plan(u);
        long userId = userId(u);
        Follower stays = Follower.fromNow("connected", onA.activity(u), 0);
        Follower leaves = Follower.fromNow("resuming", onB.activity(u), 0);
        try (stays;
                leaves) {
            stays.awaitStart(WAIT);
            leaves.awaitStart(WAIT);
            logTime(onA, u, plan, 1);
            CountDownLatch inserted = new CountDownLatch(1);
            ActivityLog log = a.service().context().getBean(ActivityLog.class);
            TransactionOperations<?> tx = a.service().context().getBean(TransactionOperations.class);
            // A real write path (ActivityLog.record) in a transaction that stays open 5 s before it commits; an
            // event without a plan, so it locks no plan row and other writes commit meanwhile.
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.executeWrite(status -> {
                log.record(ActivityLog.Event.of(
                        userId, null, null, userId, ActivityType.MENTORSHIP_CHANGED, "committed five seconds late"));
                inserted.countDown();
                sleep(5000);
                return null;
            }));
            assertTrue(inserted.await(WAIT, TimeUnit.MILLISECONDS));
            for (int i = 0; i < 3; i++) {
                logTime(i % 2 == 0 ? onA : onB, u, plan, 2);
            }
            leaves.hangUp();
            for (int i = 0; i < 3; i++) {
                logTime(i % 2 == 0 ? onB : onA, u, plan, 3);
            }
            leaves.resume(onA.activity(u)); // resumes while the late event is still uncommitted
            slow.get(WAIT, TimeUnit.MILLISECONDS);
            long committed = System.nanoTime();
            long late = lateSequence(userId);
            stays.awaitCursor(late, WAIT);
            long toConnected = System.nanoTime() - committed;
            leaves.awaitCursor(late, WAIT);
            long toResumed = System.nanoTime() - committed;
            logTime(onB, u, plan, 4);

            List<Long> stored = storedSequences(u);
            long lateSeq = late;
            assertTrue(
                    stored.get(stored.size() - 1) > lateSeq + 5,
                    "later events got higher sequences and " + "committed first, so the late one really is late: "
                            + stored + ", late " + lateSeq);
            for (Follower f : List.of(stays, leaves)) {
                f.awaitCursor(stored.get(stored.size() - 1), WAIT);
                long from = f.awaitStart(0);
                assertEquals(
                        stored.stream().filter(s -> s > from).toList(),
                        f.sequences(),
                        f.label() + ": the late event in its place, everything once");
            }
            System.out.printf(
                    "[late-commit %s] an event committed 5 s after its insert, %d later events stored before it: "
                            + "delivered %d ms after its commit to the connected watcher, %d ms to the resumed one%n",
                    engine(),
                    stored.stream().filter(s -> s > lateSeq).count() - 1,
                    TimeUnit.NANOSECONDS.toMillis(toConnected),
                    TimeUnit.NANOSECONDS.toMillis(toResumed));
        }
    }

    private static void logTime(Mentors via, User u, Plan plan, int minutes) {
        via.plans(u)
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(plan.getItems(0).getName())
                        .setMinutes(minutes)
                        .build());
    }

    private long userId(User u) throws Exception {
        return single("SELECT id FROM app_user WHERE handle = ?", u.handle());
    }

    private long lateSequence(long userId) throws Exception {
        return single("SELECT seq FROM activity WHERE user_id = ? AND type = 'MENTORSHIP_CHANGED'", userId);
    }

    private long single(String sql, Object param) throws Exception {
        try (Connection c = a.database().connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user's events as the database holds them, in sequence order. */
    private List<Long> storedSequences(User u) throws Exception {
        try (Connection c = a.database().connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT a.seq FROM activity a JOIN app_user o ON o.id = a.user_id "
                                + "WHERE o.handle = ? ORDER BY a.seq")) {
            ps.setString(1, u.handle());
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) {
            return "none";
        }
        long[] d = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(
                "p50=%.1f p99=%.1f max=%.1f (n=%d)",
                d[d.length / 2] / 1000.0,
                d[Math.min(d.length - 1, (int) (d.length * 0.99))] / 1000.0,
                d[d.length - 1] / 1000.0,
                d.length);
    }
}
