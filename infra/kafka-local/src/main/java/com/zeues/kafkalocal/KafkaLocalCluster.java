package com.zeues.kafkalocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KRaft cluster of three local brokers on one machine, each a {@link KafkaLocalBroker} child JVM in combined mode
 * (broker and controller), all three voters, each with its own ports and its data in {@code dataDir/kafka-<n>}.
 * Records are kept on all three nodes and a write is refused while fewer than two are in sync ({@link BrokerConfig}),
 * so one node can be stopped, killed or restarted while clients go on and lose nothing acknowledged.
 *
 * <pre>{@code
 * int[] p = FreePorts.find(6);
 * try (KafkaLocalCluster cluster = KafkaLocalCluster.builder().dataDir(dir)
 *         .ports(List.of(p[0], p[1], p[2]), List.of(p[3], p[4], p[5])).build().start()) {
 *     String bootstrap = cluster.bootstrapServers();
 *     cluster.kill(2);     // kill -9 of node 2: the others go on
 *     cluster.start(2);    // node 2 again, same data: it catches up and rejoins
 * }
 * }</pre>
 */
public final class KafkaLocalCluster implements AutoCloseable {

    /** How long the last node may go on shutting down after the quorum is gone (it finishes what needs no approval). */
    private static final Duration NO_QUORUM_GRACE = Duration.ofSeconds(3);

    private final ClusterSettings settings;
    private final KafkaLocalBroker.Builder[] nodeBuilders;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private List<KafkaLocalBroker> nodes;
    private String clusterId;

