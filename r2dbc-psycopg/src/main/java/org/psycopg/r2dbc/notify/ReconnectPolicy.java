// How a NotificationListener tries to get a connection back: exponential backoff up to a limit.
package org.psycopg.r2dbc.notify;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.time.Duration;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The connection attempts of a {@link NotificationListener}, each time it needs a connection (the first
 * time included): after a failed attempt it waits {@code firstBackoff}, doubling each time up to
 * {@code maxBackoff} (with up to half of it as random jitter), and gives up after {@code maxAttempts}
 * attempts in a row. The count starts again after every successful connection.
 *
 * @param firstBackoff the wait after the first failed attempt
 * @param maxBackoff   the longest wait between two attempts
 * @param maxAttempts  how many attempts in a row before the listener fails
 */
public record ReconnectPolicy(Duration firstBackoff, Duration maxBackoff, int maxAttempts) {

    /** 100 ms first, at most 10 s between attempts, 20 attempts (about two minutes in all). */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), 20);

    public ReconnectPolicy {
        if (firstBackoff == null || firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("firstBackoff must be positive: " + firstBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least firstBackoff: " + maxBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** The retries after the first attempt; when they run out, the last failure, said so. */
    RetryBackoffSpec retry() {
        return Retry.backoff(maxAttempts - 1L, firstBackoff)
                .maxBackoff(maxBackoff)
                .jitter(0.5)
                .onRetryExhaustedThrow((spec, signal) -> new R2dbcNonTransientResourceException(
                        "the notification listener could not connect in " + maxAttempts + " attempts: "
                                + signal.failure().getMessage(), signal.failure()));
    }
}
