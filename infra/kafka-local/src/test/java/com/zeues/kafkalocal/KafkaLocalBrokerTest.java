package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker in a child JVM: exactly-once on one node (a transactional producer and a read_committed consumer),
 * data that survives a clean stop and a crash, and a clear error when the port is taken.
 */
class KafkaLocalBrokerTest {

    private static final String TOPIC = "zeues.kafka-local-test";

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void transactionalRecordsSurviveStopAndCrash() throws Exception {
        int[] ports = FreePorts.find(2);
        try (KafkaLocalBroker broker = KafkaLocalBroker.builder()
                .dataDir(dir).port(ports[0]).controllerPort(ports[1]).build()) {
            long t0 = System.nanoTime();
            broker.start();
            log("first start", t0);
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            produce(broker, "committed", true);
            produce(broker, "aborted", false);
            assertThat(readCommitted(broker)).containsExactly("committed");

            // a second broker on the same port fails with a clear error, and the first one is unharmed
            KafkaLocalBroker second = KafkaLocalBroker.builder().dataDir(dir.resolve("second"))
                    .port(ports[0]).controllerPort(FreePorts.find()).startTimeout(Duration.ofSeconds(30)).build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(KafkaLocalException.class)
                    .hasMessageContaining("127.0.0.1:" + ports[0])
                    .hasMessageContaining("already in use");
            assertThat(broker.isAlive()).isTrue();

            long pid = broker.pid();
            t0 = System.nanoTime();
            broker.stop();
            log("clean stop", t0);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));

            t0 = System.nanoTime();
            broker.start();
            log("restart after stop", t0);
            assertThat(broker.pid()).isNotEqualTo(pid);
            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(readCommitted(broker)).containsExactly("committed");
            produce(broker, "after-restart", true);

            broker.kill();
            t0 = System.nanoTime();
            broker.start();
            log("restart after kill -9", t0);
            assertThat(readCommitted(broker)).containsExactly("committed", "after-restart");
        }
    }

    private static void log(String what, long startNanos) {
        System.out.printf("kafka-local test: %s took %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static Admin admin(KafkaLocalBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(KafkaLocalBroker broker, String value, boolean commit) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kafka-local-test");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "spool-1", value));
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.flush();
                producer.abortTransaction();
            }
        }
    }

    /** Every committed value of the topic, from the beginning up to the last stable offset. */
    private static List<String> readCommitted(KafkaLocalBroker broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
