package dev.ascent.tracker.activity;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.ErrorKind;
import dev.ascent.common.grpc.StatusMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the activity table out to this instance's WatchActivity streams. One poller per instance reads every new
 * event by sequence (so writes through any instance sharing the database are seen) and offers each batch to the
 * live watchers' bounded queues; a watcher that is behind (resuming from a cursor, or whose client is slower than the
 * writes) has its queue refilled from the database by a catch-up worker, one page at a time and only while there is
 * room, then turns live again. Queues drain only while the client can take more, so a slow client costs one bounded
 * queue and no thread; a client that takes nothing for {@code stall-timeout} while events wait is ended with
 * UNAVAILABLE and its cursor. Visibility (own events, ACTIVE mentees') is re-read with every batch and every refill.
 *
 * <p>The poller never moves past a sequence that an open transaction may still commit ({@link SequenceGaps}), so
 * every stream gets every event in sequence order, once.
 */
@Singleton
public class ActivityHub {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityHub.class);
    static final int BATCH = 500;
    private static final long TOKEN_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long FAIL_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final StreamQueries queries;
    private final StatusMapper statuses;
    private final SequenceGaps gaps;
    private final int bufferLimit;
    private final long stallNanos;
    /** A quota, so one user cannot hold the catch-up threads and the poller's fan-out with thousands of streams. */
    private final int maxStreamsPerUser;

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    private final ExecutorService catchUps;

    private volatile long head = -1;
    private volatile Map<Long, Set<Long>> mentees = Map.of();
    private long lastTokenCheck = System.nanoTime();
    /** While no stream is open here, the poller reads the table only this often (it still ticks every interval). */
    private final long idleNanos;

    private long lastPollNanos;
    private long failingSinceNanos;
    private volatile boolean stopped;

    public ActivityHub(
            StreamQueries queries,
            StatusMapper statuses,
            @Value("${ascent.activity.poll-interval:100ms}") Duration pollInterval,
            @Value("${ascent.activity.idle-poll-interval:1s}") Duration idlePollInterval,
            @Value("${ascent.activity.gap-grace:1s}") Duration gapGrace,
            @Value("${ascent.activity.gap-max-wait:60s}") Duration gapMaxWait,
            @Value("${ascent.activity.buffer:1000}") int bufferLimit,
            @Value("${ascent.activity.stall-timeout:60s}") Duration stallTimeout,
            @Value("${ascent.activity.max-streams-per-user:10}") int maxStreamsPerUser) {
        this.maxStreamsPerUser = maxStreamsPerUser;
        this.queries = queries;
        this.statuses = statuses;
        this.gaps = new SequenceGaps(queries, gapGrace.toNanos(), gapMaxWait.toNanos());
        this.bufferLimit = bufferLimit;
        this.stallNanos = stallTimeout.toNanos();
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("activity-poller"));
        this.catchUps = Executors.newFixedThreadPool(4, daemon("activity-catch-up"));
        this.idleNanos = idlePollInterval.toNanos();
        poller.scheduleWithFixedDelay(this::tick, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The sequence up to which this instance has handed out events ("now" for a new stream). */
    public long head() {
        initHead();
        return head;
    }

    /** How many events a stream may have queued before it is fed from the database instead. */
    int bufferLimit() {
        return bufferLimit;
    }

    void add(Watch watch) {
        if (stopped) {
            throw ApiException.unavailable("SHUTTING_DOWN", "the server is shutting down; reconnect with your cursor");
        }
        initHead();
        synchronized (watches) {
            long mine = watches.stream().filter(w -> w.userId == watch.userId).count();
            if (mine >= maxStreamsPerUser) {
                throw new ApiException(
                        ErrorKind.RESOURCE_EXHAUSTED,
                        "TOO_MANY_STREAMS",
                        "at most " + maxStreamsPerUser
                                + " WatchActivity streams per user on one server; close one first",
                        List.of());
            }
            watches.add(watch);
        }
        watch.heartbeat(true);
        scheduleRefill(watch);
    }

    void remove(Watch watch) {
        watch.markClosed();
        watches.remove(watch);
    }

    /** Called when the client can take more messages again. */
    void resume(Watch watch) {
        watch.drain();
        scheduleRefill(watch);
    }

    /**
     * Every poll interval (100 ms by default) while a stream is open on this instance, so an event reaches its
     * watchers within about one interval of its commit (docs/PERFORMANCE.md, fan-out); every idle interval (1 s)
     * while none is, which keeps the head current for the next stream at one cheap query a second. A stream opened
     * while idle is served from the next tick.
     */
    private void tick() {
        long now = System.nanoTime();
        if (!watches.isEmpty() || lastPollNanos == 0 || now - lastPollNanos >= idleNanos) {
            lastPollNanos = now;
            pollSafely();
        }
    }

    private void pollSafely() {
        try {
            poll();
            failingSinceNanos = 0;
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (failingSinceNanos == 0) {
                failingSinceNanos = now;
                LOG.warn("activity poll failed: {}", e.toString());
            } else if (now - failingSinceNanos > FAIL_AFTER_NANOS) {
                failAll(ApiException.unavailable(
                        "DATABASE_UNAVAILABLE",
                        "the activity history cannot be read; " + "reconnect with your cursor"));
            }
        }
    }

    private synchronized void initHead() {
        if (head < 0) {
            head = gaps.initialHead();
        }
    }

    private void poll() {
        initHead();
        List<ActivityRow> rows;
        List<ActivityRow> accepted;
        do {
            rows = queries.after(head, BATCH);
            accepted = gaps.contiguous(head, rows);
            if (!accepted.isEmpty()) {
                long from = head;
                long newHead = accepted.get(accepted.size() - 1).seq();
                if (!watches.isEmpty()) {
                    mentees = queries.activeMentees(
                            watches.stream().map(w -> w.userId).distinct().toList());
                }
                // Moved before any offer: a watcher turning live reads it under its lock (see Watch.finishRefill).
                head = newHead;
                for (Watch w : watches) {
                    // A watcher added since the refresh has no entry yet; read its mentees rather than guess.
                    Set<Long> ms = mentees.containsKey(w.userId)
                            ? mentees.get(w.userId)
                            : queries.activeMentees(List.of(w.userId)).get(w.userId);
                    List<ActivityRow> batch = accepted;
                    guarded(w, () -> w.offer(batch, from, newHead, ms));
                }
            }
        } while (accepted.size() == BATCH);
        for (Watch w : watches) {
            if (w.closed()) {
                watches.remove(w);
            } else if (w.stalled(stallNanos)) {
                LOG.info(
                        "ending a WatchActivity stream of user {}: its client has read nothing for {} s",
                        w.userId,
                        TimeUnit.NANOSECONDS.toSeconds(stallNanos));
                w.endTooSlow();
                watches.remove(w);
            } else {
                guarded(w, () -> {
                    w.drain();
                    w.heartbeat(false);
                    scheduleRefill(w);
                });
            }
        }
        long now = System.nanoTime();
        if (now - lastTokenCheck > TOKEN_CHECK_NANOS) {
            lastTokenCheck = now;
            closeRevoked();
        }
    }

    /** One stream's trouble must not keep the batch from the others. */
    private void guarded(Watch w, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("activity stream of user {} failed: {}", w.userId, e.toString());
            w.fail(statuses.toStatusException(e));
            watches.remove(w);
        }
    }

    private void scheduleRefill(Watch watch) {
        long from = watch.startRefill();
        if (from < 0) {
            return;
        }
        if (stopped) {
            watch.refillFailed();
            return;
        }
        catchUps.execute(() -> refill(watch, from));
    }

    /** Reads the next page of the watcher's visible events after {@code from} (up to the head) into its queue. */
    private void refill(Watch watch, long from) {
        try {
            long upTo = head;
            List<ActivityRow> rows = List.of();
            long reached = upTo;
            if (from < upTo) {
                Set<Long> visible = new HashSet<>(
                        queries.activeMentees(List.of(watch.userId)).get(watch.userId));
                visible.add(watch.userId);
                if (watch.ownerFilter != null) {
                    visible.retainAll(Set.of(watch.ownerFilter));
                }
                int limit = Math.min(BATCH, watch.room());
                rows = queries.backlog(from, upTo, visible, watch.planFilter, limit);
                reached = rows.size() == limit ? rows.get(rows.size() - 1).seq() : upTo;
            }
            if (watch.finishRefill(rows, Math.max(from, reached), () -> head)) {
                scheduleRefill(watch);
            }
        } catch (RuntimeException e) {
            LOG.warn("activity catch-up failed: {}", e.toString());
            watch.refillFailed();
            watch.fail(statuses.toStatusException(ApiException.unavailable(
                    "DATABASE_UNAVAILABLE", "the activity history cannot be read; reconnect with your cursor")));
            watches.remove(watch);
        }
    }

    private void closeRevoked() {
        if (watches.isEmpty()) {
            return;
        }
        // One snapshot for the query and the check: a stream that opens in between was not asked about, and must
        // not be taken for revoked (a fan-out benchmark saw hundreds of new streams closed that way).
        List<Watch> checked = List.copyOf(watches);
        Set<String> valid = queries.validTokens(
                checked.stream().map(w -> w.tokenHash).distinct().toList());
        for (Watch w : checked) {
            if (!valid.contains(w.tokenHash)) {
                w.fail(statuses.toStatusException(ApiException.unauthenticated("the access token was revoked")));
                watches.remove(w);
            }
        }
    }

    private void failAll(ApiException why) {
        for (Watch w : watches) {
            w.fail(statuses.toStatusException(why));
            watches.remove(w);
        }
    }

    /** Ends every stream with UNAVAILABLE before the server waits for in-flight calls, so shutdown is not held up. */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        poller.shutdownNow();
        catchUps.shutdownNow();
        failAll(ApiException.unavailable("SHUTTING_DOWN", "the server is shutting down; reconnect with your cursor"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
