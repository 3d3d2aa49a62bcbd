package com.zeues.connector.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The sink's Prometheus metrics: {@code zeues_sink_write_requests_total{operation,outcome}},
 * {@code zeues_sink_read_requests_total}, {@code zeues_sink_rows_total{sheet}}, {@code zeues_sink_retries_total{reason}},
 * {@code zeues_sink_event_lag_seconds} (a histogram: event time to the 2xx of the write that carried its row; p50
 * and p99 with {@code histogram_quantile}),
 * {@code zeues_sink_batch_events}, and the gauges {@code zeues_sink_lag_events},
 * {@code zeues_sink_oldest_pending_age_seconds} and {@code zeues_sink_stopped} registered by the sink.
 */
final class SinkMetrics {

    private final MeterRegistry registry;
    private final Counter reads;
    private final Timer eventLag;
    private final DistributionSummary batchEvents;

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reads = Counter.builder("zeues.sink.read.requests").description("read requests the sink sent")
                .register(registry);
        this.eventLag = Timer.builder("zeues.sink.event.lag")
                .description("from an event's time to the 2xx of the write that carried its Metadata row")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.batchEvents = DistributionSummary.builder("zeues.sink.batch.events")
                .description("events per successful flush").register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    void write(String operation, String outcome) {
        Counter.builder("zeues.sink.write.requests").tag("operation", operation).tag("outcome", outcome)
                .description("write requests the sink sent to the spreadsheet").register(registry).increment();
    }

    void read() {
        reads.increment();
    }

    void rows(String sheet, int n) {
        if (n > 0) {
            Counter.builder("zeues.sink.rows").tag("sheet", sheet).description("rows written (retries excluded)")
                    .register(registry).increment(n);
        }
    }

    void retry(String reason) {
        Counter.builder("zeues.sink.retries").tag("reason", reason).description("failed requests to be retried")
                .register(registry).increment();
    }

    void eventLag(Duration d) {
        eventLag.record(d.isNegative() ? Duration.ZERO : d);
    }

    void batch(int events) {
        batchEvents.record(events);
    }
}
