package com.zeues.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration the topology needs: exactly-once, its handlers and bounded memory. */
public final class StreamsProperties {

    /**
     * How long the broker holds a fetch that finds nothing new. It does not delay a command: with the default
     * {@code fetch.min.bytes} of 1 the broker answers as soon as a record (or, read_committed, a commit marker)
     * arrives. A few milliseconds here only made every idle consumer ask the broker hundreds of times a second,
     * CPU that the broker and the service then lacked for real work (docs/benchmarks.md).
     */
    public static final int FETCH_MAX_WAIT_MS = 500;

    /**
     * The topology's producer settings (unprefixed; {@link #of} gives them to Kafka Streams' producer, the harness's
     * Kafka floor to its own). No linger: a verdict waits for nothing. A new transaction may briefly collide with the
     * previous commit (CONCURRENT_TRANSACTIONS): retry soon. One produce request per broker at a time: under
     * transactions v2 the broker accepts a partition's first batch of a transaction only after checking it with the
     * transaction coordinator, and refuses the batches pipelined behind it (OutOfOrderSequenceException, retried):
     * on three brokers that retry loop made the topology ~5x slower (docs/benchmarks.md, "Three brokers").
     */
    public static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);

    private StreamsProperties() {
    }

    /**
     * @param commitIntervalMs bounds the verdict latency under exactly-once (verdicts are visible only after
     *                         the transaction commits)
     */
    public static Properties of(String applicationId, String bootstrapServers, String stateDir,
                                TopicRegistry topics, long commitIntervalMs) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(DeadLetterHandler.DLQ_TOPIC_CONFIG, topics.commandsDlq.name());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class.getName());
        PRODUCER.forEach((key, value) -> p.put(StreamsConfig.producerPrefix(key), value));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.commands.replication());
        return p;
    }
}
