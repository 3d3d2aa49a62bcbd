package com.zeues.kafkalocal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where and on which ports one local broker runs, read from the command line or the environment: the single broker
 * of the local default, or one node of a local cluster ({@link ClusterSettings}).
 *
 * <p>{@code dataDir} is ZEUES's data directory ({@code ZEUES_DATA_DIR}); everything of a single broker lives under
 * {@code dataDir/kafka}, of node {@code n} of a cluster under {@code dataDir/kafka-n}: {@code server.properties},
 * {@code cluster.id}, the log segments in {@code data/} and the broker's own log in {@code logs/broker.log}.
 *
 * @param nodeId          this node's {@code node.id}; 1 for a single broker
 * @param controllerPorts the KRaft controller port of every voter, node {@code i} at index {@code i - 1}; this node's
 *                        is {@code controllerPort}. One entry for a single broker
 * @param clusterId       the cluster id chosen by the cluster for its nodes; empty for a single broker, which keeps
 *                        its own ({@link ClusterId})
 */
public record BrokerSettings(Path dataDir, int port, int controllerPort, String logLevel, int nodeId,
        List<Integer> controllerPorts, Optional<String> clusterId) {

    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_LOG_LEVEL = "WARN";

    public BrokerSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        controllerPorts = List.copyOf(controllerPorts);
        checkPort("port", port);
        checkPort("controller port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("the Kafka port and the controller port must differ, both are " + port);
        }
        if (nodeId < 1 || nodeId > controllerPorts.size()) {
            throw new IllegalArgumentException("node id " + nodeId + " is not one of the " + controllerPorts.size()
                    + " voters (1.." + controllerPorts.size() + ")");
        }
        if (controllerPorts.get(nodeId - 1) != controllerPort) {
            throw new IllegalArgumentException("node " + nodeId + "'s controller port is " + controllerPort
                    + " but the voters list says " + controllerPorts.get(nodeId - 1));
        }
        if (controllerPorts.contains(port)) {
            throw new IllegalArgumentException("the Kafka port " + port + " is also a controller port " + controllerPorts);
        }
        logLevel = logLevel.toUpperCase(Locale.ROOT);
        clusterId = clusterId.filter(id -> !id.isBlank());
    }

    /** A single broker: node 1, the only voter. */
    public BrokerSettings(Path dataDir, int port, int controllerPort, String logLevel) {
        this(dataDir, port, controllerPort, logLevel, 1, List.of(controllerPort), Optional.empty());
    }

    /**
     * Reads {@code --data-dir}, {@code --port}, {@code --controller-port} and {@code --log-level} (as
     * {@code --name value} or {@code --name=value}), falling back to {@code ZEUES_DATA_DIR} (default {@code ./data}),
     * {@code ZEUES_KAFKA_PORT} (9092), {@code ZEUES_KAFKA_CONTROLLER_PORT} (Kafka port + 1) and
     * {@code ZEUES_KAFKA_LOG_LEVEL} (WARN). A node of a cluster also gets {@code --node-id}, {@code --controller-ports}
     * (every voter's, comma-separated) and {@code --cluster-id} from its cluster ({@link #arguments()}).
     */
    public static BrokerSettings from(String[] args, Map<String, String> env) {
        return from(Arguments.parse(args), env);
    }

    static BrokerSettings from(Arguments args, Map<String, String> env) {
        String dataDir = args.value("--data-dir", env, "ZEUES_DATA_DIR").orElse("./data");
        String logLevel = args.value("--log-level", env, "ZEUES_KAFKA_LOG_LEVEL").orElse(DEFAULT_LOG_LEVEL);
        int kafkaPort = args.value("--port", env, "ZEUES_KAFKA_PORT")
                .map(v -> Arguments.parsePort("ZEUES_KAFKA_PORT", v)).orElse(DEFAULT_PORT);
        Optional<Integer> ctrlPort = args.value("--controller-port", env, "ZEUES_KAFKA_CONTROLLER_PORT")
                .map(v -> Arguments.parsePort("ZEUES_KAFKA_CONTROLLER_PORT", v));
        Optional<String> voters = args.value("--controller-ports");
        if (voters.isEmpty()) {
            if (args.has("--node-id") || args.has("--cluster-id")) {
                throw new IllegalArgumentException("--node-id and --cluster-id need --controller-ports");
            }
            return new BrokerSettings(Path.of(dataDir), kafkaPort, ctrlPort.orElse(kafkaPort + 1), logLevel);
        }
        // a node of a cluster: the cluster gave every voter's port; this node's is in the list
        List<Integer> controllerPorts = new ArrayList<>();
        for (String p : voters.get().split(",")) {
            controllerPorts.add(Arguments.parsePort("--controller-ports", p));
        }
        int nodeId = Arguments.parseInt("--node-id", args.value("--node-id")
                .orElseThrow(() -> new IllegalArgumentException("--controller-ports needs --node-id")), "a number");
        if (nodeId < 1 || nodeId > controllerPorts.size()) {
            throw new IllegalArgumentException("--node-id must be between 1 and " + controllerPorts.size()
                    + ", got " + nodeId);
        }
        return new BrokerSettings(Path.of(dataDir), kafkaPort, ctrlPort.orElse(controllerPorts.get(nodeId - 1)),
                logLevel, nodeId, controllerPorts, args.value("--cluster-id"));
    }

    /** The command line that {@link #from} reads back into these settings. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort), "--log-level", logLevel));
        if (isClusterNode()) {
            args.addAll(List.of("--node-id", String.valueOf(nodeId), "--controller-ports",
                    controllerPorts.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        clusterId.ifPresent(id -> args.addAll(List.of("--cluster-id", id)));
        return args;
    }

    /** Whether this broker is one node of a cluster of several. */
    public boolean isClusterNode() {
        return controllerPorts.size() > 1;
    }

    /** How many nodes (all of them voters) the cluster has: 1 for a single broker. */
    public int clusterSize() {
        return controllerPorts.size();
    }

    /** Kafka's {@code controller.quorum.voters}: {@code id@127.0.0.1:port} of every node. */
    public String quorumVoters() {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < controllerPorts.size(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts.get(i));
        }
        return String.join(",", voters);
    }

    /** Copies of every record: all nodes, up to three. */
    public int replicationFactor() {
        return Math.min(clusterSize(), 3);
    }

    /**
     * How many copies must be in sync for a write with {@code acks=all} to be accepted: 2 of 3, so an acknowledged
     * record is on two nodes at least and one node may be lost with neither an acknowledged record lost nor writes
     * stopped; 1 when there is only one copy.
     */
    public int minInsyncReplicas() {
        return replicationFactor() >= 3 ? 2 : 1;
    }

    public Path kafkaDir() {
        return dataDir.resolve(isClusterNode() ? "kafka-" + nodeId : "kafka");
    }

    /** Kafka's {@code log.dirs} and {@code metadata.log.dir}: the topics' segments and the KRaft metadata log. */
    public Path logDirs() {
        return kafkaDir().resolve("data");
    }

    public Path logDir() {
        return kafkaDir().resolve("logs");
    }

    public Path brokerLog() {
        return logDir().resolve("broker.log");
    }

    public Path serverProperties() {
        return kafkaDir().resolve("server.properties");
    }

    public Path clusterIdFile() {
        return kafkaDir().resolve("cluster.id");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the " + what + " must be between 1 and 65535, got " + port);
        }
    }
}
