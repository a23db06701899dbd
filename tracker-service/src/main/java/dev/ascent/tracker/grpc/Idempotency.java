package dev.ascent.tracker.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.ascent.common.db.BatchInserts;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.db.SqlErrors;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestFingerprint;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Idempotent writes (AIP-155). A write with a {@code request_id} claims the id by inserting a request_log row in the
 * same transaction as the write, and stores the response there. A retry finds the stored response and returns it
 * without doing anything; a concurrent retry blocks on the claimed key until the first commits, then does the same.
 * A write that fails rolls back its claim, so a retry after a failure runs again.
 *
 * <p>A response that carries a token secret ({@link Secret}) is stored without it; the secret is kept sealed by
 * {@link SecretSealer} until the secret window ends, so a prompt retry still gets it and nothing in the database
 * reveals it. Rows are deleted after the retention period by {@link RequestLogPurge}. The id is tied to its request
 * by {@link RequestFingerprint}: the same id with a different request is INVALID_ARGUMENT, not the first response.
 */
@Singleton
public class Idempotency {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int ATTEMPTS = 50;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SecretSealer sealer;
    private final Duration secretWindow;

    public Idempotency(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            Clock clock,
            SecretSealer sealer,
            @Value("${ascent.request-log.secret-window:10m}") Duration secretWindow) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.sealer = sealer;
        this.secretWindow = secretWindow;
    }

    /**
     * How a response carries a secret that must not be stored as it is.
     *
     * @param of       the secret in a response
     * @param withheld a response without its secret, marked as withheld: what is stored, and what late retries get
     * @param restored a withheld response with its secret put back
     */
    public record Secret<T>(Function<T, String> of, UnaryOperator<T> withheld, BiFunction<T, String, T> restored) {}

    public <T extends Message> T run(
            Principal caller, String requestId, String method, Parser<T> parser, Supplier<T> write) {
        return run(caller, requestId, method, parser, () -> null, ignored -> write.get());
    }

    /** As {@link #run(Principal, String, String, Parser, Supplier)} for a response that carries a secret. */
    public <T extends Message> T runWithSecret(
            Principal caller, String requestId, String method, Parser<T> parser, Secret<T> secret, Supplier<T> write) {
        return run(caller, requestId, method, parser, secret, () -> null, ignored -> write.get());
    }

    /**
     * As {@link #run(Principal, String, String, Parser, Supplier)}, with a {@code prepare} step that runs once, after
     * a retry has been ruled out and before the write's transaction opens: the place for a call to another service,
     * so no transaction (and no pooled connection) waits on it.
     */
    public <P, T extends Message> T run(
            Principal caller,
            String requestId,
            String method,
            Parser<T> parser,
            Supplier<P> prepare,
            Function<P, T> write) {
        return run(caller, requestId, method, parser, null, prepare, write);
    }

    private <P, T extends Message> T run(
            Principal caller,
            String requestId,
            String method,
            Parser<T> parser,
            Secret<T> secret,
            Supplier<P> prepare,
            Function<P, T> write) {
        if (requestId == null || requestId.isEmpty()) {
            return write.apply(prepare.get());
        }
        checkFormat(requestId);
        Optional<T> first = stored(caller, requestId, method, parser, secret);
        if (first.isPresent()) {
            return first.get();
        }
        P prepared = prepare.get();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<T> stored = attempt == 0 ? Optional.empty() : stored(caller, requestId, method, parser, secret);
            if (stored.isPresent()) {
                return stored.get();
            }
            try {
                return transactions.executeWrite(status -> {
                    claim(caller, requestId, method);
                    T response = write.apply(prepared);
                    saveResponse(caller, requestId, response, secret);
                    return response;
                });
            } catch (RuntimeException e) {
                if (!isContention(e)) {
                    throw e;
                }
                // Another call with the same id holds or just committed the claim: look again.
                pause();
            }
        }
        throw ApiException.aborted(
                "REQUEST_IN_PROGRESS", "a request with request_id " + requestId + " is still in progress; retry later");
    }

    /** A write's response to store for its request id: see {@link #saveAll}. */
    public record Saved(long userId, String requestId, String method, String requestHash, byte[] response) {}

    /**
     * The stored response of an earlier call with {@code requestId}, as {@link #run} would return it (and its
     * INVALID_ARGUMENT for a malformed or reused id); empty without an id or when none is stored. For a writer that
     * writes with {@link #saveAll} and falls back to {@link #run}.
     */
    public <T extends Message> Optional<T> replay(Principal caller, String requestId, String method, Parser<T> parser) {
        if (requestId == null || requestId.isEmpty()) {
            return Optional.empty();
        }
        checkFormat(requestId);
        return stored(caller, requestId, method, parser, null);
    }

    /**
     * Claims the request ids and stores their responses in the caller's transaction, in one batch: the claim of
     * {@link #run} and its stored response at once. An id already claimed (an earlier call, or a concurrent one that
     * holds it) fails the batch with a duplicate key or a lock wait ({@link #isContention}); the writer then rolls
     * back and runs each write through {@link #run}. No secrets: a response that carries one goes through
     * {@link #runWithSecret}.
     */
    public void saveAll(List<Saved> saved) {
        if (saved.isEmpty()) {
            return;
        }
        long micros = InstantMicros.toMicros(clock.instant());
        BatchInserts.insert(
                jdbc,
                "INSERT INTO request_log (user_id, request_id, method, response, create_time, request_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                saved,
                (ps, s) -> {
                    ps.setLong(1, s.userId());
                    ps.setString(2, s.requestId());
                    ps.setString(3, s.method());
                    ps.setBytes(4, s.response());
                    ps.setLong(5, micros);
                    ps.setString(6, s.requestHash());
                });
    }

    private static void checkFormat(String requestId) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw ApiException.invalid("request_id", "must be 1 to 64 letters, digits or . _ : - (a UUID is ideal)");
        }
    }

    private <T extends Message> Optional<T> stored(
            Principal caller, String requestId, String method, Parser<T> parser, Secret<T> secret) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT method, response, sealed_secret, "
                        + "secret_expire_time, request_hash FROM request_log WHERE user_id = ? AND request_id = ?",
                ps -> {
                    ps.setLong(1, caller.userId());
                    ps.setString(2, requestId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<T>empty();
                        }
                        if (!rs.getString(1).equals(method)) {
                            throw ApiException.invalid(
                                    "request_id",
                                    "was already used for a " + rs.getString(1)
                                            + " request; use a new id for each distinct request");
                        }
                        String hash = rs.getString(5);
                        if (hash != null
                                && !RequestFingerprint.current()
                                        .map(hash::equals)
                                        .orElse(true)) {
                            throw ApiException.invalid(
                                    "request_id",
                                    "was already used for a different " + method
                                            + " request; use a new id for each distinct request");
                        }
                        byte[] bytes = rs.getBytes(2);
                        if (bytes == null) {
                            return Optional.<T>empty();
                        }
                        T response = parse(parser, bytes);
                        long expire = rs.getLong(4);
                        boolean inWindow = !rs.wasNull() && expire > InstantMicros.toMicros(clock.instant());
                        byte[] sealed = rs.getBytes(3);
                        if (secret != null && inWindow) {
                            return Optional.of(sealer.open(sealed)
                                    .map(s -> secret.restored().apply(response, s))
                                    .orElse(response));
                        }
                        return Optional.of(response);
                    }
                }));
    }

    private void claim(Principal caller, String requestId, String method) {
        jdbc.prepareStatement(
                "INSERT INTO request_log (user_id, request_id, method, response, create_time, "
                        + "request_hash) VALUES (?, ?, ?, NULL, ?, ?)",
                ps -> {
                    ps.setLong(1, caller.userId());
                    ps.setString(2, requestId);
                    ps.setString(3, method);
                    ps.setLong(4, InstantMicros.toMicros(clock.instant()));
                    ps.setString(5, RequestFingerprint.current().orElse(null));
                    return ps.executeUpdate();
                });
    }

    private <T extends Message> void saveResponse(Principal caller, String requestId, T response, Secret<T> secret) {
        jdbc.prepareStatement(
                "UPDATE request_log SET response = ?, sealed_secret = ?, secret_expire_time = ? "
                        + "WHERE user_id = ? AND request_id = ?",
                ps -> {
                    if (secret == null) {
                        ps.setBytes(1, response.toByteArray());
                        ps.setNull(2, Types.VARBINARY);
                        ps.setNull(3, Types.BIGINT);
                    } else {
                        ps.setBytes(1, secret.withheld().apply(response).toByteArray());
                        ps.setBytes(2, sealer.seal(secret.of().apply(response)));
                        ps.setLong(3, InstantMicros.toMicros(clock.instant().plus(secretWindow)));
                    }
                    ps.setLong(4, caller.userId());
                    ps.setString(5, requestId);
                    return ps.executeUpdate();
                });
    }

    private static <T extends Message> T parse(Parser<T> parser, byte[] bytes) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored response does not parse", e);
        }
    }

    /** Duplicate key (the claim is taken), lock wait timeout (H2 HYT00) or deadlock/serialization failure (40001). */
    public static boolean isContention(Throwable error) {
        if (SqlErrors.isDuplicateKey(error)) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("HYT00") || state.equals("40001")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("INTERRUPTED", "interrupted while waiting for a concurrent retry");
        }
    }
}
