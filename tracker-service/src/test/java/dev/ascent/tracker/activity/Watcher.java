package dev.ascent.tracker.activity;

import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.proto.tracker.v1.WatchActivityResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WatchActivity client for tests: collects what the stream sends and can hang up. */
public final class Watcher implements AutoCloseable {

    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private volatile ClientCallStreamObserver<WatchActivityRequest> call;

    private Watcher() {}

    public static Watcher start(ActivityServiceGrpc.ActivityServiceStub stub, WatchActivityRequest request) {
        Watcher w = new Watcher();
        stub.watchActivity(request, new ClientResponseObserver<WatchActivityRequest, WatchActivityResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WatchActivityRequest> requestStream) {
                w.call = requestStream;
            }

            @Override
            public void onNext(WatchActivityResponse value) {
                w.received.add(value);
            }

            @Override
            public void onError(Throwable t) {
                w.received.add(t);
            }

            @Override
            public void onCompleted() {
                w.received.add("completed");
            }
        });
        return w;
    }

    /** The next message, or null after the timeout; a stream error is returned as the Throwable. */
    public Object next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Events until one matches {@code last} (included); fails after the timeout. */
    public List<ActivityEvent> eventsUntil(Predicate<ActivityEvent> last, long millis) throws InterruptedException {
        List<ActivityEvent> out = new ArrayList<>();
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            Object m = next(Math.max(1, until - System.currentTimeMillis()));
            if (m instanceof Throwable t) {
                throw new AssertionError("stream failed", t);
            }
            if (m instanceof WatchActivityResponse r && r.hasEvent()) {
                out.add(r.getEvent());
                if (last.test(r.getEvent())) {
                    return out;
                }
            }
        }
        throw new AssertionError("no matching event within " + millis + " ms; got " + out);
    }

    /** Events until a heartbeat whose cursor is at least {@code seq}: everything visible up to seq was sent. */
    public List<ActivityEvent> eventsUntilCursor(long seq, long millis) throws InterruptedException {
        List<ActivityEvent> out = new ArrayList<>();
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            Object m = next(Math.max(1, until - System.currentTimeMillis()));
            if (m instanceof Throwable t) {
                throw new AssertionError("stream failed", t);
            }
            if (m instanceof WatchActivityResponse r) {
                if (r.hasEvent()) {
                    out.add(r.getEvent());
                } else if (r.getHeartbeat().getCursor() >= seq) {
                    return out;
                }
            }
        }
        throw new AssertionError("no heartbeat past " + seq + " within " + millis + " ms; got " + out);
    }

    @Override
    public void close() {
        if (call != null) {
            call.cancel("test done", null);
        }
    }
}
