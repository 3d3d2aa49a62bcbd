package com.zeues.bench;

import java.time.Duration;

/**
 * Runs both floors one after the other on the system's broker, right before a scenario: the bare transactional
 * round trip, then the topology alone. Their figures go on the scenario's last line.
 */
final class FloorRun {

    record Settings(String bootstrap, int partitions, long commitIntervalMs, double rate, Duration warmup,
                    Duration duration, int clients) {
    }

    record Result(Latencies.Summary kafka, long kafkaErrors, Latencies.Summary topology, long topologyErrors) {

        static final Result SKIPPED = new Result(Latencies.Summary.EMPTY, 0, Latencies.Summary.EMPTY, 0);

        String fields() {
            return String.format(java.util.Locale.ROOT,
                    "floor_p50_ms=%.2f floor_p99_ms=%.2f floor_errors=%d topo_p50_ms=%.2f topo_p99_ms=%.2f "
                            + "topo_errors=%d", kafka.p50Ms(), kafka.p99Ms(), kafkaErrors, topology.p50Ms(),
                    topology.p99Ms(), topologyErrors);
        }
    }

    private FloorRun() {
    }

    static Result run(Settings s) throws Exception {
        System.err.printf("floor: transactional produce -> read_committed consume at %.0f/s for %ds on %s%n", s.rate(),
                s.duration().toSeconds(), s.bootstrap());
        KafkaFloor.Result kafka;
        try (KafkaFloor floor = new KafkaFloor(s.bootstrap(), s.partitions())) {
            kafka = floor.run(s.rate(), s.warmup(), s.duration(), 8);
        }
        System.err.printf("floor: p50 %.2f ms p99 %.2f ms (%d messages, %d errors)%n", kafka.latency().p50Ms(),
                kafka.latency().p99Ms(), kafka.latency().count(), kafka.errors());
        System.err.printf("topology alone: commit interval %d ms, %.0f commands/s for %ds%n", s.commitIntervalMs(),
                s.rate(), s.duration().toSeconds());
        TopologyFloor.Result topo;
        try (TopologyFloor t = new TopologyFloor(s.bootstrap(), s.partitions(), s.commitIntervalMs())) {
            topo = t.run(s.rate(), s.warmup(), s.duration(), s.clients());
        }
        System.err.printf("topology alone: p50 %.2f ms p99 %.2f ms (%d verdicts, %d errors)%n", topo.latency().p50Ms(),
                topo.latency().p99Ms(), topo.latency().count(), topo.errors());
        return new Result(kafka.latency(), kafka.errors(), topo.latency(), topo.errors());
    }
}
