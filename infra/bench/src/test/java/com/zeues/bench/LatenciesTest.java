package com.zeues.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesInMillisecondsFromIntendedToArrival() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 1000; i++) {
            l.record(10_000_000_000L, 10_000_000_000L + i * 1_000_000L); // 1..1000 ms
        }
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Ms()).isBetween(499.0, 501.0);
        assertThat(s.p99Ms()).isBetween(989.0, 991.0);
        assertThat(s.p999Ms()).isBetween(998.0, 1000.5);
        assertThat(s.maxMs()).isBetween(999.0, 1000.5);
    }

    @Test
    void summariesAccumulateAndNegativeTimesCountAsZero() {
        Latencies l = new Latencies();
        l.record(5, 2);
        assertThat(l.summary().count()).isEqualTo(1);
        l.record(0, 3_000_000);
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.maxMs()).isBetween(2.99, 3.01);
        assertThat(new Latencies().summary()).isEqualTo(Latencies.Summary.EMPTY);
    }
}
