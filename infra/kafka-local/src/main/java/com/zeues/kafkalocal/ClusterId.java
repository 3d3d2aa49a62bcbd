package com.zeues.kafkalocal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The broker's cluster id, created once and kept in {@code kafka/cluster.id}, so that formatting the storage on a
 * later start (with {@code --ignore-formatted}) always names the same cluster. The nodes of a cluster share one id:
 * the cluster chooses it ({@link #readOrCreate(List)}) and gives it to each node.
 */
public final class ClusterId {

    private ClusterId() {
    }

    /**
     * Returns the cluster id of this broker's data: for a node given its cluster's id, that id (refused if the node's
     * storage was formatted for another cluster); otherwise the one in {@code meta.properties} if the storage is
     * already formatted, else the one in {@code cluster.id}, else a new one. {@code cluster.id} is written to match.
     */
    public static String readOrCreate(BrokerSettings settings) throws IOException {
        Optional<String> formatted = formatted(settings);
        if (settings.clusterId().isPresent()) {
            String given = settings.clusterId().get();
            if (formatted.isPresent() && !formatted.get().equals(given)) {
                throw new IllegalStateException("the data of node " + settings.nodeId() + " in " + settings.logDirs()
                        + " belongs to cluster " + formatted.get() + ", not to this cluster (" + given + "). Delete "
                        + settings.kafkaDir() + " to let the node join this cluster empty.");
            }
            write(settings, given);
            return given;
        }
        Optional<String> stored = stored(settings);
        String id = formatted.or(() -> stored).orElseGet(() -> Uuid.randomUuid().toString());
        write(settings, id);
        return id;
    }

    /**
     * The id of the cluster whose nodes keep their data where {@code nodes} say: the one their formatted storage
     * names, else the one a node's {@code cluster.id} names (an earlier start that did not get as far as formatting),
     * else a new one. Refuses nodes formatted for different clusters.
     */
    public static String readOrCreate(List<BrokerSettings> nodes) throws IOException {
        Map<String, Integer> formatted = new LinkedHashMap<>();
        Optional<String> stored = Optional.empty();
        for (BrokerSettings node : nodes) {
            Optional<String> f = formatted(node);
            if (f.isPresent()) {
                formatted.putIfAbsent(f.get(), node.nodeId());
            }
            if (stored.isEmpty()) {
                stored = stored(node);
            }
        }
        Optional<String> storedId = stored;
        if (formatted.size() > 1) {
            throw new IllegalStateException("the nodes' data belong to different clusters (cluster id by first node: "
                    + formatted + "); delete the data of the nodes that should join the others empty");
        }
        Optional<String> known = formatted.keySet().stream().findFirst();
        return known.or(() -> storedId).orElseGet(() -> Uuid.randomUuid().toString());
    }

    private static Optional<String> formatted(BrokerSettings settings) throws IOException {
        return fromMetaProperties(settings.logDirs().resolve("meta.properties"));
    }

    private static Optional<String> stored(BrokerSettings settings) throws IOException {
        Path file = settings.clusterIdFile();
        return Files.exists(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty())
                : Optional.empty();
    }

    private static void write(BrokerSettings settings, String id) throws IOException {
        if (!stored(settings).equals(Optional.of(id))) {
            Path file = settings.clusterIdFile();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        }
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
