package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterIdTest {

    @TempDir
    Path dir;

    @Test
    void createdOnceThenStable() throws Exception {
        BrokerSettings settings = new BrokerSettings(dir, 19092, 19093, "WARN");
        String first = ClusterId.readOrCreate(settings);
        assertThat(first).hasSize(22);
        assertThat(ClusterId.readOrCreate(settings)).isEqualTo(first);
        assertThat(Files.readString(settings.clusterIdFile()).trim()).isEqualTo(first);
    }

    @Test
    void theNodesOfAClusterShareTheIdOfAnyFormattedNode() throws Exception {
        ClusterSettings cluster = ClusterSettings.of(dir, 3, 19092, 19093, "WARN");
        String fresh = ClusterId.readOrCreate(cluster.nodes());
        assertThat(fresh).hasSize(22);

        // a node given the cluster's id keeps it; node 2 was formatted earlier: its id wins for the cluster
        assertThat(ClusterId.readOrCreate(cluster.node(1, Optional.of(fresh)))).isEqualTo(fresh);
        assertThat(ClusterId.readOrCreate(cluster.nodes())).isEqualTo(fresh);
        formatted(cluster.node(2, Optional.empty()), "BBBBBBBBBBBBBBBBBBBBBB");
        assertThat(ClusterId.readOrCreate(cluster.nodes())).isEqualTo("BBBBBBBBBBBBBBBBBBBBBB");

        // node 2 refuses to join a cluster other than the one its data belongs to
        assertThatThrownBy(() -> ClusterId.readOrCreate(cluster.node(2, Optional.of(fresh))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BBBBBBBBBBBBBBBBBBBBBB");
        formatted(cluster.node(3, Optional.empty()), "CCCCCCCCCCCCCCCCCCCCCC");
        assertThatThrownBy(() -> ClusterId.readOrCreate(cluster.nodes()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different clusters");
    }

    private static void formatted(BrokerSettings node, String clusterId) throws Exception {
        Files.createDirectories(node.logDirs());
        Files.writeString(node.logDirs().resolve("meta.properties"),
                "version=1\nnode.id=" + node.nodeId() + "\ncluster.id=" + clusterId + "\n");
    }

    @Test
    void formattedStorageWins() throws Exception {
        BrokerSettings settings = new BrokerSettings(dir, 19092, 19093, "WARN");
        ClusterId.readOrCreate(settings);
        Files.createDirectories(settings.logDirs());
        Files.writeString(settings.logDirs().resolve("meta.properties"),
                "version=1\nnode.id=1\ncluster.id=AAAAAAAAAAAAAAAAAAAAAA\n");
        assertThat(ClusterId.readOrCreate(settings)).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(Files.readString(settings.clusterIdFile()).trim()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    }
}
