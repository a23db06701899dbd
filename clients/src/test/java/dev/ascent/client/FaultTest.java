package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults against the packaged services: the tracker's database goes away for 5 s, the tracker is killed with
 * SIGKILL, the content service turns slow and then refuses connections. Sixteen engineers keep writing with
 * request_ids and retry every failed write with the same id until it succeeds; afterwards every write took effect
 * exactly once, nothing is half-written, and every counter equals its raw rows. Each test prints its figures.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FaultTest {

    private static final String ROLE = "roles/senior-machine-learning-scientist";
    private static final int WRITERS = 16;
    private static final String PRACTICE_SOURCE = "designPrompts/feature-store";

    @Test
    void aDatabaseOutageLosesNothingAndHealthFollowsIt() throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.start(
                TestDatabase.Engine.MYSQL, new PackagedPlatform.Options(true, false, Map.of()))) {
            Load load = new Load(platform);
            HealthWatch health = new HealthWatch(platform);
            load.start();
            Thread.sleep(3000);
            long cut = System.nanoTime();
            platform.trackerDbProxy().cut();
            Thread.sleep(5000);
            long restored = System.nanoTime();
            platform.trackerDbProxy().restore();
            Thread.sleep(6000);
            load.stopAndAwait();
            health.stop();

            long down = health.firstAt(ServingStatus.NOT_SERVING, cut);
            long up = health.firstAt(ServingStatus.SERVING, restored);
            System.out.printf(
                    Locale.ROOT,
                    "database outage: NOT_SERVING %d ms after the cut, SERVING %d ms after "
                            + "recovery; %d writes acknowledged, %d attempts failed and were retried%n",
                    ms(down - cut),
                    ms(up - restored),
                    load.acknowledged(),
                    load.retries.get());
            assertTrue(down >= 0 && ms(down - cut) <= 2000, "NOT_SERVING within 2 s: " + health);
            assertTrue(up >= 0 && ms(up - restored) <= 5000, "SERVING within 5 s of recovery: " + health);
            assertTrue(load.retries.get() > 0, "the outage made some calls fail, or it tested nothing");
            load.verify();
        }
    }

    @Test
    void killingTheTrackerMidLoadLosesNothing() throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.MYSQL)) {
            Load load = new Load(platform);
            load.start();
            Thread.sleep(3000);
            long killed = System.nanoTime();
            platform.kill("tracker");
            platform.restart("tracker");
            long back = System.nanoTime();
            Thread.sleep(4000);
            load.stopAndAwait();
            System.out.printf(
                    Locale.ROOT,
                    "kill -9: tracker SERVING again %d ms after the kill; %d writes "
                            + "acknowledged, %d attempts failed and were retried%n",
                    ms(back - killed),
                    load.acknowledged(),
                    load.retries.get());
            assertTrue(load.retries.get() > 0, "the kill made some calls fail, or it tested nothing");
            load.verify();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Engine.class)
    void aSlowThenDeadContentServiceHoldsNoDatabaseConnection(TestDatabase.Engine engine) throws Exception {
        // Two connections only: a CreatePlan that held one while it waited for the content service would starve
        // every other call.
        try (PackagedPlatform platform = PackagedPlatform.start(
                engine, new PackagedPlatform.Options(false, true, Map.of("ASCENT_TRACKER_DB_POOL_SIZE", "2")))) {
            String token = newUser(platform, "slow");
            AscentClient client = platform.client(token);
            AscentClient once = AscentClient.builder()
                    .contentTarget(platform.contentTarget())
                    .trackerTarget(platform.trackerTarget())
                    .token(token)
                    .retryPolicy(RetryPolicy.NONE)
                    .deadline(Duration.ofSeconds(20))
                    .build();
            Plan plan = client.plans()
                    .createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(ROLE)
                            .setHoursPerWeek(5)
                            .build())
                    .getPlan();
            double normal = getPlanP99(client, plan, Duration.ofSeconds(3));

            platform.contentProxy().delay(Duration.ofSeconds(4));
            ExecutorService slow = Executors.newFixedThreadPool(12);
            List<Future<Long>> waits = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                waits.add(slow.submit(() -> timed(() -> {
                    if (n % 3 == 0) {
                        once.practice()
                                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                                        .setSource(PRACTICE_SOURCE)
                                        .setRequestId(UUID.randomUUID().toString())
                                        .build());
                    } else {
                        once.plans()
                                .createPlan(CreatePlanRequest.newBuilder()
                                        .setTargetRole(ROLE)
                                        .setHoursPerWeek(5)
                                        .setRequestId(UUID.randomUUID().toString())
                                        .build());
                    }
                })));
            }
            Thread.sleep(300);
            double during = getPlanP99(client, plan, Duration.ofSeconds(4));
            List<Long> slowCalls = new ArrayList<>();
            for (Future<Long> f : waits) {
                slowCalls.add(f.get(30, TimeUnit.SECONDS));
            }
            slow.shutdown();
            System.out.printf(
                    Locale.ROOT,
                    "slow content service (+4 s a chunk, %s): GetPlan p99 %.1f ms normal, "
                            + "%.1f ms while 12 CreatePlan/StartPracticeSession calls waited (%s ms each, pool of 2)%n",
                    engine,
                    normal,
                    during,
                    slowCalls);
            slowCalls.forEach(ms -> assertTrue(ms <= 5000 + 2000, "each waits at most its 5 s deadline: " + ms));
            assertTrue(during < 1000, "GetPlan never waits for a connection held by a slow call: p99 " + during);

            platform.contentProxy().delay(Duration.ZERO);
            platform.contentProxy().cut();
            int plansBefore = client.plans()
                    .listPlans(ListPlansRequest.newBuilder().setPageSize(100).build())
                    .getPlansCount();
            long refused = timed(() -> {
                try {
                    once.plans()
                            .createPlan(CreatePlanRequest.newBuilder()
                                    .setTargetRole(ROLE)
                                    .setHoursPerWeek(5)
                                    .build());
                    fail("CreatePlan succeeded without the content service");
                } catch (UnavailableException expected) {
                    // the content service is down
                }
            });
            System.out.printf(
                    Locale.ROOT, "dead content service (%s): CreatePlan UNAVAILABLE after %d ms%n", engine, refused);
            assertTrue(refused < 5000, "fails fast, not after the deadline: " + refused + " ms");
            assertEquals(
                    plansBefore,
                    client.plans()
                            .listPlans(ListPlansRequest.newBuilder()
                                    .setPageSize(100)
                                    .build())
                            .getPlansCount(),
                    "nothing is stored");
            once.close();
            client.close();
        }
    }

    // ---- the write load ----

    /**
     * Sixteen engineers, one plan and one practice session each, writing LogTime, item notes, new items and practice
     * steps (a step checked or unchecked, plus the session's notes) with request_ids until stopped.
     */
    private static final class Load {
        private final PackagedPlatform platform;
        private final List<Writer> writers = new ArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger retries = new AtomicInteger();
        private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        private final List<Future<?>> running = new ArrayList<>();

        Load(PackagedPlatform platform) throws Exception {
            this.platform = platform;
            for (int i = 0; i < WRITERS; i++) {
                String token = newUser(
                        platform, "fault-" + UUID.randomUUID().toString().substring(0, 8));
                AscentClient client = AscentClient.builder()
                        .contentTarget(platform.contentTarget())
                        .trackerTarget(platform.trackerTarget())
                        .token(token)
                        .retryPolicy(RetryPolicy.NONE)
                        .deadline(Duration.ofSeconds(10))
                        .build();
                Plan plan = client.plans()
                        .createPlan(CreatePlanRequest.newBuilder()
                                .setTargetRole(ROLE)
                                .setHoursPerWeek(5)
                                .build())
                        .getPlan();
                PracticeSession session = client.practice()
                        .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                                .setSource(PRACTICE_SOURCE)
                                .setTimeBoxMinutes(240)
                                .build())
                        .getPracticeSession();
                writers.add(new Writer(client, plan, session));
            }
        }

        void start() {
            for (Writer w : writers) {
                running.add(pool.submit(() -> {
                    w.run();
                    return null;
                }));
            }
        }

        void stopAndAwait() throws Exception {
            stop.set(true);
            try {
                for (Future<?> f : running) {
                    f.get(3, TimeUnit.MINUTES);
                }
            } catch (ExecutionException e) {
                // A writer got an answer it should not have: the services' logs say why.
                throw new AssertionError(e.getCause() + "\n" + platform.logs(), e.getCause());
            }
            pool.shutdown();
        }

        int acknowledged() {
            return writers.stream().mapToInt(w -> w.acked).sum();
        }

        /** Every write took effect exactly once, and every counter equals its raw rows. */
        void verify() throws Exception {
            TestDatabase db = platform.database("tracker");
            try (Connection c = db.connect()) {
                for (Writer w : writers) {
                    long planId = Long.parseLong(
                            w.plan.getName().substring(w.plan.getName().lastIndexOf('/') + 1));
                    assertEquals(
                            w.logs,
                            count(c, "SELECT COUNT(*) FROM time_entry WHERE plan_id = ?", planId),
                            "one time entry per acknowledged LogTime");
                    assertEquals(
                            w.minutes,
                            count(
                                    c,
                                    "SELECT COALESCE(SUM(minutes), 0) FROM time_entry " + "WHERE plan_id = ?",
                                    planId));
                    assertEquals(
                            w.logs,
                            count(
                                    c,
                                    "SELECT COUNT(*) FROM activity WHERE plan_id = ? " + "AND type = 'TIME_LOGGED'",
                                    planId),
                            "one event per time entry: nothing half-written");
                    assertEquals(
                            w.plan.getItemsCount() + w.added,
                            count(c, "SELECT COUNT(*) FROM plan_item " + "WHERE plan_id = ?", planId),
                            "one item per acknowledged AddPlanItem");
                    Plan now = w.client
                            .plans()
                            .getPlan(GetPlanRequest.newBuilder()
                                    .setName(w.plan.getName())
                                    .build())
                            .getPlan();
                    w.lastNotes.forEach((item, notes) -> assertEquals(
                            notes,
                            now.getItemsList().stream()
                                    .filter(i -> i.getName().equals(item))
                                    .findFirst()
                                    .orElseThrow()
                                    .getNotes(),
                            "the last acknowledged notes of " + item));
                    PracticeSession practice = w.client
                            .practice()
                            .getPracticeSession(GetPracticeSessionRequest.newBuilder()
                                    .setName(w.session.getName())
                                    .build())
                            .getPracticeSession();
                    assertEquals(w.lastPracticeNotes, practice.getNotes(), "the last acknowledged session notes");
                    w.lastChecked.forEach((step, checked) -> assertEquals(
                            checked,
                            practice.getStepsList().stream()
                                    .filter(s -> s.getName().equals(step))
                                    .findFirst()
                                    .orElseThrow()
                                    .getChecked(),
                            "the last acknowledged state of " + step));
                    assertEquals(
                            practice.getStepsList().stream()
                                    .filter(PracticeStep::getChecked)
                                    .count(),
                            practice.getCheckedCount(),
                            "the session's checked count equals its checked steps");
                }
            }
            try (AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
                String token = "";
                do {
                    CheckConsistencyResponse page = admin.admin()
                            .checkConsistency(CheckConsistencyRequest.newBuilder()
                                    .setPageToken(token)
                                    .build());
                    assertEquals(List.of(), page.getDriftsList(), "counters equal their raw rows");
                    token = page.getNextPageToken();
                } while (!token.isEmpty());
            }
            for (Writer w : writers) {
                w.client.close();
            }
        }

        private final class Writer {
            final AscentClient client;
            final Plan plan;
            final PracticeSession session;
            final Map<String, String> lastNotes = new HashMap<>();
            final Map<String, Boolean> lastChecked = new HashMap<>();
            String lastPracticeNotes = "";
            int logs;
            long minutes;
            int added;
            int acked;

            Writer(AscentClient client, Plan plan, PracticeSession session) {
                this.client = client;
                this.plan = plan;
                this.session = session;
            }

            void run() throws InterruptedException {
                for (int n = 0; !stop.get(); n++) {
                    PlanItem item = plan.getItems(n % 8);
                    String id = UUID.randomUUID().toString();
                    int op = n % 5;
                    String step = session.getSteps(n % session.getStepsCount()).getName();
                    boolean checked = (n / 5) % 2 == 0;
                    int m = 1 + n % 30;
                    String notes = "note " + n;
                    String title = "Added " + n;
                    // The same request, with the same id, until it succeeds: a retry must never do it twice.
                    retryUntilDone(() -> {
                        switch (op) {
                            case 0, 1 ->
                                client.plans()
                                        .logTime(LogTimeRequest.newBuilder()
                                                .setPlanItem(item.getName())
                                                .setMinutes(m)
                                                .setRequestId(id)
                                                .build());
                            case 2 ->
                                client.plans()
                                        .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                                .setPlanItem(PlanItem.newBuilder()
                                                        .setName(item.getName())
                                                        .setNotes(notes))
                                                .setUpdateMask(
                                                        FieldMask.newBuilder().addPaths("notes"))
                                                .setRequestId(id)
                                                .build());
                            case 4 ->
                                client.practice()
                                        .updatePracticeSession(UpdatePracticeSessionRequest.newBuilder()
                                                .setName(session.getName())
                                                .addStepUpdates(PracticeStepUpdate.newBuilder()
                                                        .setStep(step)
                                                        .setChecked(checked))
                                                .setNotes(notes)
                                                .setRequestId(id)
                                                .build());
                            default ->
                                client.plans()
                                        .addPlanItem(AddPlanItemRequest.newBuilder()
                                                .setParent(plan.getName())
                                                .setRequestId(id)
                                                .setPlanItem(
                                                        PlanItem.newBuilder().setTitle(title))
                                                .build());
                        }
                    });
                    acked++;
                    switch (op) {
                        case 0, 1 -> {
                            logs++;
                            minutes += m;
                        }
                        case 2 -> lastNotes.put(item.getName(), notes);
                        case 4 -> {
                            lastChecked.put(step, checked);
                            lastPracticeNotes = notes;
                        }
                        default -> added++;
                    }
                }
            }

            private void retryUntilDone(Runnable call) throws InterruptedException {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (true) {
                    try {
                        call.run();
                        return;
                    } catch (UnavailableException | DeadlineExceededException e) {
                        retries.incrementAndGet();
                        if (System.nanoTime() > until) {
                            throw e;
                        }
                        Thread.sleep(200);
                    }
                }
            }
        }
    }

    // ---- helpers ----

    /** Polls the tracker's health every 50 ms and remembers when each status was seen. */
    private static final class HealthWatch {
        private final List<long[]> seen = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        HealthWatch(PackagedPlatform platform) {
            thread = new Thread(() -> {
                try (AscentClient client = AscentClient.builder()
                        .contentTarget(platform.contentTarget())
                        .trackerTarget(platform.trackerTarget())
                        .deadline(Duration.ofMillis(500))
                        .build()) {
                    while (!stop.get()) {
                        ServingStatus s = client.health(AscentClient.Service.TRACKER);
                        seen.add(new long[] {System.nanoTime(), s.getNumber()});
                        Thread.sleep(50);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
        }

        /** When {@code status} was first seen at or after {@code from}; -1 when never. */
        long firstAt(ServingStatus status, long from) {
            return seen.stream()
                    .filter(s -> s[0] >= from && s[1] == status.getNumber())
                    .mapToLong(s -> s[0])
                    .findFirst()
                    .orElse(-1);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            long previous = -1;
            for (long[] s : seen) {
                if (s[1] != previous) {
                    out.append(ServingStatus.forNumber((int) s[1]))
                            .append('@')
                            .append(s[0] / 1_000_000)
                            .append(' ');
                    previous = s[1];
                }
            }
            return out.toString();
        }
    }

    private static String newUser(PackagedPlatform platform, String handle) {
        try (AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
            return admin.accounts()
                    .createUser(CreateUserRequest.newBuilder()
                            .setHandle(handle)
                            .setDisplayName("Fault " + handle)
                            .build())
                    .getToken();
        }
    }

    /** GetPlan p99 in ms from 4 callers over {@code length}. */
    private static double getPlanP99(AscentClient client, Plan plan, Duration length) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long until = System.nanoTime() + length.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(callers.submit(() -> {
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    client.plans()
                            .getPlan(GetPlanRequest.newBuilder()
                                    .setName(plan.getName())
                                    .build());
                    latencies.add(System.nanoTime() - start);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        callers.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (AscentException e) {
            Status.Code code = e.code();
            assertTrue(
                    code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED,
                    "a slow peer yields UNAVAILABLE or DEADLINE_EXCEEDED, not " + e);
        }
        return ms(System.nanoTime() - start);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long count(Connection c, String sql, long arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