    private KafkaLocalCluster(Builder b, ClusterSettings settings) {
        this.settings = settings;
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
        this.nodeBuilders = new KafkaLocalBroker.Builder[settings.size()];
        for (int i = 0; i < settings.size(); i++) {
            KafkaLocalBroker.Builder nb = KafkaLocalBroker.builder().dataDir(settings.dataDir())
                    .port(settings.ports().get(i)).logLevel(settings.logLevel()).watchParent(b.watchParent)
                    .startTimeout(b.startTimeout).stopTimeout(b.stopTimeout);
            if (b.command != null) {
                nb.command(b.command);
            }
            b.environment.forEach(nb::environment);
            nodeBuilders[i] = nb;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every node that is not running and returns once all of them are registered with the cluster and serve;
     * the first time, it chooses the cluster id (kept by each node, see {@link ClusterId}). Throws
     * {@link KafkaLocalException} with the failing node's log tails when a node cannot start or is not ready within
     * the start timeout; then every node this call started is killed.
     */
    public synchronized KafkaLocalCluster start() {
        List<KafkaLocalBroker> all = nodes();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        // all at once: no node is ready before a majority of the voters runs
        Map<KafkaLocalBroker, Process> started = new LinkedHashMap<>();
        try {
            for (KafkaLocalBroker node : all) {
                if (!node.isAlive()) {
                    started.put(node, node.spawn());
                }
            }
            for (Map.Entry<KafkaLocalBroker, Process> e : started.entrySet()) {
                e.getKey().awaitReady(e.getValue(), remaining(deadline));
            }
            awaitAllRegistered(remaining(deadline));
        } catch (RuntimeException e) {
            started.keySet().forEach(KafkaLocalBroker::kill);
            throw e;
        }
        return this;
    }

    /** Starts node {@code id} again (after {@link #stop(int)} or {@link #kill(int)}) and waits until it serves. */
    public KafkaLocalCluster start(int id) {
        node(id).start();
        awaitAllRegistered(startTimeout);
        return this;
    }

    /** SIGTERM to node {@code id}: a clean shutdown, its leaderships handed over first. */
    public void stop(int id) {
        node(id).stop();
    }

    /** SIGKILL to node {@code id}, as a crash; returns once the process is gone. */
    public void kill(int id) {
        node(id).kill();
    }

    /**
     * Stops every node: SIGTERM to all at once, so that each asks the controllers for its clean shutdown while they
     * are all still up. A node's clean shutdown needs the quorum's approval: once a majority of the voters has exited,
     * a node still running can never get it and would wait its whole stop timeout, so it gets a short grace and then
     * SIGKILL (its data is safe: records reach the file system before they are acknowledged).
     */
    public synchronized void stop() {
        if (nodes == null) {
            return;
        }
        nodes.forEach(KafkaLocalBroker::requestStop);
        int majority = nodes.size() / 2 + 1;
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        long quorumLostAt = 0;
        try {
            while (System.nanoTime() < deadline) {
                long alive = nodes.stream().filter(KafkaLocalBroker::isAlive).count();
                if (alive == 0) {
                    return;
                }
                if (alive < majority && quorumLostAt == 0) {
                    quorumLostAt = System.nanoTime();
                } else if (quorumLostAt > 0 && System.nanoTime() - quorumLostAt > NO_QUORUM_GRACE.toNanos()) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nodes.forEach(KafkaLocalBroker::kill);
    }

    @Override
    public void close() {
        stop();
    }

    /** Node {@code id} (1-based), to stop, kill or start it alone, or to read its pid, ports and logs. */
    public synchronized KafkaLocalBroker node(int id) {
        if (id < 1 || id > settings.size()) {
            throw new IllegalArgumentException("no node " + id + " in a cluster of " + settings.size());
        }
        return nodes().get(id - 1);
    }

    /** The nodes, node 1 first. */
    public synchronized List<KafkaLocalBroker> nodes() {
        if (nodes == null) {
            try {
                clusterId = ClusterId.readOrCreate(settings.nodes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster id under " + settings.dataDir(), e);
            }
            List<KafkaLocalBroker> built = new ArrayList<>();
            for (int i = 0; i < nodeBuilders.length; i++) {
                built.add(nodeBuilders[i].node(i + 1, settings.controllerPorts(), clusterId).build());
            }
            nodes = List.copyOf(built);
        }
        return nodes;
    }

    public int size() {
        return settings.size();
    }

    /** Every node's client address, comma-separated. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The cluster id all nodes are formatted with (chosen at the first {@link #start()}). */
    public synchronized Optional<String> clusterId() {
        return Optional.ofNullable(clusterId);
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public ClusterSettings settings() {
        return settings;
    }

    private void awaitAllRegistered(Duration timeout) {
        try {
            BrokerReadiness.awaitBrokers(bootstrapServers(), settings.size(), timeout,
                    () -> nodes.stream().allMatch(KafkaLocalBroker::isAlive), this::clusterId);
        } catch (BrokerReadiness.NotReady e) {
            StringBuilder tails = new StringBuilder();
            for (KafkaLocalBroker node : nodes) {
                tails.append(LogTail.block(node.brokerLog(), 10));
            }
            throw new KafkaLocalException("the local Kafka cluster at " + bootstrapServers() + " did not have all "
                    + settings.size() + " brokers registered within " + timeout.toSeconds() + " s: " + e.getMessage()
                    + tails, e);
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
    }

    /** Settings of a {@link KafkaLocalCluster}; only the data directory is required. */
    public static final class Builder {
        private Path dataDir;
        private int nodes = 3;
        private int port = BrokerSettings.DEFAULT_PORT;
        private int controllerPort;
        private List<Integer> ports;
        private List<Integer> controllerPorts;
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean watchParent = true;
        private String logLevel = BrokerSettings.DEFAULT_LOG_LEVEL;
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** ZEUES's data directory; node {@code n} keeps everything under {@code dataDir/kafka-<n>}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** All settings at once (what {@link ClusterSettings#from} read from a command line). */
        public Builder settings(ClusterSettings settings) {
            this.dataDir = settings.dataDir();
            this.ports = settings.ports();
            this.controllerPorts = settings.controllerPorts();
            this.logLevel = settings.logLevel();
            return this;
        }

        /** The number of nodes (default 3), on ports following {@link #basePorts} (see {@link ClusterSettings#of}). */
        public Builder nodes(int nodes) {
            this.nodes = nodes;
            return this;
        }

        /** Node 1's client and controller ports (default 9092 and 9093); node n's are 2(n-1) above. */
        public Builder basePorts(int port, int controllerPort) {
            this.port = port;
            this.controllerPort = controllerPort;
            return this;
        }

        /** Each node's client and controller port, node 1 first (free ports in tests); sets the number of nodes. */
        public Builder ports(List<Integer> ports, List<Integer> controllerPorts) {
            this.ports = List.copyOf(ports);
            this.controllerPorts = List.copyOf(controllerPorts);
            return this;
        }

        /** How to start each node's JVM; see {@link KafkaLocalBroker.Builder#command}. */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** An environment variable for every node; {@code null} removes it. */
        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        /** Whether the nodes end themselves when this JVM dies (default true). */
        public Builder watchParent(boolean watchParent) {
            this.watchParent = watchParent;
            return this;
        }

        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        /** How long {@link #start()} waits for all nodes (default 120 s), and a restarted node for itself. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long stopping a node waits after SIGTERM before SIGKILL (default 20 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public KafkaLocalCluster build() {
            Objects.requireNonNull(dataDir, "dataDir");
            ClusterSettings s = ports != null
                    ? new ClusterSettings(dataDir, ports, controllerPorts, logLevel)
                    : ClusterSettings.of(dataDir, nodes, port, controllerPort > 0 ? controllerPort : port + 1, logLevel);
            return new KafkaLocalCluster(this, s);
        }
    }
}
