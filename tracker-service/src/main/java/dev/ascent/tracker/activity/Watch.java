package dev.ascent.tracker.activity;

import com.google.protobuf.Timestamp;
import dev.ascent.proto.tracker.v1.Heartbeat;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One WatchActivity stream. Everything sent goes through this object's lock, because a gRPC stream observer is
 * not thread-safe and both the hub's poller and a catch-up task send on it. {@code cursor} is the sequence up to
 * which every event the watcher may see has been sent; it is what a heartbeat reports.
 */
final class Watch {

    final long userId;
    final String tokenHash;
    final Long ownerFilter;
    final Long planFilter;
    final long heartbeatNanos;
    private final ServerCallStreamObserver<WatchActivityResponse> out;

    private long cursor;
    private boolean live;
    private boolean catchingUp;
    private boolean closed;
    private long lastSendNanos;

    Watch(long userId, String tokenHash, Long ownerFilter, Long planFilter, long heartbeatNanos, long cursor,
          ServerCallStreamObserver<WatchActivityResponse> out) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.ownerFilter = ownerFilter;
        this.planFilter = planFilter;
        this.heartbeatNanos = heartbeatNanos;
        this.cursor = cursor;
        this.out = out;
    }

    /** Whether the watcher may see this event, given the owners it may see right now. */
    boolean accepts(ActivityRow row, Set<Long> mentees) {
        boolean visible = row.ownerId() == userId || mentees.contains(row.ownerId());
        return visible && (ownerFilter == null || ownerFilter == row.ownerId())
                && (planFilter == null || planFilter.equals(row.planId()));
    }

    synchronized long cursor() {
        return cursor;
    }

    /**
     * Sends the live batch (events up to {@code head}) if this watcher is live and its client keeps up. A watcher
     * whose client is not ready stops being live and later catches up from the database instead of buffering.
     */
    synchronized void deliverLive(Iterable<ActivityRow> rows, long head, Set<Long> mentees) {
        if (closed || !live) {
            return;
        }
        if (!out.isReady()) {
            live = false;
            return;
        }
        sendRows(rows, mentees);
        cursor = Math.max(cursor, head);
    }

    /** Sends a catch-up page and moves the cursor to {@code upTo}. False when the watcher closed meanwhile. */
    synchronized boolean deliverBacklog(Iterable<ActivityRow> rows, long upTo, Set<Long> mentees) {
        if (closed) {
            return false;
        }
        sendRows(rows, mentees);
        cursor = Math.max(cursor, upTo);
        return true;
    }

    private void sendRows(Iterable<ActivityRow> rows, Set<Long> mentees) {
        for (ActivityRow row : rows) {
            if (row.seq() > cursor && accepts(row, mentees)) {
                out.onNext(WatchActivityResponse.newBuilder().setEvent(ActivityProtoMapper.event(row)).build());
                lastSendNanos = System.nanoTime();
            }
        }
    }

    synchronized void heartbeat(boolean force) {
        long now = System.nanoTime();
        if (closed || (!force && (!live || now - lastSendNanos < heartbeatNanos || !out.isReady()))) {
            return;
        }
        Instant t = Instant.now();
        out.onNext(WatchActivityResponse.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                .setTime(Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()))
                .setCursor(cursor)).build());
        lastSendNanos = now;
    }

    /** Claims the catch-up for the caller unless one is running or the watcher is live. */
    synchronized boolean startCatchUp() {
        if (closed || live || catchingUp || !out.isReady()) {
            return false;
        }
        catchingUp = true;
        return true;
    }

    /**
     * Ends a catch-up round: live when the cursor reached the hub's head, else another round is due. The head is
     * read under this lock: the poller moves the head before it delivers to live watchers under the same lock, so
     * a watcher turning live either sees the new head or gets the batch.
     */
    synchronized boolean finishCatchUpIfCaughtUp(LongSupplier heads) {
        long head = heads.getAsLong();
        if (closed || cursor >= head || !out.isReady()) {
            live = !closed && cursor >= head;
            catchingUp = false;
            return true;
        }
        return false;
    }

    synchronized void stopCatchUp() {
        catchingUp = false;
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
        return true;
    }

    synchronized void fail(StatusRuntimeException status) {
        if (markClosed()) {
            try {
                out.onError(status);
            } catch (RuntimeException ignored) {
                // the call is already gone
            }
        }
    }
}
