package dev.ascent.tracker.activity;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.ascent.common.grpc.StatusMapper;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One WatchActivity stream: a bounded queue of events to send, drained only while gRPC says the client can take
 * more ({@code isReady}), so a slow client is never buffered without limit and never blocks a thread.
 *
 * <p>Two positions, both sequences: everything the watcher may see up to {@code queuedUpTo} is sent or queued, and
 * the heartbeat cursor ({@link #cursor()}) is the point up to which it has all been sent. A watcher is <em>live</em>
 * while the poller's batches are queued for it directly; when its queue would overflow (the client is slower than
 * the writes) it stops being live and the hub refills the queue from the database, from {@code queuedUpTo}, until it
 * reaches the poller's head again. Everything happens under this object's lock: the stream is not thread-safe,
 * and the poller, catch-up workers and gRPC's on-ready callback all touch it.
 */
final class Watch {

    final long userId;
    final String tokenHash;
    final Long ownerFilter;
    final Long planFilter;
    private final long heartbeatNanos;
    private final int bufferLimit;
    private final WatchStream out;
    private final ArrayDeque<ActivityRow> queue = new ArrayDeque<>();

    private long queuedUpTo;
    private boolean live;
    private boolean refilling;
    private boolean closed;
    private long lastSendNanos = System.nanoTime();

    Watch(
            long userId,
            String tokenHash,
            Long ownerFilter,
            Long planFilter,
            long heartbeatNanos,
            long cursor,
            int bufferLimit,
            WatchStream out) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.ownerFilter = ownerFilter;
        this.planFilter = planFilter;
        this.heartbeatNanos = heartbeatNanos;
        this.queuedUpTo = cursor;
        this.bufferLimit = bufferLimit;
        this.out = out;
    }

    /** Whether the watcher may see this event, given the owners it may see right now. */
    boolean accepts(ActivityRow row, Set<Long> mentees) {
        boolean visible = row.ownerId() == userId || mentees.contains(row.ownerId());
        return visible
                && (ownerFilter == null || ownerFilter == row.ownerId())
                && (planFilter == null || planFilter.equals(row.planId()));
    }

    /** Every event up to this sequence that the watcher may see has been sent. */
    synchronized long cursor() {
        return queue.isEmpty() ? queuedUpTo : queue.peekFirst().seq() - 1;
    }

    /**
     * The poller's batch: events in (from, head]. Queued when live and there is room; otherwise the watcher stays
     * (or becomes) behind and the hub reads these events from the database later.
     */
    synchronized void offer(List<ActivityRow> rows, long from, long head, Set<Long> mentees) {
        if (closed || !live) {
            return;
        }
        if (queuedUpTo < from) {
            live = false; // cannot happen while live; reading from the database is always safe
            return;
        }
        List<ActivityRow> mine = rows.stream()
                .filter(r -> r.seq() > queuedUpTo && accepts(r, mentees))
                .toList();
        if (queue.size() + mine.size() > bufferLimit) {
            live = false;
        } else {
            queue.addAll(mine);
            queuedUpTo = Math.max(queuedUpTo, head);
        }
        drain();
    }

    /** Sends queued events while the client can take them. */
    synchronized void drain() {
        while (!closed && !queue.isEmpty() && out.isReady()) {
            ActivityRow next = queue.pollFirst();
            send(() -> out.event(next));
        }
    }

    /** Claims a refill from the database: returns the sequence to read after, or -1 when none is due. */
    synchronized long startRefill() {
        if (closed || live || refilling || queue.size() > bufferLimit / 2) {
            return -1;
        }
        refilling = true;
        return queuedUpTo;
    }

    /** How many events a refill may read now. */
    synchronized int room() {
        return bufferLimit - queue.size();
    }

    /**
     * Queues a refill's events (the database's visible events in (start, reached]) and turns live when {@code reached} is the
     * poller's head. The head is read under this lock and the poller moves it before it offers a batch under the
     * same lock, so a watcher turning live either sees the new head here or is offered that batch. Returns whether
     * another refill is due right away.
     */
    synchronized boolean finishRefill(List<ActivityRow> rows, long reached, LongSupplier head) {
        refilling = false;
        if (closed) {
            return false;
        }
        for (ActivityRow r : rows) {
            if (r.seq() > queuedUpTo) {
                queue.addLast(r);
            }
        }
        queuedUpTo = Math.max(queuedUpTo, reached);
        live = queuedUpTo >= head.getAsLong();
        drain();
        return !live && queue.size() <= bufferLimit / 2;
    }

    synchronized void refillFailed() {
        refilling = false;
    }

    /** A heartbeat when nothing was sent for the watcher's interval (or {@code force}) and the client can take it. */
    synchronized void heartbeat(boolean force) {
        long now = System.nanoTime();
        if (closed || (!force && (now - lastSendNanos < heartbeatNanos || !queue.isEmpty() || !out.isReady()))) {
            return;
        }
        Instant time = Instant.now();
        long cursor = cursor();
        send(() -> out.heartbeat(time, cursor));
    }

    /**
     * True when events wait but the client has taken nothing for {@code stallNanos}: such a stream is ended (see
     * {@link #endTooSlow}) rather than kept open without progress.
     */
    synchronized boolean stalled(long stallNanos) {
        boolean waiting = !queue.isEmpty() || !live;
        return !closed && waiting && !out.isReady() && System.nanoTime() - lastSendNanos > stallNanos;
    }

    /** Ends the stream with UNAVAILABLE and the cursor to resume from, in the message and in ErrorInfo metadata. */
    synchronized void endTooSlow() {
        long c = cursor();
        fail(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .setMessage("the client has not read the stream for too long; resume with after_sequence " + c)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason("CLIENT_TOO_SLOW")
                        .setDomain(StatusMapper.DOMAIN)
                        .putMetadata("cursor", Long.toString(c))
                        .build()))
                .build()));
    }

    private void send(Runnable message) {
        try {
            message.run();
            lastSendNanos = System.nanoTime();
        } catch (RuntimeException e) {
            // The call ended under us (cancelled or closed); nothing more can be sent on it.
            closed = true;
            queue.clear();
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Marks it closed; returns false when it already was (cancelled by the client or closed before). */
    synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        queue.clear();
        return true;
    }

    synchronized void fail(StatusRuntimeException status) {
        if (markClosed()) {
            try {
                out.fail(status);
            } catch (RuntimeException ignored) {
                // the call is already gone
            }
        }
    }
}
