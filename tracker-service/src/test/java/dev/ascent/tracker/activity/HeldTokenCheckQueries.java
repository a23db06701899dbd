package dev.ascent.tracker.activity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stream's queries, with a way to hold the hub's token check right after its query has answered: so a test can
 * open a stream exactly between the query and the check ({@link RevocationCheckRaceTest}). Only in a context with
 * {@code test.hold-token-check=true}; the database work is the real one.
 */
@ReadOnly // as StreamQueries: the annotation is not inherited
@Singleton
@Replaces(StreamQueries.class)
@Requires(property = "test.hold-token-check", value = "true")
class HeldTokenCheckQueries extends StreamQueries {

    /** Held: the check has its answer and waits. */
    record Hold(CountDownLatch queried, CountDownLatch release) {}

    static final AtomicReference<Hold> NEXT = new AtomicReference<>();

    HeldTokenCheckQueries(JdbcOperations jdbc) {
        super(jdbc);
    }

    @Override
    public Set<String> validTokens(Collection<String> hashes) {
        Set<String> valid = super.validTokens(hashes);
        Hold hold = NEXT.getAndSet(null);
        if (hold != null) {
            hold.queried().countDown();
            try {
                if (!hold.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the token check");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return valid;
    }
}
