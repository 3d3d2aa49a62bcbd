package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));

    @Test
    void doublesWithJitterUpToTheCap() {
        for (int n = 1; n <= 12; n++) {
            long base = Math.min(60_000, 1000L << (n - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delay(n, null).toMillis()).isBetween(base / 2, base);
            }
        }
    }

    @Test
    void neverShorterThanRetryAfter() {
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(10, Duration.ofSeconds(1)).toMillis()).isBetween(30_000L, 60_000L);
    }

    @Test
    void theQuotaSpacesRequestStarts() {
        WriteQuota q = new WriteQuota(Duration.ofSeconds(1));
        assertThat(q.waitNanos(5)).isZero();
        q.take(1_000_000_000L);
        assertThat(q.waitNanos(1_200_000_000L)).isEqualTo(800_000_000L);
        assertThat(q.waitNanos(2_000_000_000L)).isZero();
    }
}
