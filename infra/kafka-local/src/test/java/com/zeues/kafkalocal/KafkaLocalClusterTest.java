package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real brokers in child JVMs: a topic created with the cluster's defaults has three replicas in sync; with one
 * node killed (the leader of a partition) two stay in sync and writes with {@code acks=all}, transactional ones too,
 * go on; the node restarted rejoins and the three are in sync again; nothing acknowledged is lost, also when the
 * whole cluster is stopped and started again by {@code KafkaLocalMain --nodes 3} on other ports (static voters: the
 * config written at each start is the whole truth), which stops its nodes when it is stopped.
 */
class KafkaLocalClusterTest {

    private static final String TOPIC = "zeues.kafka-local-cluster-test";
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aKilledNodeLeavesTwoInSyncWritesGoOnAndItRejoins() throws Exception {
        int[] p = FreePorts.find(6);
        try (KafkaLocalCluster cluster = KafkaLocalCluster.builder().dataDir(dir)
                .ports(List.of(p[0], p[1], p[2]), List.of(p[3], p[4], p[5]))
                .command(KafkaLocalBroker.classpathCommand("-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"))
                .build()) {
            long t0 = System.nanoTime();
            cluster.start();
            log("start of 3 nodes", t0);
            String clusterId = cluster.clusterId().orElseThrow();
            for (int n = 1; n <= 3; n++) {
                assertThat(Files.readString(dir.resolve("kafka-" + n + "/data/meta.properties")))
                        .contains("cluster.id=" + clusterId).contains("node.id=" + n);
            }
            List<String> acknowledged = new ArrayList<>();
            try (Admin admin = admin(cluster)) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(3);
                assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters()).hasSize(3);
                // replication and min.insync.replicas come from the brokers' defaults
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(PARTITIONS), Optional.empty()))).all()
                        .get();
                awaitUntil(Duration.ofSeconds(30), "3 replicas in sync", () -> isrSizes(admin).equals(List.of(3, 3, 3)));
                assertThat(describe(admin).partitions()).allSatisfy(tp -> assertThat(tp.replicas()).hasSize(3));
                assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC))).all()
                        .get().values().iterator().next().get("min.insync.replicas").value()).isEqualTo("2");

                acknowledged.addAll(produce(cluster, "before", 30));
                // the first transaction creates __transaction_state, which needs its three replicas
                acknowledged.addAll(produceInTransaction(cluster, "tx-before", 5));

                int victim = describe(admin).partitions().get(0).leader().id();
                int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
                long pid = cluster.node(victim).pid();
                t0 = System.nanoTime();
                cluster.kill(victim);
                log("kill -9 of node " + victim + " (leader of partition 0; the active controller is node "
                        + controller + ")", t0);
                t0 = System.nanoTime();
                awaitUntil(Duration.ofSeconds(30), "2 replicas in sync, none led by the dead node", () -> {
                    TopicDescription d = describe(admin);
                    return isrSizes(admin).equals(List.of(2, 2, 2)) && d.partitions().stream()
                            .allMatch(tp -> tp.leader() != null && tp.leader().id() != victim);
                });
                log("ISR 2 on every partition", t0);

                t0 = System.nanoTime();
                acknowledged.addAll(produce(cluster, "during", 30));
                acknowledged.addAll(produceInTransaction(cluster, "tx-during", 5));
                log("acks=all and transactional writes on 2 of 3 nodes", t0);
                assertThat(readCommitted(cluster)).containsExactlyInAnyOrderElementsOf(acknowledged);

                t0 = System.nanoTime();
                cluster.start(victim);
                log("restart of node " + victim, t0);
                assertThat(cluster.node(victim).pid()).isNotEqualTo(pid);
                t0 = System.nanoTime();
                awaitUntil(Duration.ofSeconds(60), "3 replicas in sync again",
                        () -> isrSizes(admin).equals(List.of(3, 3, 3)));
                log("ISR 3 again", t0);
                acknowledged.addAll(produce(cluster, "after", 10));
            }

            t0 = System.nanoTime();
            cluster.stop();
            log("stop of the whole cluster", t0);
            assertThat(cluster.nodes()).noneMatch(KafkaLocalBroker::isAlive);
            restartedByMain(clusterId, acknowledged);
        }
    }

    /** The same data, started by KafkaLocalMain with ZEUES_KAFKA_NODES=3 on consecutive ports, then SIGTERM to it. */
    private void restartedByMain(String clusterId, List<String> acknowledged) throws Exception {
        int port = sixConsecutiveFreePorts();
        List<String> cmd = new ArrayList<>(KafkaLocalBroker.classpathCommand());
        cmd.addAll(List.of("--port", String.valueOf(port), "--data-dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("main.log").toFile());
        pb.environment().put("ZEUES_KAFKA_NODES", "3");
        pb.environment().put("ZEUES_WATCH_PARENT", "true");
        Process main = pb.start();
        List<ProcessHandle> nodes = List.of();
        try {
            long t0 = System.nanoTime();
            String bootstrap = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 2) + ",127.0.0.1:" + (port + 4);
            BrokerReadiness.awaitBrokers(bootstrap, 3, Duration.ofSeconds(120), main::isAlive,
                    () -> Optional.of(clusterId));
            awaitUntil(Duration.ofSeconds(30), "'ready' in " + dir.resolve("main.log"),
                    () -> read(dir.resolve("main.log")).contains("ready: bootstrap servers " + bootstrap));
            log("start of the whole cluster again by KafkaLocalMain --nodes 3", t0);
            nodes = main.children().toList();
            assertThat(nodes).hasSize(3);
            assertThat(readCommitted(bootstrap)).containsExactlyInAnyOrderElementsOf(acknowledged);

            t0 = System.nanoTime();
            main.destroy();
            assertThat(main.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle node : nodes) {
                node.onExit().get(10, TimeUnit.SECONDS);
            }
            log("stop of KafkaLocalMain and its 3 nodes after SIGTERM", t0);
        } finally {
            main.destroyForcibly();
            nodes.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Node n takes port + 2(n-1) and the one above it: a base with the five ports above it free. */
    private static int sixConsecutiveFreePorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = FreePorts.find();
            boolean free = base + 5 <= 65535;
            for (int i = 1; i <= 5 && free; i++) {
                free = FreePorts.isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no six consecutive free ports");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void log(String what, long startNanos) {
        System.out.printf("kafka-local cluster test: %s took %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static Admin admin(KafkaLocalCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000));
    }

    private static TopicDescription describe(Admin admin) {
        try {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> isrSizes(Admin admin) {
        return describe(admin).partitions().stream().map(TopicPartitionInfo::isr).map(List::size).toList();
    }

    /** {@code count} records with acks=all, one per key; returns the values the brokers acknowledged. */
    private static List<String> produce(KafkaLocalCluster cluster, String prefix, int count) throws Exception {
        Properties props = producerProperties(cluster);
        List<String> acked = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            Map<String, Future<RecordMetadata>> sent = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String value = prefix + "-" + i;
                sent.put(value, producer.send(new ProducerRecord<>(TOPIC, "spool-" + i, value)));
            }
            for (Map.Entry<String, Future<RecordMetadata>> e : sent.entrySet()) {
                e.getValue().get();
                acked.add(e.getKey());
            }
        }
        return acked;
    }

    private static List<String> produceInTransaction(KafkaLocalCluster cluster, String prefix, int count) {
        Properties props = producerProperties(cluster);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kafka-local-cluster-test");
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < count; i++) {
                values.add(prefix + "-" + i);
                producer.send(new ProducerRecord<>(TOPIC, "spool-" + i, prefix + "-" + i));
            }
            producer.commitTransaction();
        }
        return values;
    }

    private static Properties producerProperties(KafkaLocalCluster cluster) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /** Every committed value of the topic, from the beginning up to the last stable offsets. */
    private static List<String> readCommitted(KafkaLocalCluster cluster) {
        return readCommitted(cluster.bootstrapServers());
    }

    private static List<String> readCommitted(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            partitions.add(new TopicPartition(TOPIC, i));
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && partitions.stream()
                    .anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
