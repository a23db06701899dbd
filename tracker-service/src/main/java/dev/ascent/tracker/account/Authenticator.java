package dev.ascent.tracker.account;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestHeaders;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Resolves the current call's {@code authorization: Bearer <token>} to a {@link Caller}. Every tracker RPC calls
 * {@link #require()} first; a missing, unknown or revoked token is UNAUTHENTICATED.
 */
@Singleton
public class Authenticator {

    /** last_use_time is a hint for the token list, so it is written at most this often per token. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    public Authenticator(AccessTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public Caller require() {
        String token = RequestHeaders.bearerToken().orElseThrow(() -> ApiException.unauthenticated(
                "missing credentials: send the header 'authorization: Bearer <token>'"));
        AccessTokenRow row = tokens.findByTokenHash(Tokens.hash(token))
                .filter(t -> !t.revoked())
                .orElseThrow(() -> ApiException.unauthenticated("the access token is unknown or revoked"));
        UserRow user = users.findById(row.userId())
                .orElseThrow(() -> ApiException.unauthenticated("the access token's user no longer exists"));
        Instant now = clock.instant();
        if (row.lastUseTime() == null || row.lastUseTime().plus(TOUCH_INTERVAL).isBefore(now)) {
            tokens.touch(row.id(), InstantMicros.toMicros(now));
        }
        return new Caller(user.id(), user.handle(), user.admin());
    }
}
