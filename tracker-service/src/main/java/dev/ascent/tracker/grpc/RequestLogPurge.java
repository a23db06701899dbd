package dev.ascent.tracker.grpc;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires the request log: sealed secrets when their window ends, whole rows after the retention period (24 h by
 * default), so a retry older than that runs again. Each batch is one short transaction of at most {@link #BATCH}
 * rows, and one run does at most {@link #MAX_BATCHES} batches of each kind, so the purge never holds many locks or
 * a long transaction however far behind it is; the next run goes on where it stopped.
 */
@Singleton
public class RequestLogPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogPurge.class);
    static final int BATCH = 500;
    static final int MAX_BATCHES = 20;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration retention;

    public RequestLogPurge(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            Clock clock,
            @Value("${ascent.request-log.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    // The first run waits one interval too, so a test (or an operator) who sets a long interval gets no surprise run.
    @Scheduled(
            fixedDelay = "${ascent.request-log.purge-interval:1m}",
            initialDelay = "${ascent.request-log.purge-interval:1m}")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("request log purge failed, retrying at the next run: {}", e.toString());
        }
    }

    /** One run; returns the rows deleted plus the secrets cleared. */
    public int purge() {
        long now = InstantMicros.toMicros(clock.instant());
        int secrets = repeat(
                "UPDATE request_log SET sealed_secret = NULL, secret_expire_time = NULL "
                        + "WHERE secret_expire_time <= ? LIMIT " + BATCH,
                now);
        int rows = repeat(
                "DELETE FROM request_log WHERE create_time < ? LIMIT " + BATCH, now - retention.toNanos() / 1000);
        if (rows > 0 || secrets > 0) {
            LOG.info("request log: {} expired rows deleted, {} sealed secrets cleared", rows, secrets);
        }
        return rows + secrets;
    }

    private int repeat(String sql, long micros) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int done = transactions.executeWrite(status -> jdbc.prepareStatement(sql, ps -> {
                ps.setLong(1, micros);
                return ps.executeUpdate();
            }));
            total += done;
            if (done < BATCH) {
                break;
            }
        }
        return total;
    }
}
