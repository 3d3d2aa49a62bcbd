package com.zeues.kafkalocal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the nodes of a local KRaft cluster run: one data directory ({@code dataDir/kafka-1} … for the nodes) and,
 * for node {@code n}, the client port {@code ports[n-1]} and the controller port {@code controllerPorts[n-1]}.
 * Every node is broker and controller, and every node is a voter.
 */
public record ClusterSettings(Path dataDir, List<Integer> ports, List<Integer> controllerPorts, String logLevel) {

    /** The node counts kafka-local runs: one broker, or the smallest quorum that survives the loss of a node. */
    public static final List<Integer> NODE_COUNTS = List.of(1, 3);

    public ClusterSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        ports = List.copyOf(ports);
        controllerPorts = List.copyOf(controllerPorts);
        logLevel = logLevel.toUpperCase(Locale.ROOT);
        if (ports.size() != controllerPorts.size() || ports.size() < 2) {
            throw new IllegalArgumentException("a cluster needs a client port and a controller port for each of at "
                    + "least two nodes, got " + ports + " and " + controllerPorts);
        }
        Set<Integer> seen = new HashSet<>();
        for (int p : concat(ports, controllerPorts)) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("port " + p + " is given twice in " + ports + " / " + controllerPorts
                        + "; every node needs two ports of its own");
            }
        }
    }

    /**
     * {@code nodes} nodes on consecutive pairs of ports: node {@code n} listens on {@code port + 2(n-1)} and its
     * controller on {@code controllerPort + 2(n-1)}; with the defaults 9092/9093, 9094/9095, 9096/9097. Node 1 has the
     * ports a single broker would have.
     */
    public static ClusterSettings of(Path dataDir, int nodes, int port, int controllerPort, String logLevel) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ports.add(port + 2 * i);
            controllerPorts.add(controllerPort + 2 * i);
        }
        return new ClusterSettings(dataDir, ports, controllerPorts, logLevel);
    }

    /** {@code --nodes} or {@code ZEUES_KAFKA_NODES}: 1 (the default) or 3. */
    public static int nodeCount(String[] args, Map<String, String> env) {
        return nodeCount(Arguments.parse(args), env);
    }

    static int nodeCount(Arguments args, Map<String, String> env) {
        int nodes = args.value("--nodes", env, "ZEUES_KAFKA_NODES")
                .map(v -> Arguments.parseInt("ZEUES_KAFKA_NODES", v, "1 or 3")).orElse(1);
        if (!NODE_COUNTS.contains(nodes)) {
            throw new IllegalArgumentException("ZEUES_KAFKA_NODES (--nodes) must be 1 or 3, got " + nodes);
        }
        return nodes;
    }

    /**
     * The cluster that {@code --nodes 3} (or {@code ZEUES_KAFKA_NODES=3}) asks for, with the other options of
     * {@link BrokerSettings#from}: the data directory, node 1's ports (the others follow, see {@link #of}) and the
     * log level.
     */
    public static ClusterSettings from(String[] args, Map<String, String> env) {
        Arguments a = Arguments.parse(args);
        int nodes = nodeCount(a, env);
        if (nodes < 2) {
            throw new IllegalArgumentException("a cluster has 3 nodes: set --nodes 3 or ZEUES_KAFKA_NODES=3");
        }
        if (a.has("--node-id") || a.has("--controller-ports") || a.has("--cluster-id")) {
            throw new IllegalArgumentException("--node-id, --controller-ports and --cluster-id are for one node of a"
                    + " cluster, not for the cluster");
        }
        BrokerSettings first = BrokerSettings.from(a, env);
        return of(first.dataDir(), nodes, first.port(), first.controllerPort(), first.logLevel());
    }

    public int size() {
        return ports.size();
    }

    /** Node {@code id} (1-based) of this cluster, with the cluster id every node must be formatted with. */
    public BrokerSettings node(int id, Optional<String> clusterId) {
        if (id < 1 || id > size()) {
            throw new IllegalArgumentException("no node " + id + " in a cluster of " + size());
        }
        return new BrokerSettings(dataDir, ports.get(id - 1), controllerPorts.get(id - 1), logLevel, id,
                controllerPorts, clusterId);
    }

    /** Every node, without a cluster id (where each keeps its data, for {@link ClusterId#readOrCreate(List)}). */
    public List<BrokerSettings> nodes() {
        List<BrokerSettings> nodes = new ArrayList<>();
        for (int id = 1; id <= size(); id++) {
            nodes.add(node(id, Optional.empty()));
        }
        return nodes;
    }

    /** Every node's client address: a client that finds one node alive finds the cluster. */
    public String bootstrapServers() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
