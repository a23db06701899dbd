package dev.ascent.tracker.account;

import dev.ascent.common.db.CoalescedQueries;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestHeaders;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resolves the current call's {@code authorization: Bearer <token>} to a {@link Caller}. Every tracker RPC calls
 * {@link #require()} first; a missing, unknown or revoked token is UNAUTHENTICATED.
 *
 * <p>A token that logged in is remembered for {@code ascent.auth.cache-ttl} (default 1 s), so a busy client costs
 * two database reads per second instead of two per call. A revocation on this instance forgets every entry at
 * once; one made through another instance is honoured here when the entry expires, within the TTL. Unknown and
 * revoked tokens are never cached, so a guessing caller always reaches the database, and a newly created token works
 * at once. The calls that find a token's entry expired at once (a busy client's concurrent calls) share one read of
 * it ({@link CoalescedQueries}) instead of each reading it.
 */
@Singleton
public class Authenticator {

    /** last_use_time is a hint for the token list, so it is written at most this often per token. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** Enough for every active token of a large deployment; past it, new logins are simply not cached. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long tokenId, Instant lastUse, long expiresNanos) {}

    /** A token as read, and its user (null when the user no longer exists). */
    private record Login(AccessTokenRow token, UserRow user) {}

    /** Tokens a read looks up at most. */
    private static final int LOGINS_A_READ = 16;

    private final AccessTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    /** Moved by {@link #forgetAll()}, so a login read before a revocation committed is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    private final CoalescedQueries<String, Login> logins;

    public Authenticator(
            AccessTokenRepository tokens,
            UserRepository users,
            Clock clock,
            @Value("${ascent.auth.cache-ttl:1s}") Duration ttl,
            ConnectionOperations<Connection> connections) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.logins = new CoalescedQueries<>(connections, LOGINS_A_READ, this::readLogins);
    }

    public Caller require() {
        String token = RequestHeaders.bearerToken()
                .orElseThrow(() -> ApiException.unauthenticated(
                        "missing credentials: send the header 'authorization: Bearer <token>'"));
        String hash = Tokens.hash(token);
        long nanos = System.nanoTime();
        Entry entry = cache.get(hash);
        if (entry == null || nanos - entry.expiresNanos() > 0) {
            entry = load(hash, nanos);
        }
        Instant now = clock.instant();
        if (entry.lastUse() == null || entry.lastUse().plus(TOUCH_INTERVAL).isBefore(now)) {
            tokens.touch(entry.tokenId(), InstantMicros.toMicros(now));
            remember(hash, new Entry(entry.caller(), entry.tokenId(), now, entry.expiresNanos()));
        }
        return entry.caller();
    }

    /**
     * Forgets every remembered login: called after a revocation commits, so this instance refuses the token at
     * once.
     */
    public void forgetAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    private Entry load(String hash, long nanos) {
        cache.remove(hash);
        long before = generation.get();
        Login login = logins.get(hash);
        if (login == null) {
            throw ApiException.unauthenticated("the access token is unknown or revoked");
        }
        if (login.user() == null) {
            throw ApiException.unauthenticated("the access token's user no longer exists");
        }
        AccessTokenRow row = login.token();
        Entry entry = new Entry(new Caller(login.user()), row.id(), row.lastUseTime(), nanos + ttlNanos);
        if (generation.get() == before) {
            remember(hash, entry);
        }
        return entry;
    }

    /** The unrevoked tokens among {@code hashes}, with their users. */
    private Map<String, Login> readLogins(Set<String> hashes) {
        Map<String, Login> out = new HashMap<>();
        for (String hash : hashes) {
            tokens.findByTokenHash(hash)
                    .filter(t -> !t.revoked())
                    .ifPresent(t -> out.put(
                            hash, new Login(t, users.findById(t.userId()).orElse(null))));
        }
        return out;
    }

    private void remember(String hash, Entry entry) {
        if (ttlNanos <= 0) {
            return;
        }
        if (cache.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            cache.values().removeIf(e -> now - e.expiresNanos() > 0);
            if (cache.size() >= MAX_ENTRIES) {
                return;
            }
        }
        cache.put(hash, entry);
    }
}
