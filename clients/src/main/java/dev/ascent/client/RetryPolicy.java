package dev.ascent.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How calls that are safe to repeat are retried when they fail with {@code UNAVAILABLE}: reads always, and writes
 * that carry a {@code request_id} (the client fills one in when the request leaves it empty, so the service returns
 * the first result to a retry instead of doing the work twice). Writes without a {@code request_id} field
 * ({@code ImportGuide}, {@code RevokeAccessToken}) are sent once.
 *
 * <p>The n-th retry waits {@code min(maxBackoff, initialBackoff * 2^(n-1))}, jittered to a random point between
 * half and all of it, so many clients recovering from one outage do not retry in lockstep. Each attempt gets the
 * client's full deadline.
 *
 * @param maxAttempts    attempts in all, at least 1 (1 means no retries)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff     the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts, 200 ms doubling up to 5 s: rides out a restart of a few seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));

    /** Every call is sent once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** The jittered wait before retry number {@code retry} (1-based). */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        if (capped <= 1) {
            return Duration.ofMillis(capped);
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
    }
}
