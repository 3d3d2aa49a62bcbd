package com.zeues.connector.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the connector's Kafka clients. The base settings are Spring's {@code spring.kafka.*} (security and the
 * like for a real cluster); what the connector relies on (bootstrap servers, serializers, acks, idempotence,
 * isolation) is set here on top. Values travel as bytes: each topic's serde comes from the registry.
 */
public final class KafkaClients {

    private final String bootstrapServers;
    private final Map<String, Object> producerBase;
    private final Map<String, Object> consumerBase;
    private final Map<String, Object> adminBase;

    public KafkaClients(String bootstrapServers, Map<String, Object> producerBase, Map<String, Object> consumerBase,
                        Map<String, Object> adminBase) {
        this.bootstrapServers = bootstrapServers;
        this.producerBase = Map.copyOf(producerBase);
        this.consumerBase = Map.copyOf(consumerBase);
        this.adminBase = Map.copyOf(adminBase);
    }

    public static KafkaClients plain(String bootstrapServers) {
        return new KafkaClients(bootstrapServers, Map.of(), Map.of(), Map.of());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Idempotent, {@code acks=all}; fails a send within about 30 s when the cluster does not answer. */
    public Producer<String, byte[]> producer(String clientId) {
        Map<String, Object> p = new HashMap<>(producerBase);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaProducer<>(p);
    }

    /** No group, no commits, committed records only: for {@code assign()} reads. */
    public Consumer<String, byte[]> reader(String clientId) {
        Map<String, Object> p = consumerProps(clientId);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(p);
    }

    /** A member of {@code groupId} starting at the latest offset when the group has none. */
    public Consumer<String, byte[]> groupConsumer(String clientId, String groupId) {
        Map<String, Object> p = consumerProps(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p);
    }

    /**
     * The sheet sink's consumer: a member of {@code groupId} (eager range assignment, so a rebalance revokes
     * everything at once), from the earliest offset when the group has committed none, no auto-commit, committed
     * records only, at most {@code maxPollRecords} per poll.
     */
    public Consumer<String, byte[]> sinkConsumer(String clientId, String groupId, int maxPollRecords) {
        Map<String, Object> p = consumerProps(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        p.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        return new KafkaConsumer<>(p);
    }

    public Admin admin(String clientId) {
        Map<String, Object> p = new HashMap<>(adminBase);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(p);
    }

    private Map<String, Object> consumerProps(String clientId) {
        Map<String, Object> p = new HashMap<>(consumerBase);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return p;
    }
}
