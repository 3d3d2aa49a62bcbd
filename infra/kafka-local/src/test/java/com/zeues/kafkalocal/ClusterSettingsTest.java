package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void oneNodeUnlessThreeAreAskedFor() {
        assertThat(ClusterSettings.nodeCount(new String[0], Map.of())).isEqualTo(1);
        assertThat(ClusterSettings.nodeCount(new String[0], Map.of("ZEUES_KAFKA_NODES", "3"))).isEqualTo(3);
        assertThat(ClusterSettings.nodeCount(new String[] {"--nodes=1"}, Map.of("ZEUES_KAFKA_NODES", "3")))
                .isEqualTo(1);
        assertThatThrownBy(() -> ClusterSettings.nodeCount(new String[] {"--nodes", "2"}, Map.of()))
                .hasMessageContaining("1 or 3");
        assertThatThrownBy(() -> ClusterSettings.nodeCount(new String[0], Map.of("ZEUES_KAFKA_NODES", "three")))
                .hasMessageContaining("ZEUES_KAFKA_NODES");
    }

    @Test
    void threeNodesOnConsecutivePairsOfPortsFromTheSingleBrokersPorts() {
        ClusterSettings c = ClusterSettings.from(new String[] {"--nodes", "3", "--data-dir", "/tmp/c"},
                Map.of("ZEUES_KAFKA_PORT", "29092"));
        assertThat(c.ports()).containsExactly(29092, 29094, 29096);
        assertThat(c.controllerPorts()).containsExactly(29093, 29095, 29097);
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:29092,127.0.0.1:29094,127.0.0.1:29096");
        BrokerSettings node2 = c.node(2, Optional.of("AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(node2.port()).isEqualTo(29094);
        assertThat(node2.controllerPort()).isEqualTo(29095);
        assertThat(node2.kafkaDir()).isEqualTo(Path.of("/tmp/c/kafka-2"));
        assertThat(c.nodes()).extracting(BrokerSettings::nodeId).containsExactly(1, 2, 3);
    }

    @Test
    void rejectsPortsThatCollideAndNodeArguments() {
        // controller ports 2 above the client ports: node 2's client port is node 1's controller port
        assertThatThrownBy(() -> ClusterSettings.of(Path.of("/tmp/c"), 3, 9092, 9094, "WARN"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> new ClusterSettings(Path.of("/tmp/c"), List.of(1, 2, 3), List.of(4, 5), "WARN"))
                .hasMessageContaining("each of");
        assertThatThrownBy(() -> ClusterSettings.from(new String[] {"--nodes", "3", "--node-id", "1"}, Map.of()))
                .hasMessageContaining("--node-id");
        assertThatThrownBy(() -> ClusterSettings.from(new String[0], Map.of())).hasMessageContaining("3 nodes");
    }
}
