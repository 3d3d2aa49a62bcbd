package com.zeues.topology;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be deserialised to {@code zeues.commands-dlq} with where it came from and
 * why, then lets the partition go on: one poison record never stops a spool's commands.
 *
 * <p>Kafka 4.1 has no built-in dead-letter queue for Streams, so this handler owns a small idempotent
 * producer, created on the first poison record.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Streams config key naming the dead-letter topic. */
    public static final String DLQ_TOPIC_CONFIG = "zeues.dlq.topic";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final Map<String, Object> producerConfig = new HashMap<>();
    private String topic;
    private volatile Producer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(DLQ_TOPIC_CONFIG));
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dlq");
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        log.warn("record {}-{}@{} cannot be read ({}); sent to {}", record.topic(), record.partition(),
                record.offset(), exception.getMessage(), topic);
        RecordHeaders headers = new RecordHeaders();
        headers.add("zeues_dlq_topic", bytes(record.topic()));
        headers.add("zeues_dlq_partition", bytes(Integer.toString(record.partition())));
        headers.add("zeues_dlq_offset", bytes(Long.toString(record.offset())));
        headers.add("zeues_dlq_error", bytes(String.valueOf(exception.getMessage())));
        try {
            producer().send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
        } catch (RuntimeException e) {
            log.error("cannot send poison record {}-{}@{} to {}; skipped", record.topic(), record.partition(),
                    record.offset(), topic, e);
        }
        return DeserializationHandlerResponse.CONTINUE;
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
