package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfigTest {

    @TempDir
    Path dir;

    @Test
    void singleNodeExactlyOnceSettingsOnLoopbackOnly() {
        Map<String, String> p = BrokerConfig.properties(new BrokerSettings(dir, 19092, 19093, "WARN"));
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", dir.resolve("kafka/data").toString());
    }

    @Test
    void clusterNodeKeepsEveryRecordOnThreeNodesAndAcknowledgesOnTwo() {
        BrokerSettings node = new ClusterSettings(dir, List.of(19092, 19094, 19096), List.of(19093, 19095, 19097),
                "WARN").node(3, Optional.of("AAAAAAAAAAAAAAAAAAAAAA"));
        Map<String, String> p = BrokerConfig.properties(node);
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "3")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19096,CONTROLLER://127.0.0.1:19097")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19096")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("share.coordinator.state.topic.replication.factor", "3")
                .containsEntry("share.coordinator.state.topic.min.isr", "2")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", dir.resolve("kafka-3/data").toString())
                .containsEntry("metadata.log.dir", dir.resolve("kafka-3/data").toString());
    }

    @Test
    void writtenFileLoadsBack() throws Exception {
        BrokerSettings settings = new BrokerSettings(dir, 19092, 19093, "WARN");
        Path file = BrokerConfig.write(settings);
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            loaded.load(reader);
        }
        BrokerConfig.properties(settings).forEach((k, v) -> assertThat(loaded.getProperty(k)).as(k).isEqualTo(v));
    }
}
