package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
