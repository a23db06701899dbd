package dev.ascent.tracker.activity;

import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WatchActivity client that keeps what it was sent, as a real follower would: its cursor (last event or heartbeat
 * cursor), every event with its arrival time, optionally reading slowly, and able to hang up and resume elsewhere
 * from its cursor. Messages of a call it already hung up on are ignored, as a client that closed it never sees them.
 */
final class Follower implements AutoCloseable {

    private final String label;
    private final long readDelayMillis;
    private final List<ActivityEvent> events = new ArrayList<>();
    private final List<Long> delaysMicros = new ArrayList<>();
    private long cursor = -1;
    private long startCursor = -1;
    private int generation;
    private Throwable failure;
    private ClientCallStreamObserver<WatchActivityRequest> call;

    private Follower(String label, long readDelayMillis) {
        this.label = label;
        this.readDelayMillis = readDelayMillis;
    }

    /** Opens a stream "from now"; {@code readDelayMillis} is spent on every message, as a slow reader would. */
    static Follower fromNow(String label, ActivityServiceGrpc.ActivityServiceStub stub, long readDelayMillis) {
        Follower f = new Follower(label, readDelayMillis);
        f.open(stub, 0);
        return f;
    }

    /** Opens a stream resuming after {@code seq}. */
    static Follower after(String label, ActivityServiceGrpc.ActivityServiceStub stub, long seq) {
        Follower f = new Follower(label, 0);
        synchronized (f) {
            f.cursor = seq;
            f.startCursor = seq;
        }
        f.open(stub, seq);
        return f;
    }

    private void open(ActivityServiceGrpc.ActivityServiceStub stub, long after) {
        int gen;
        synchronized (this) {
            gen = ++generation;
        }
        stub.watchActivity(
                WatchActivityRequest.newBuilder()
                        .setAfterSequence(after)
                        .setHeartbeatSeconds(1)
                        .build(),
                new ClientResponseObserver<WatchActivityRequest, WatchActivityResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchActivityRequest> requestStream) {
                        synchronized (Follower.this) {
                            call = requestStream;
                        }
                    }

                    @Override
                    public void onNext(WatchActivityResponse r) {
                        if (readDelayMillis > 0) {
                            sleep(readDelayMillis);
                        }
                        received(gen, r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        synchronized (Follower.this) {
                            if (gen == generation && failure == null) {
                                failure = t;
                            }
                            Follower.this.notifyAll();
                        }
                    }

                    @Override
                    public void onCompleted() {
                        onError(new IllegalStateException("the server completed the stream"));
                    }
                });
    }

    private synchronized void received(int gen, WatchActivityResponse r) {
        if (gen != generation) {
            return;
        }
        if (r.hasEvent()) {
            Instant now = Instant.now();
            ActivityEvent e = r.getEvent();
            events.add(e);
            long created = e.getCreateTime().getSeconds() * 1_000_000
                    + e.getCreateTime().getNanos() / 1000;
            delaysMicros.add(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - created);
            cursor = e.getSequence();
        } else {
            if (startCursor < 0) {
                startCursor = r.getHeartbeat().getCursor();
            }
            cursor = Math.max(cursor, r.getHeartbeat().getCursor());
        }
        notifyAll();
    }

    /** Hangs up, as a client that loses its connection does; what the server still sends is never seen. */
    synchronized long hangUp() {
        generation++;
        if (call != null) {
            call.cancel("hanging up to resume later", null);
        }
        return cursor;
    }

    /** Opens a new stream from the cursor, on whatever instance {@code stub} talks to. */
    void resume(ActivityServiceGrpc.ActivityServiceStub stub) {
        long from;
        synchronized (this) {
            from = cursor;
        }
        if (from <= 0) {
            throw new IllegalStateException(label + " has no cursor to resume from");
        }
        open(stub, from);
    }

    /** The cursor of the first heartbeat: every event after it belongs to this follower. */
    synchronized long awaitStart(long millis) throws InterruptedException {
        waitFor(() -> startCursor >= 0, millis, "a first heartbeat");
        return startCursor;
    }

    synchronized void awaitEvents(int count, long millis) throws InterruptedException {
        waitFor(() -> events.size() >= count, millis, count + " events");
    }

    /** Waits until the follower reached {@code seq} (an event or a heartbeat cursor at or past it). */
    synchronized void awaitCursor(long seq, long millis) throws InterruptedException {
        waitFor(() -> cursor >= seq, millis, "cursor " + seq);
    }

    private void waitFor(java.util.function.BooleanSupplier done, long millis, String what)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            if (failure != null) {
                throw new AssertionError(label + ": stream failed while waiting for " + what, failure);
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(label + ": no " + what + " within " + millis + " ms; cursor " + cursor + ", "
                        + events.size() + " events, last " + lastSeqs(5));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private List<Long> lastSeqs(int n) {
        return sequences().subList(Math.max(0, events.size() - n), events.size());
    }

    synchronized List<Long> sequences() {
        return events.stream().map(ActivityEvent::getSequence).toList();
    }

    synchronized List<ActivityEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<Long> delaysMicros() {
        return List.copyOf(delaysMicros);
    }

    String label() {
        return label;
    }

    @Override
    public synchronized void close() {
        hangUp();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
