package dev.ascent.tracker.account;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Ids made by the service rather than AUTO_INCREMENT, so they stay unique when tracker data is spread over shards:
 * 41 bits of milliseconds since 2025-01-01 (enough for 69 years), then 22 random bits. Roughly time-ordered.
 */
public final class Ids {

    private static final long EPOCH_MILLIS = 1_735_689_600_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static long next(Clock clock) {
        long millis = Math.max(0, clock.millis() - EPOCH_MILLIS);
        return (millis << 22) | RANDOM.nextInt(1 << 22);
    }
}
