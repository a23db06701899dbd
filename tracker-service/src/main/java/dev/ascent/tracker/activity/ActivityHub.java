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
import java.util.ArrayList;
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
 * event by sequence (so writes through any instance sharing the database are seen) and hands each batch to the
 * live watchers; a watcher that is behind (resuming from a cursor, or whose client was slow) catches up from the
 * database on a worker, then turns live. Visibility (own events, ACTIVE mentees') is re-read with every batch, so
 * an ended mentorship stops its mentee's events from the next poll on.
 *
 * <p>Sequences are allocated at insert but committed in any order, so a poll may see seq 11 before seq 10
 * commits. The poller therefore never moves past a gap until it is older than {@code gap-grace} (a rolled-back
 * insert leaves a permanent one), which keeps "no event lost" without waiting forever.
 */
@Singleton
public class ActivityHub {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityHub.class);
    static final int BATCH = 500;
    private static final long TOKEN_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long FAIL_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final StreamQueries queries;
    private final StatusMapper statuses;
    private final long gapGraceNanos;
    /** A quota, so one user cannot hold the catch-up threads and the poller's fan-out with thousands of streams. */
    private final int maxStreamsPerUser;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    private final ExecutorService catchUps;

    private volatile long head = -1;
    private volatile Map<Long, Set<Long>> mentees = Map.of();
    private long gapSeq = -1;
    private long gapSinceNanos;
    private long lastTokenCheck = System.nanoTime();
    private long failingSinceNanos;
    private volatile boolean stopped;

    public ActivityHub(StreamQueries queries, StatusMapper statuses,
                       @Value("${ascent.activity.poll-interval:250ms}") Duration pollInterval,
                       @Value("${ascent.activity.gap-grace:1s}") Duration gapGrace,
                       @Value("${ascent.activity.max-streams-per-user:10}") int maxStreamsPerUser) {
        this.maxStreamsPerUser = maxStreamsPerUser;
        this.queries = queries;
        this.statuses = statuses;
        this.gapGraceNanos = gapGrace.toNanos();
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("activity-poller"));
        this.catchUps = Executors.newFixedThreadPool(4, daemon("activity-catch-up"));
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The sequence up to which this instance has read the activity table ("now" for a new stream). */
    public long head() {
        long h = head;
        return h >= 0 ? h : queries.maxSeq();
    }

    void add(Watch watch) {
        if (stopped) {
            throw ApiException.unavailable("SHUTTING_DOWN", "the server is shutting down; reconnect with your cursor");
        }
        synchronized (watches) {
            long mine = watches.stream().filter(w -> w.userId == watch.userId).count();
            if (mine >= maxStreamsPerUser) {
                throw new ApiException(ErrorKind.RESOURCE_EXHAUSTED, "TOO_MANY_STREAMS", "at most "
                        + maxStreamsPerUser + " WatchActivity streams per user on one server; close one first",
                        List.of());
            }
            watches.add(watch);
        }
        watch.heartbeat(true);
        initHead();
        scheduleCatchUp(watch);
    }

    void remove(Watch watch) {
        watch.markClosed();
        watches.remove(watch);
    }

    /** Called when a client can take more messages again: a watcher that fell behind resumes. */
    void resume(Watch watch) {
        scheduleCatchUp(watch);
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
                failAll(ApiException.unavailable("DATABASE_UNAVAILABLE", "the activity history cannot be read; "
                        + "reconnect with your cursor"));
            }
        }
    }

    /** A watcher must never turn live before the head is known, or the first batch would skip its backlog. */
    private synchronized void initHead() {
        if (head < 0) {
            head = queries.maxSeq();
        }
    }

    private void poll() {
        initHead();
        List<ActivityRow> rows;
        do {
            rows = queries.after(head, BATCH);
            List<ActivityRow> accepted = contiguous(rows);
            if (!accepted.isEmpty()) {
                long newHead = accepted.get(accepted.size() - 1).seq();
                if (!watches.isEmpty()) {
                    mentees = queries.activeMentees(watches.stream().map(w -> w.userId).distinct().toList());
                }
                head = newHead;
                for (Watch w : watches) {
                    // A watcher added since the refresh has no entry yet; read its mentees rather than guess.
                    Set<Long> ms = mentees.containsKey(w.userId) ? mentees.get(w.userId)
                            : queries.activeMentees(List.of(w.userId)).get(w.userId);
                    w.deliverLive(accepted, newHead, ms);
                }
            }
            if (accepted.size() < rows.size()) {
                break;
            }
        } while (rows.size() == BATCH);
        long now = System.nanoTime();
        for (Watch w : watches) {
            if (w.closed()) {
                watches.remove(w);
            } else {
                w.heartbeat(false);
                scheduleCatchUp(w);
            }
        }
        if (now - lastTokenCheck > TOKEN_CHECK_NANOS) {
            lastTokenCheck = now;
            closeRevoked();
        }
    }

    /** The rows up to the first gap that is still young enough to be an uncommitted insert. */
    private List<ActivityRow> contiguous(List<ActivityRow> rows) {
        List<ActivityRow> out = new ArrayList<>();
        long expected = head + 1;
        for (ActivityRow row : rows) {
            if (row.seq() != expected) {
                long now = System.nanoTime();
                if (gapSeq != expected) {
                    gapSeq = expected;
                    gapSinceNanos = now;
                }
                if (now - gapSinceNanos < gapGraceNanos) {
                    break;
                }
            }
            out.add(row);
            expected = row.seq() + 1;
        }
        return out;
    }

    private void scheduleCatchUp(Watch watch) {
        if (!stopped && watch.startCatchUp()) {
            catchUps.execute(() -> catchUp(watch));
        }
    }

    /** Pages the watcher's visible events from its cursor to the head, then turns it live. */
    private void catchUp(Watch watch) {
        try {
            while (!watch.finishCatchUpIfCaughtUp(() -> head)) {
                long upTo = head;
                long from = watch.cursor();
                Set<Long> visible = new HashSet<>(queries.activeMentees(List.of(watch.userId)).get(watch.userId));
                visible.add(watch.userId);
                if (watch.ownerFilter != null) {
                    visible.retainAll(Set.of(watch.ownerFilter));
                }
                List<ActivityRow> rows = queries.backlog(from, upTo, visible, watch.planFilter, BATCH);
                long reached = rows.size() == BATCH ? rows.get(rows.size() - 1).seq() : upTo;
                if (!watch.deliverBacklog(rows, reached, visible)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("activity catch-up failed: {}", e.toString());
            watch.stopCatchUp();
            watch.fail(statuses.toStatusException(ApiException.unavailable("DATABASE_UNAVAILABLE",
                    "the activity history cannot be read; reconnect with your cursor")));
            watches.remove(watch);
        }
    }

    private void closeRevoked() {
        if (watches.isEmpty()) {
            return;
        }
        Set<String> valid = queries.validTokens(watches.stream().map(w -> w.tokenHash).distinct().toList());
        for (Watch w : watches) {
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
