package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.error.ErrorKind;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.LogTimeResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Users;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * LogTime's group commit ({@link LogTime#logAll}, {@link LogTimeWriter}): a batch decides each call as if it ran
 * alone after the ones before it, a refused call writes nothing, and the counters equal their raw rows afterwards.
 * WriteConcurrencyContract races LogTimes through gRPC, where the batches form on their own; here the batches are
 * made on purpose, so every rule meets a batch that holds several calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LogTimeBatchContract {

    private TrackerHarness tracker;
    private Mentors mentors;
    private LogTime logTime;
    private Users users;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        mentors = new Mentors(tracker.service().channel());
        logTime = tracker.service().context().getBean(LogTime.class);
        users = tracker.service().context().getBean(Users.class);
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aBatchDecidesEachCallInOrderAndWritesOnlyTheAcceptedOnes() throws Exception {
        Mentors.User a = mentors.user("batcha");
        Mentors.User b = mentors.user("batchb");
        Plan mine = mentors.plan(a);
        Plan theirs = mentors.plan(b);
        Plan archived = mentors.plan(a);
        mentors.plans(a)
                .updatePlan(UpdatePlanRequest.newBuilder()
                        .setPlan(Plan.newBuilder().setName(archived.getName()).setArchived(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("archived"))
                        .build());
        String x = mine.getItems(0).getName();
        String y = mine.getItems(1).getName();
        String z = theirs.getItems(0).getName();
        int tomorrow = Days.today(Clock.systemUTC(), "UTC") + 2;
        Caller ca = caller(a);
        Caller cb = caller(b);
        long minePlan = Names.plan(mine.getName(), "p").planId();
        long theirPlan = Names.plan(theirs.getName(), "p").planId();
        long versionBefore = query("SELECT version FROM plan WHERE id = ?", minePlan);

        List<LogTime.Outcome> outcomes = logTime.logAll(
                List.of(
                        request(ca, x, 1000, null),
                        request(ca, x, 500, null), // 1,500 > 1,440 on the day: refused, after the 1,000 before it
                        request(ca, x, 440, null), // exactly 1,440
                        request(cb, z, 30, null),
                        request(ca, z.replace(b.handle(), a.handle()), 5, null), // b's plan under a's name
                        request(ca, z, 5, null), // b's data: a is not b's mentor
                        request(ca, archived.getItems(0).getName(), 5, null),
                        request(ca, y, 5, tomorrow),
                        request(ca, y, 10, null),
                        request(ca, mine.getName() + "/items/9", 5, null)),
                true);

        assertEquals(10, outcomes.size());
        accepted(outcomes.get(0), 1000);
        refused(outcomes.get(1), ErrorKind.INVALID_ARGUMENT, "has 1000 minutes logged");
        accepted(outcomes.get(2), 440);
        accepted(outcomes.get(3), 30);
        refused(outcomes.get(4), ErrorKind.NOT_FOUND, "");
        refused(outcomes.get(5), ErrorKind.NOT_FOUND, "");
        refused(outcomes.get(6), ErrorKind.FAILED_PRECONDITION, "archived");
        refused(outcomes.get(7), ErrorKind.INVALID_ARGUMENT, "future");
        accepted(outcomes.get(8), 10);
        refused(outcomes.get(9), ErrorKind.NOT_FOUND, "");

        // Two writes on x in one batch: each answer shows the item after its own write.
        assertEquals(1000, outcomes.get(0).logged().item().loggedMinutes());
        assertEquals(1440, outcomes.get(2).logged().item().loggedMinutes());
        assertEquals(
                outcomes.get(0).logged().item().version() + 1,
                outcomes.get(2).logged().item().version());
        assertEquals(ItemStatus.IN_PROGRESS, outcomes.get(8).logged().item().status());

        assertEquals(1440, query("SELECT logged_minutes FROM plan_item WHERE id = ?", id(x)));
        assertEquals(
                outcomes.get(2).logged().item().version(), query("SELECT version FROM plan_item WHERE id = ?", id(x)));
        assertEquals(10, query("SELECT logged_minutes FROM plan_item WHERE id = ?", id(y)));
        assertEquals(1450, query("SELECT logged_minutes FROM plan WHERE id = ?", minePlan));
        assertEquals(30, query("SELECT logged_minutes FROM plan WHERE id = ?", theirPlan));
        assertEquals(
                versionBefore + 3,
                query("SELECT version FROM plan WHERE id = ?", minePlan),
                "the plan's version moved once per accepted write");
        assertEquals(3, query("SELECT COUNT(*) FROM time_entry WHERE plan_id = ?", minePlan));
        assertEquals(1450, query("SELECT SUM(minutes) FROM plan_day WHERE plan_id = ?", minePlan));
        assertEquals(3, query("SELECT SUM(actions) FROM plan_day WHERE plan_id = ?", minePlan));
        assertEquals(3, query("SELECT COUNT(*) FROM activity WHERE plan_id = ? AND type = 'TIME_LOGGED'", minePlan));
        assertEquals(
                2,
                query("SELECT COUNT(*) FROM activity WHERE plan_id = ? AND type = 'STATUS_CHANGED'", minePlan),
                "x and y each started once");
        assertEquals(0, entriesOf(archived));
    }

    /**
     * Random batches against the same calls made one at a time on a twin of the same plans: the same outcomes,
     * and the same counters.
     */
    @Test
    void aBatchEndsWhereTheSameCallsOneAtATimeEnd() throws Exception {
        Random random = new Random(20261202L);
        for (int round = 0; round < 5; round++) {
            Mentors.User batched = mentors.user("batched");
            Mentors.User serial = mentors.user("serial");
            List<Plan> batchedPlans = List.of(mentors.plan(batched), mentors.plan(batched));
            List<Plan> serialPlans = List.of(mentors.plan(serial), mentors.plan(serial));
            int today = Days.today(Clock.systemUTC(), "UTC");
            List<int[]> calls = new ArrayList<>(); // {plan, item, minutes, day offset: 0 today, 1 tomorrow}
            for (int i = 0; i < 40; i++) {
                calls.add(new int[] {
                    random.nextInt(2),
                    random.nextInt(4),
                    1 + random.nextInt(random.nextBoolean() ? 60 : 900),
                    random.nextInt(10) == 0 ? 2 : 0
                });
            }
            List<LogTime.Request> batch = new ArrayList<>();
            for (int[] c : calls) {
                batch.add(request(
                        caller(batched), batchedPlans.get(c[0]).getItems(c[1]).getName(), c[2], today + c[3]));
            }
            List<LogTime.Outcome> together = logTime.logAll(batch, true);
            for (int i = 0; i < calls.size(); i++) {
                int[] c = calls.get(i);
                LogTime.Request alone = request(
                        caller(serial), serialPlans.get(c[0]).getItems(c[1]).getName(), c[2], today + c[3]);
                LogTime.Outcome one = logTime.logAll(List.of(alone), false).get(0);
                assertEquals(kind(one), kind(together.get(i)), "call " + i + " of round " + round);
            }
            for (int p = 0; p < 2; p++) {
                long bp = Names.plan(batchedPlans.get(p).getName(), "p").planId();
                long sp = Names.plan(serialPlans.get(p).getName(), "p").planId();
                for (String column : List.of("logged_minutes", "version")) {
                    assertEquals(
                            query("SELECT " + column + " FROM plan WHERE id = ?", sp),
                            query("SELECT " + column + " FROM plan WHERE id = ?", bp),
                            column);
                }
                for (int item = 0; item < 4; item++) {
                    long bi = id(batchedPlans.get(p).getItems(item).getName());
                    long si = id(serialPlans.get(p).getItems(item).getName());
                    assertEquals(
                            query("SELECT logged_minutes + 100000 * version FROM plan_item WHERE id = ?", si),
                            query("SELECT logged_minutes + 100000 * version FROM plan_item WHERE id = ?", bi));
                }
                for (String q : List.of(
                        "SELECT SUM(minutes) * 1000 + SUM(actions) FROM plan_day WHERE plan_id = ?",
                        "SELECT COUNT(*) FROM activity WHERE plan_id = ?",
                        "SELECT COUNT(*) FROM time_entry WHERE plan_id = ?")) {
                    assertEquals(query(q, sp), query(q, bp), q);
                }
            }
        }
    }

    /**
     * An item's day counter (the minutes of its latest logged day, read in place of summing that day's entries) agrees
     * with the entries however the days mix: random batches over four days are decided as a model of the 1,440-minute
     * cap decides them, the counter is wiped now and then (as for an item from before the counter, or an imported one)
     * and the cap still holds, and afterwards each counter equals the sum of its day's entries.
     */
    @Test
    void theDayCounterAgreesWithTheEntriesAcrossDays() throws Exception {
        Random random = new Random(20261203L);
        Mentors.User u = mentors.user("daycounter");
        Plan plan = mentors.plan(u);
        long planId = Names.plan(plan.getName(), "p").planId();
        int today = Days.today(Clock.systemUTC(), "UTC");
        update("UPDATE plan SET start_day = start_day - 3 WHERE id = ?", planId);
        int[][] model = new int[3][4]; // item, days ago -> minutes
        for (int round = 0; round < 12; round++) {
            if (round % 4 == 3) {
                update("UPDATE plan_item SET logged_day = NULL WHERE plan_id = ?", planId);
            }
            List<LogTime.Request> batch = new ArrayList<>();
            List<int[]> calls = new ArrayList<>(); // {item, days ago, minutes}
            for (int i = 0; i < 8; i++) {
                int[] c = {random.nextInt(3), random.nextInt(4), 1 + random.nextInt(400)};
                calls.add(c);
                batch.add(request(caller(u), plan.getItems(c[0]).getName(), c[2], today - c[1]));
            }
            List<LogTime.Outcome> outcomes = logTime.logAll(batch, true);
            for (int i = 0; i < calls.size(); i++) {
                int[] c = calls.get(i);
                LogTime.Outcome o = outcomes.get(i);
                if (model[c[0]][c[1]] + c[2] <= PlanLimits.MAX_MINUTES_PER_ITEM_DAY) {
                    model[c[0]][c[1]] += c[2];
                    accepted(o, c[2]);
                } else {
                    refused(o, ErrorKind.INVALID_ARGUMENT, "has " + model[c[0]][c[1]] + " minutes logged");
                }
            }
        }
        for (int item = 0; item < 3; item++) {
            long id = id(plan.getItems(item).getName());
            long day = query("SELECT COALESCE(logged_day, -1) FROM plan_item WHERE id = ?", id);
            if (day >= 0) {
                assertEquals(
                        model[item][(int) (today - day)],
                        query("SELECT logged_day_minutes FROM plan_item WHERE id = ?", id),
                        "item " + item + "'s counter of " + Days.format((int) day));
            }
            for (int ago = 0; ago < 4; ago++) {
                try (Connection c = tracker.database().connect();
                        PreparedStatement ps = c.prepareStatement(
                                "SELECT COALESCE(SUM(minutes), 0) FROM time_entry WHERE item_id = ? AND entry_day = ?")) {
                    ps.setLong(1, id);
                    ps.setInt(2, today - ago);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(model[item][ago], rs.getLong(1), "item " + item + ", " + ago + " days ago");
                    }
                }
            }
        }
    }

    /**
     * A plan another transaction holds does not hold up the batch: its call is deferred (and, through gRPC, waits for
     * the lock on its own), while calls on other plans are written at once.
     */
    @Test
    void aPlanLockedElsewhereIsDeferredAndHoldsUpNoOtherPlan() throws Exception {
        Mentors.User u = mentors.user("busy");
        Plan busy = mentors.plan(u);
        Plan free = mentors.plan(u);
        String busyItem = busy.getItems(0).getName();
        String freeItem = free.getItems(0).getName();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = lockPlan(busy)) {
            List<LogTime.Outcome> outcomes = logTime.logAll(
                    List.of(request(caller(u), busyItem, 5, null), request(caller(u), freeItem, 6, null)), true);
            assertTrue(outcomes.get(0).deferred(), "the busy plan's call is deferred");
            accepted(outcomes.get(1), 6);
            assertEquals(0, query("SELECT COUNT(*) FROM time_entry WHERE item_id = ?", id(busyItem)));

            // Through gRPC: the busy plan's call waits for the lock; a call on another plan does not wait for it.
            Future<LogTimeResponse> waiting = pool.submit(() -> mentors.plans(u)
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(busyItem)
                            .setMinutes(5)
                            .build()));
            Thread.sleep(300);
            LogTimeResponse other = mentors.plans(u)
                    .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(freeItem)
                            .setMinutes(7)
                            .build());
            assertEquals(13, other.getPlanItem().getLoggedMinutes());
            assertTrue(!waiting.isDone(), "the busy plan's call waits for the lock");
            holder.commit();
            assertEquals(5, waiting.get().getPlanItem().getLoggedMinutes());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Calls on a plan that another transaction holds for a moment go into the next batches and are written there once
     * it is free: none runs alone. (They used to run alone at once; under load on one plan, the calls running alone
     * then kept the plan held, so the batches' next calls on it were deferred and ran alone too, and the plan never
     * went back to batches: LogTime over one plan at 32 concurrent calls fell from about 4,000 calls/s to 550.)
     */
    @Test
    void callsDeferredBehindABriefLockAreWrittenInBatchesNotAlone() throws Exception {
        Mentors.User u = mentors.user("brief");
        Plan plan = mentors.plan(u);
        LogTimeWriter writer = tracker.service().context().createBean(LogTimeWriter.class);
        int threads = 8;
        int callsEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Connection holder = lockPlan(plan)) {
            List<Future<Integer>> answered = onItems(pool, plan, threads, item -> () -> {
                for (int i = 0; i < callsEach; i++) {
                    log(writer, caller(u), item);
                }
                return callsEach;
            });
            Thread.sleep(60);
            assertTrue(answered.stream().noneMatch(Future::isDone), "the calls wait while the plan is held");
            holder.commit();
            int calls = 0;
            for (Future<Integer> f : answered) {
                calls += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(threads * callsEach, calls);
            assertEquals(0, writer.callsRunAlone(), "no call ran alone");
            assertEquals(threads * callsEach, entriesOf(plan));
        } finally {
            pool.shutdownNow();
            writer.stop();
        }
    }

    /** A call whose plan stays held past {@link LogTimeWriter#MAX_DEFER_NANOS} runs alone, waiting for the lock. */
    @Test
    void aCallDeferredForLongRunsAloneAndWaitsForTheLock() throws Exception {
        Mentors.User u = mentors.user("long-held");
        Plan plan = mentors.plan(u);
        LogTimeWriter writer = tracker.service().context().createBean(LogTimeWriter.class);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = lockPlan(plan)) {
            Future<?> call =
                    pool.submit(() -> log(writer, caller(u), plan.getItems(0).getName()));
            long deadline = System.nanoTime() + 10 * LogTimeWriter.MAX_DEFER_NANOS;
            while (writer.callsRunAlone() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, writer.callsRunAlone(), "the call runs alone once deferred for long");
            assertTrue(!call.isDone(), "alone, it waits for the lock");
            holder.commit();
            call.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(
                    1,
                    query(
                            "SELECT COUNT(*) FROM time_entry WHERE item_id = ?",
                            id(plan.getItems(0).getName())));
        } finally {
            pool.shutdownNow();
            writer.stop();
        }
    }

    /**
     * A writer that stops while it holds deferred calls hands them back: they run alone, wait for the lock and answer
     * once it is free. (Stopping interrupts the writer, most likely in its pause between two tries of the held plan.)
     */
    @Test
    void aWriterStoppingWithDeferredCallsHandsThemBack() throws Exception {
        Mentors.User u = mentors.user("stop-deferred");
        Plan plan = mentors.plan(u);
        LogTimeWriter writer = tracker.service().context().createBean(LogTimeWriter.class);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Connection holder = lockPlan(plan)) {
            List<Future<LogTimeResponse>> answers =
                    onItems(pool, plan, threads, item -> () -> log(writer, caller(u), item));
            Thread.sleep(50);
            writer.stop();
            Thread.sleep(50);
            holder.commit();
            for (Future<LogTimeResponse> a : answers) {
                a.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(threads, entriesOf(plan));
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code threads} tasks on {@code pool}: task t made by {@code task} for item t of {@code plan} (round its items). */
    private static <T> List<Future<T>> onItems(
            ExecutorService pool, Plan plan, int threads, Function<String, Callable<T>> task) {
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(
                    task.apply(plan.getItems(t % plan.getItemsCount()).getName())));
        }
        return futures;
    }

    /** The time entries of {@code plan}. */
    private long entriesOf(Plan plan) throws SQLException {
        return query(
                "SELECT COUNT(*) FROM time_entry WHERE plan_id = ?",
                Names.plan(plan.getName(), "p").planId());
    }

    /** A connection in a transaction that holds {@code plan}'s row lock, as any write to the plan takes it. */
    private Connection lockPlan(Plan plan) throws SQLException {
        Connection holder = tracker.database().connect();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM plan WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, Names.plan(plan.getName(), "p").planId());
            lock.executeQuery().close();
        }
        return holder;
    }

    private static LogTimeResponse log(LogTimeWriter writer, Caller caller, String item) {
        return writer.log(
                caller,
                Names.item(item, "plan_item"),
                new LogTime.Command(1, null, ""),
                null,
                LogTimeResponse.parser(),
                logged -> LogTimeResponse.getDefaultInstance());
    }

    /**
     * One request id sent by eight calls at once: one time entry, every call gets the same answer, and none waits
     * out a lock timeout.
     */
    @Test
    void oneRequestIdFromConcurrentCallsWritesOnce() throws Exception {
        Mentors.User u = mentors.user("retry");
        Plan plan = mentors.plan(u);
        String item = plan.getItems(0).getName();
        int calls = 8;
        CyclicBarrier start = new CyclicBarrier(calls);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<LogTimeResponse>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mentors.plans(u)
                            .logTime(LogTimeRequest.newBuilder()
                                    .setPlanItem(item)
                                    .setMinutes(7)
                                    .setRequestId("one-id-many-calls")
                                    .build());
                }));
            }
            Set<LogTimeResponse> distinct = new HashSet<>();
            for (Future<LogTimeResponse> a : answers) {
                // Well inside H2's 10 s lock timeout: a batch that waited for a claim held by a call running alone
                // (which waits for the batch's plan) was stuck that long; most runs of this test met it then.
                distinct.add(a.get(5, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size(), "every call got the first call's answer");
            assertEquals(1, query("SELECT COUNT(*) FROM time_entry WHERE item_id = ?", id(item)));
            assertEquals(7, query("SELECT logged_minutes FROM plan_item WHERE id = ?", id(item)));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A writer that stops while calls keep arriving leaves none of them waiting: a call queued before the stop, or
     * joining the queue as it happens, is handed back and runs alone; every call answers, and each wrote its entry.
     * (The race it covers, a call joining between the stop's drain and its own check, needs the stop to land between
     * two instructions, so one run may pass without meeting it; it never hangs when the writer is right.)
     */
    @Test
    void callsArrivingAsTheWriterStopsAllAnswer() throws Exception {
        Mentors.User u = mentors.user("stopping");
        Plan plan = mentors.plan(u);
        LogTimeWriter writer = tracker.service().context().createBean(LogTimeWriter.class);
        Caller owner = caller(u);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            for (int t = 0; t < threads; t++) {
                String item = plan.getItems(t % plan.getItemsCount()).getName();
                answered.add(pool.submit(() -> {
                    start.await();
                    int calls = 0;
                    for (int i = 0; i < 60; i++) {
                        writer.log(
                                owner,
                                Names.item(item, "plan_item"),
                                new LogTime.Command(1, null, ""),
                                null,
                                LogTimeResponse.parser(),
                                logged -> LogTimeResponse.getDefaultInstance());
                        calls++;
                    }
                    return calls;
                }));
            }
            start.await();
            Thread.sleep(20);
            writer.stop();
            int calls = 0;
            for (Future<Integer> f : answered) {
                calls += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(threads * 60, calls);
            assertEquals(threads * 60, entriesOf(plan));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String kind(LogTime.Outcome o) {
        return o.refused() == null
                ? "OK " + o.logged().minutes()
                : o.refused().kind().name();
    }

    private static void accepted(LogTime.Outcome o, int minutes) {
        assertNull(o.refused(), () -> "refused: " + o.refused().getMessage());
        assertEquals(minutes, o.logged().minutes());
    }

    private static void refused(LogTime.Outcome o, ErrorKind kind, String says) {
        assertNotNull(o.refused(), "accepted, but should have been refused");
        assertEquals(kind, o.refused().kind());
        assertTrue(o.refused().getMessage().contains(says), o.refused().getMessage());
    }

    private Caller caller(Mentors.User u) {
        return new Caller(users.findByHandle(u.handle()).orElseThrow());
    }

    private static LogTime.Request request(Caller caller, String item, int minutes, Integer day) {
        return new LogTime.Request(caller, Names.item(item, "plan_item"), new LogTime.Command(minutes, day, ""));
    }

    private static long id(String name) {
        return Long.parseLong(name.substring(name.lastIndexOf('/') + 1));
    }

    private void update(String sql, long arg) throws SQLException {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            ps.executeUpdate();
        }
    }

    private long query(String sql, long arg) throws SQLException {
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
