package dev.ascent.tracker.plan;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestFingerprint;
import dev.ascent.common.grpc.StatusMapper;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import io.grpc.Context;
import io.grpc.Status;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit of LogTime: concurrent calls are written together, in one transaction of a fixed number of
 * statements ({@link LogTime#logAll}), by one writer thread. A call waits for its batch's commit, so it answers
 * only once its entry is durable, as before; what it saves is the per-transaction cost (about eight round trips and
 * a log flush) shared by the calls that arrived while the previous batch was being written. A call alone is a batch
 * of one. While batches keep coming, the writer keeps its connection out of autocommit between them
 * ({@link #writeWhileQueued}).
 *
 * <p>Each call's outcome is decided as if it ran alone after the calls before it in the batch; a refused call
 * writes nothing and does not affect the others. A batch does not wait for a plan that another transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}), so one busy plan holds up no other: that plan's calls are deferred and go first
 * into the next batches, until the lock is free or {@link #MAX_DEFER_NANOS} has passed; then they run alone, waiting
 * for the lock as any write does. (They used to run alone at once; under load on one plan that fed itself: the calls
 * running alone held the plan's lock, so the next batches' calls on it were deferred and ran alone too, and the plan
 * stayed at one transaction per call, about a seventh of the batched rate, until the load stopped.) With a
 * {@code request_id}, a retry of a stored call is answered
 * before queueing, and the batch stores each accepted call's response with its id ({@link Idempotency#saveAll}).
 * When the batch's transaction fails on contention (an id claimed by a concurrent call, a lock wait timeout, a
 * deadlock) or any other failure but the database's absence, nothing of it was written and each of its calls runs
 * alone through {@link Idempotency#run}, the path every other write takes; when the database is unreachable, that
 * is each call's error at once (not after a second wait for a connection).
 */
@Singleton
public class LogTimeWriter {

    static final String METHOD = "LogTime";
    /** Calls in one batch at most: bounds a transaction's statements' size and its locks. */
    static final int MAX_BATCH = 64;
    /**
     * How long the writer keeps one connection while batches keep coming; then it gives it back to the pool (which
     * may retire it) and borrows one again.
     */
    static final long KEEP_CONNECTION_NANOS = 1_000_000_000L;
    /**
     * How long a call whose plan another transaction holds is tried again in the next batches before it runs alone
     * (and waits for the lock in the database). Writes hold a plan for milliseconds; this is for the long ones.
     */
    static final long MAX_DEFER_NANOS = 200_000_000L;
    /** The pause before a batch of deferred calls alone is tried again: the holder's transaction is under way. */
    private static final long RETRY_PAUSE_NANOS = 1_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(LogTimeWriter.class);
    private static final Object RUN_ALONE = new Object();
    /** A batch's answer for a call whose plan was held elsewhere: it goes into the next batch. */
    private static final Object DEFER = new Object();

    private static final class Pending {
        final LogTime.Request request;
        final String requestId;
        final String requestHash;
        final Context context;
        final Function<LogTime.Logged, ? extends Message> render;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        /** When a batch first found this call's plan held elsewhere ({@link System#nanoTime}); 0 if never. */
        long deferredSince;

        Pending(
                LogTime.Request request,
                String requestId,
                String requestHash,
                Context context,
                Function<LogTime.Logged, ? extends Message> render) {
            this.request = request;
            this.requestId = requestId;
            this.requestHash = requestHash;
            this.context = context;
            this.render = render;
        }

        LogTime.Request request() {
            return request;
        }
    }

    private final LogTime logTime;
    private final Idempotency idempotency;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    /** Bounded by the calls in flight; full (never in practice), a call runs alone. */
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
    /** Calls deferred by the last batch, first in the next one; the writer thread's alone. */
    private final List<Pending> deferred = new ArrayList<>(MAX_BATCH);
    /**
     * The request ids (user/id) of calls running alone now, with how many run each. A call alone claims its id,
     * then locks its plan; a batch locks its plans, then claims its ids. A batch that would claim an id a call alone
     * holds gives up instead ({@link ClaimHeldAlone}): waiting for that claim while holding the plan the call alone
     * waits for is a deadlock, which MariaDB breaks at once but H2 only after its lock timeout (10 s).
     */
    private final ConcurrentHashMap<String, Integer> claimsAlone = new ConcurrentHashMap<>();
    /** Calls handed back to run alone, for tests and profiles. */
    private final AtomicLong ranAlone = new AtomicLong();

    /**
     * One writer thread, so one batch in flight and one pooled connection: it makes the largest batches. Measured
     * on MariaDB, 32 users: one writer 0.157-0.17x of raw UPDATEs, two 0.12-0.16x, four 0.11-0.13x (with two or
     * four taking plans by hash, so their batches never meet). A batch never waits for a plan another transaction
     * holds (those calls run alone instead), so the one writer is not held up by a busy plan.
     */
    private final Thread writer;

    private volatile boolean stopped;

    public LogTimeWriter(
            LogTime logTime,
            Idempotency idempotency,
            TransactionOperations<Connection> transactions,
            ConnectionOperations<Connection> connections) {
        this.logTime = logTime;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.connections = connections;
        writer = new Thread(this::run, "log-time-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Logs the time and answers {@code render} of what was logged: the response stored for {@code requestId} (if
     * any) and returned to a retry.
     */
    public <T extends Message> T log(
            Caller caller,
            Names.ItemName name,
            LogTime.Command command,
            String requestId,
            Parser<T> parser,
            Function<LogTime.Logged, T> render) {
        Optional<T> stored = idempotency.replay(caller, requestId, METHOD, parser);
        if (stored.isPresent()) {
            return stored.get();
        }
        LogTime.Request request = new LogTime.Request(caller, name, command);
        Pending pending =
                new Pending(request, requestId, RequestFingerprint.current().orElse(null), Context.current(), render);
        if (stopped || !queue.offer(pending)) {
            return alone(request, requestId, parser, render);
        }
        if (stopped) {
            sendBackQueued(); // stop() may have emptied the queue just before this call joined it
        }
        Object result;
        try {
            result = pending.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("INTERRUPTED", "interrupted while the time entry was being written");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (result == RUN_ALONE) {
            ranAlone.incrementAndGet();
            return alone(request, requestId, parser, render);
        }
        if (result instanceof LogTime.Logged logged) {
            return render.apply(logged); // here, not on the writer thread: every batch waits for that one
        }
        @SuppressWarnings("unchecked") // a stored response is what this call's render made
        T response = (T) result;
        return response;
    }

    private <T extends Message> T alone(
            LogTime.Request r, String requestId, Parser<T> parser, Function<LogTime.Logged, T> render) {
        String claim = requestId == null || requestId.isEmpty()
                ? null
                : claimKey(r.caller().userId(), requestId);
        if (claim != null) {
            claimsAlone.merge(claim, 1, Integer::sum);
        }
        try {
            return idempotency.run(
                    r.caller(),
                    requestId,
                    METHOD,
                    parser,
                    () -> render.apply(logTime.log(r.caller(), r.name(), r.command())));
        } finally {
            if (claim != null) {
                claimsAlone.computeIfPresent(claim, (k, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    private static String claimKey(long userId, String requestId) {
        return userId + "/" + requestId;
    }

    /** Calls that were handed back to run alone since this writer started. */
    long callsRunAlone() {
        return ranAlone.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopped) {
            try {
                if (!next(batch, true)) {
                    continue;
                }
            } catch (InterruptedException e) {
                break;
            }
            try {
                connections.executeWrite(status -> writeWhileQueued(status.getConnection(), batch));
            } catch (RuntimeException e) {
                // No connection: the database is away (health reports it), so each call's error, as write() does.
                if (!StatusMapper.isDatabaseUnavailable(e)) {
                    LOG.error("LogTime batch failed", e);
                }
                batch.forEach(p -> p.result.completeExceptionally(e));
            } catch (Throwable t) { // never leave a caller waiting
                LOG.error("LogTime batch failed", t);
                batch.forEach(p -> p.result.completeExceptionally(t));
            }
            batch.clear();
        }
        // Stopped: what next() had gathered when the stop interrupted it, and what is deferred, runs alone.
        batch.forEach(p -> p.result.complete(RUN_ALONE));
        deferred.forEach(p -> p.result.complete(RUN_ALONE));
        deferred.clear();
    }

    /**
     * Fills the empty {@code batch}: the deferred calls first, then the queued ones. With no deferred call, waits for
     * one to queue when {@code wait}; with deferred calls only, waits {@link #RETRY_PAUSE_NANOS} for new ones, so a
     * held plan is asked again about once a millisecond, not as fast as the database answers. False when the batch
     * is empty.
     */
    private boolean next(List<Pending> batch, boolean wait) throws InterruptedException {
        batch.addAll(deferred);
        deferred.clear();
        if (batch.isEmpty() && wait) {
            batch.add(queue.take());
        }
        int queued = queue.drainTo(batch, MAX_BATCH - batch.size());
        if (queued == 0 && !batch.isEmpty() && batch.size() < MAX_BATCH && batch.get(0).deferredSince != 0) {
            Pending arrived = queue.poll(RETRY_PAUSE_NANOS, TimeUnit.NANOSECONDS);
            if (arrived != null) {
                batch.add(arrived);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
        }
        return !batch.isEmpty();
    }

    /**
     * Writes {@code batch}, then each batch that queued meanwhile, on {@code connection} kept out of autocommit: each
     * transaction then starts with its first statement and ends with its {@code COMMIT}, two round trips fewer than a
     * transaction on a pooled connection ({@code SET autocommit=0} and {@code =1} around it). Gives the connection back
     * when the queue is empty, when a batch failed (the connection may be broken), or after
     * {@link #KEEP_CONNECTION_NANOS}. Leaves {@code batch} empty.
     */
    private Void writeWhileQueued(Connection connection, List<Pending> batch) {
        long giveBack = System.nanoTime() + KEEP_CONNECTION_NANOS;
        try {
            connection.setAutoCommit(false);
            try {
                while (write(batch)) {
                    batch.clear();
                    if (stopped || System.nanoTime() - giveBack > 0 || !next(batch, false)) {
                        break;
                    }
                }
                batch.clear();
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (InterruptedException e) {
            // stop(): the loop in run() ends and hands back what is deferred
            Thread.currentThread().interrupt();
            batch.forEach(p -> p.result.complete(RUN_ALONE));
            batch.clear();
        } catch (SQLException e) {
            // Switching autocommit failed: the connection broke (a database outage closes it under the writer), so
            // the pending calls get UNAVAILABLE, as for any call whose connection died, and no error is logged.
            throw new ConnectionException("the LogTime writer's connection failed", e);
        }
        return null;
    }

    /** Writes {@code batch} in one transaction and answers each of its calls; false when that transaction failed. */
    private boolean write(List<Pending> batch) {
        // A call whose client has gone (cancelled, or past its deadline) is not written: nobody would get its answer.
        batch.removeIf(p -> {
            if (p.context.isCancelled()) {
                p.result.completeExceptionally(Status.CANCELLED
                        .withDescription("the call was cancelled before its time entry was written")
                        .asRuntimeException());
                return true;
            }
            return false;
        });
        if (batch.isEmpty()) {
            return true;
        }
        List<Object> results;
        try {
            results = transactions.executeWrite(status -> {
                List<LogTime.Outcome> outcomes =
                        logTime.logAll(batch.stream().map(Pending::request).toList(), true);
                List<Object> out = new ArrayList<>(batch.size());
                List<Idempotency.Saved> saved = new ArrayList<>();
                long now = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    Pending p = batch.get(i);
                    LogTime.Outcome outcome = outcomes.get(i);
                    if (outcome.deferred()) {
                        if (p.deferredSince == 0) {
                            p.deferredSince = now;
                        }
                        out.add(now - p.deferredSince < MAX_DEFER_NANOS ? DEFER : RUN_ALONE);
                        continue;
                    }
                    if (outcome.refused() != null) {
                        out.add(outcome.refused());
                        continue;
                    }
                    if (p.requestId == null || p.requestId.isEmpty()) {
                        out.add(outcome.logged());
                    } else {
                        Message response = p.render.apply(outcome.logged());
                        out.add(response);
                        saved.add(new Idempotency.Saved(
                                p.request.caller().userId(),
                                p.requestId,
                                METHOD,
                                p.requestHash,
                                response.toByteArray()));
                    }
                }
                for (Idempotency.Saved s : saved) {
                    if (claimsAlone.containsKey(claimKey(s.userId(), s.requestId()))) {
                        throw new ClaimHeldAlone();
                    }
                }
                idempotency.saveAll(saved);
                return out;
            });
        } catch (RuntimeException e) {
            boolean contention = Idempotency.isContention(e) || e instanceof ClaimHeldAlone;
            if (StatusMapper.isDatabaseUnavailable(e) || (batch.size() == 1 && !contention)) {
                batch.forEach(p -> p.result.completeExceptionally(e));
            } else {
                // Nothing of the batch was written. Contention, or (never seen) a failure one call may have caused:
                // each call runs alone, so at most that one fails.
                batch.forEach(p -> p.result.complete(RUN_ALONE));
            }
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object r = results.get(i);
            if (r == DEFER) {
                deferred.add(batch.get(i));
            } else if (r instanceof ApiException refused) {
                batch.get(i).result.completeExceptionally(refused);
            } else {
                batch.get(i).result.complete(r);
            }
        }
        return true;
    }

    /** A batch's request id is claimed by a call running alone: the batch rolls back and its calls run alone. */
    private static final class ClaimHeldAlone extends RuntimeException {
        ClaimHeldAlone() {
            super("a request id of the batch is claimed by a call running alone", null, false, false);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        writer.interrupt();
        sendBackQueued();
    }

    /** Hands every queued call back to its caller to run alone: nothing writes batches any more. */
    private void sendBackQueued() {
        for (Pending p; (p = queue.poll()) != null; ) {
            p.result.complete(RUN_ALONE);
        }
    }
}
