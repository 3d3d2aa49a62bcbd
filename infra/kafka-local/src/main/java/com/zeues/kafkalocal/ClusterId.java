package com.zeues.kafkalocal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The broker's cluster id, created once and kept in {@code kafka/cluster.id}, so that formatting the storage on a
 * later start (with {@code --ignore-formatted}) always names the same cluster.
 */
public final class ClusterId {

    private ClusterId() {
    }

    /**
     * Returns the cluster id of this data directory: the one in {@code meta.properties} if the storage is already
     * formatted, else the one in {@code cluster.id}, else a new one; {@code cluster.id} is written to match.
     */
    public static String readOrCreate(BrokerSettings settings) throws IOException {
        Path file = settings.clusterIdFile();
        Optional<String> formatted = fromMetaProperties(settings.logDirs().resolve("meta.properties"));
        Optional<String> stored = Files.exists(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty())
                : Optional.empty();
        String id = formatted.or(() -> stored).orElseGet(() -> Uuid.randomUuid().toString());
        if (!stored.equals(Optional.of(id))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        }
        return id;
    }

    private static Optional<String> fromMetaProperties(Path meta) throws IOException {
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return Optional.ofNullable(props.getProperty("cluster.id")).map(String::trim).filter(s -> !s.isEmpty());
    }
}
