package com.zeues.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one run in an HdrHistogram (nanoseconds, 3 significant digits). Every value is the time from when
 * the request was <em>meant</em> to be sent to when its answer arrived: in an open loop that is the schedule's
 * intended time, so a stalled system is charged for every request that waited behind the stall (coordinated
 * omission corrected by measurement, not by {@code recordValueWithExpectedInterval}'s synthetic back-fill).
 */
final class Latencies {

    /** Percentiles in milliseconds, and the count of values. */
    record Summary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

        static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return EMPTY;
            }
            return new Summary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);

    /** Records {@code arrived - intended}; a clock that went backwards counts as zero. Thread-safe. */
    void record(long intendedNanos, long arrivedNanos) {
        recorder.recordValue(Math.max(0, arrivedNanos - intendedNanos));
    }

    /** Everything recorded so far. */
    synchronized Summary summary() {
        total.add(recorder.getIntervalHistogram());
        return Summary.of(total);
    }
}
