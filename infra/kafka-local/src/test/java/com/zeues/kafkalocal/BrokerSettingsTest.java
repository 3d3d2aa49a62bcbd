package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        BrokerSettings s = BrokerSettings.from(new String[0], Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.port()).isEqualTo(9092);
        assertThat(s.controllerPort()).isEqualTo(9093);
        assertThat(s.logLevel()).isEqualTo("WARN");
        assertThat(s.brokerLog()).isEqualTo(s.dataDir().resolve("kafka/logs/broker.log"));
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void environmentThenArguments() {
        Map<String, String> env = Map.of("ZEUES_DATA_DIR", "/tmp/z", "ZEUES_KAFKA_PORT", "19092");
        BrokerSettings fromEnv = BrokerSettings.from(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(19092);
        assertThat(fromEnv.controllerPort()).isEqualTo(19093);
        assertThat(fromEnv.kafkaDir()).isEqualTo(Path.of("/tmp/z/kafka"));

        BrokerSettings fromArgs = BrokerSettings.from(
                new String[] {"--port", "29092", "--controller-port=29999", "--data-dir", "/tmp/y", "--log-level=info"}, env);
        assertThat(fromArgs.port()).isEqualTo(29092);
        assertThat(fromArgs.controllerPort()).isEqualTo(29999);
        assertThat(fromArgs.dataDir()).isEqualTo(Path.of("/tmp/y"));
        assertThat(fromArgs.logLevel()).isEqualTo("INFO");
    }

    @Test
    void aClusterNodeReadsBackTheArgumentsItsClusterGivesIt() {
        BrokerSettings node = new BrokerSettings(Path.of("/tmp/c"), 29094, 29095, "INFO", 2,
                List.of(29093, 29095, 29097), Optional.of("AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(node.kafkaDir()).isEqualTo(Path.of("/tmp/c/kafka-2"));
        assertThat(node.quorumVoters()).isEqualTo("1@127.0.0.1:29093,2@127.0.0.1:29095,3@127.0.0.1:29097");
        assertThat(node.replicationFactor()).isEqualTo(3);
        assertThat(node.minInsyncReplicas()).isEqualTo(2);
        // the node ignores a node count it inherited: it is one broker
        assertThat(BrokerSettings.from(node.arguments().toArray(String[]::new), Map.of("ZEUES_KAFKA_NODES", "3")))
                .isEqualTo(node);

        BrokerSettings single = BrokerSettings.from(new String[0], Map.of("ZEUES_DATA_DIR", "/tmp/z"));
        assertThat(single.arguments()).containsExactly("--data-dir", "/tmp/z", "--port", "9092",
                "--controller-port", "9093", "--log-level", "WARN");
        assertThat(single.isClusterNode()).isFalse();
        assertThat(single.quorumVoters()).isEqualTo("1@127.0.0.1:9093");
        assertThat(single.replicationFactor()).isEqualTo(1);
        assertThat(single.minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void rejectsInconsistentNodeArguments() {
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--controller-ports", "9093,9095,9097"}, Map.of()))
                .hasMessageContaining("--node-id");
        assertThatThrownBy(() -> BrokerSettings.from(
                new String[] {"--node-id", "4", "--controller-ports", "9093,9095,9097"}, Map.of()))
                .hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--node-id", "2", "--controller-ports",
                "9093,9095,9097", "--controller-port", "9099"}, Map.of()))
                .hasMessageContaining("voters list");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--node-id", "2"}, Map.of()))
                .hasMessageContaining("--controller-ports");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--port", "9095", "--node-id", "1",
                "--controller-ports", "9093,9095,9097"}, Map.of()))
                .hasMessageContaining("also a controller port");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> BrokerSettings.from(new String[0], Map.of("ZEUES_KAFKA_PORT", "ninety")))
                .hasMessageContaining("ZEUES_KAFKA_PORT");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--port", "9092", "--controller-port", "9092"}, Map.of()))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessageContaining("--bogus");
    }
}
