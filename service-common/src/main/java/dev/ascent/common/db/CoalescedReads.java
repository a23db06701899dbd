package dev.ascent.common.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads by key, many callers' keys in one query. A caller that finds no read in flight reads at once, its own key
 * alone (no wait when idle); callers that arrive while a read is in flight queue, and the first of them, once that read
 * is done, reads every queued key in one query and hands each caller its value. Under load one round trip to the
 * database then answers many calls instead of one each.
 *
 * <p>A caller's value comes from a query that started after the caller asked, so it sees every write that committed
 * before the call began, as a read of its own would. No thread of its own: the reading is done by a caller's
 * thread, and every caller waits for exactly one read that includes its key.
 *
 * @param <K> the key
 * @param <V> the value; a key the batch does not answer gets null
 */
public final class CoalescedReads<K, V> {

    /** Reads the values of a set of keys; a key without a value is left out of the map. */
    @FunctionalInterface
    public interface BatchRead<K, V> {
        Map<K, V> read(Set<K> keys);
    }

    private static final Object LEAD = new Object();

    private final class Request {
        final K key;
        final CompletableFuture<Object> done = new CompletableFuture<>();

        Request(K key) {
            this.key = key;
        }
    }

    private final BatchRead<K, V> read;
    private final int maxKeys;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean reading;

    /** {@code maxKeys}: a read answers at most this many calls, so its query has at most this many keys. */
    public CoalescedReads(BatchRead<K, V> read, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.read = read;
        this.maxKeys = maxKeys;
    }

    /** The value of {@code key} (null when there is none), read by a query that began after this call did. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Request mine = new Request(key);
        boolean lead;
        synchronized (this) {
            queue.add(mine);
            lead = !reading;
            reading = true;
        }
        if (!lead) {
            Object answer = await(mine);
            if (answer != LEAD) {
                return (V) answer;
            }
        }
        // leading: mine is the queue's head (a queue that holds requests always has a leader), so it is in the batch
        List<Request> batch;
        synchronized (this) {
            int n = Math.min(maxKeys, queue.size());
            batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(queue.poll());
            }
        }
        try {
            Set<K> keys = new HashSet<>();
            batch.forEach(r -> keys.add(r.key));
            Map<K, V> values = read.read(keys);
            batch.forEach(r -> r.done.complete(values.get(r.key))); // mine may hold LEAD already: it reads below
            return values.get(key);
        } catch (RuntimeException | Error e) {
            batch.forEach(r -> r.done.completeExceptionally(e));
            throw e;
        } finally {
            synchronized (this) {
                Request next = queue.peek();
                if (next == null) {
                    reading = false;
                } else {
                    next.done.complete(LEAD); // it reads next, on its own thread
                }
            }
        }
    }

    /** Requests waiting for a read to take them (for tests). */
    synchronized int waiting() {
        return queue.size();
    }

    private static Object await(CoalescedReads<?, ?>.Request request) {
        try {
            return request.done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
