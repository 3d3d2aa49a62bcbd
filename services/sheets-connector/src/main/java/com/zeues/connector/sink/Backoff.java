package com.zeues.connector.sink;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential back-off with jitter: after the n-th consecutive failure a wait drawn uniformly from
 * [base/2, base], base = min × 2^(n-1) capped at max; never shorter than the server's {@code Retry-After}.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final Random random;

    Backoff(Duration min, Duration max, Random random) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
        this.random = random;
    }

    Duration delay(int failures, Duration retryAfter) {
        long minMs = Math.max(1, min.toMillis());
        long maxMs = Math.max(minMs, max.toMillis());
        int shift = Math.min(30, Math.max(0, failures - 1));
        long base = Math.min(maxMs, minMs << shift);
        long jittered = base / 2 + (long) (random.nextDouble() * (base - base / 2 + 1));
        long wait = Math.min(jittered, maxMs);
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return Duration.ofMillis(wait);
    }
}
