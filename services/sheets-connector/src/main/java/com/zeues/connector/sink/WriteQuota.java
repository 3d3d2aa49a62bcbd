package com.zeues.connector.sink;

import java.time.Duration;

/**
 * At most one write request per interval to the spreadsheet (Google allows 60 a minute per service account): every
 * request the sink sends to write, retries and structure changes included, takes a slot when it starts.
 */
final class WriteQuota {

    private final long intervalNanos;
    private boolean used;
    private long lastStart;

    WriteQuota(Duration interval) {
        this.intervalNanos = Math.max(0, interval.toNanos());
    }

    /** Nanoseconds until the next slot (0: now). */
    long waitNanos(long nowNanos) {
        return used ? Math.max(0, lastStart + intervalNanos - nowNanos) : 0;
    }

    /** A request starts now. */
    void take(long nowNanos) {
        used = true;
        lastStart = nowNanos;
    }
}
