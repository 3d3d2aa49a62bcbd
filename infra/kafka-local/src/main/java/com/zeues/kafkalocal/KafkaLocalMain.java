package com.zeues.kafkalocal;

import com.zeues.process.ParentWatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.Kafka;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Runs one Kafka broker (KRaft, broker and controller in this JVM) on 127.0.0.1 with its data under
 * {@code $ZEUES_DATA_DIR/kafka}: writes {@code server.properties}, formats the storage on first start, then hands over
 * to {@code kafka.Kafka.main}. Exit code 2 means it could not start here (port or data in use, bad settings).
 *
 * <p>With {@code --nodes 3} (or {@code ZEUES_KAFKA_NODES=3}) it runs a {@link KafkaLocalCluster} instead: three child
 * JVMs of this same main, each one node ({@code --node-id}) with its data under {@code $ZEUES_DATA_DIR/kafka-<n>}, and
 * stays until it is stopped (then it stops them) or every node has ended. A node that ends is reported and stays down;
 * the others go on.
 */
public final class KafkaLocalMain {

    static final int EXIT_CANNOT_START = 2;

    private KafkaLocalMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        Map<String, String> env = System.getenv();
        int nodes;
        try {
            Arguments parsed = Arguments.parse(args);
            // a node of a cluster is one broker, whatever node count it inherited
            nodes = parsed.has("--node-id") ? 1 : ClusterSettings.nodeCount(parsed, env);
        } catch (IllegalArgumentException e) {
            System.err.println("kafka-local: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        if (nodes > 1) {
            runCluster(args, env);
        } else {
            runBroker(args, env);
        }
    }

    private static void runBroker(String[] args, Map<String, String> env) {
        BrokerSettings settings;
        Path config;
        try {
            settings = BrokerSettings.from(args, env);
            BrokerLogging.configure(settings.logDir(), settings.logLevel());
            checkPortFree(settings.port(), "Kafka", "ZEUES_KAFKA_PORT");
            checkPortFree(settings.controllerPort(), "KRaft controller", "ZEUES_KAFKA_CONTROLLER_PORT");
            checkDataNotInUse(settings.logDirs());
            String clusterId = ClusterId.readOrCreate(settings);
            config = BrokerConfig.write(settings);
            String formatted = StorageFormatter.format(config, clusterId);
            say(formatted.isEmpty() ? "storage ready" : formatted.replace(System.lineSeparator(), " "));
        } catch (CannotStart | IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("kafka-local: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        say("starting Kafka " + AppInfoParser.getVersion() + " (KRaft, broker+controller"
                + (settings.isClusterNode() ? ", node " + settings.nodeId() + " of " + settings.clusterSize() : "")
                + ") on " + settings.bootstrapServers() + ", controller port " + settings.controllerPort()
                + ", data " + settings.kafkaDir() + ", log " + settings.brokerLog() + " (" + settings.logLevel() + ")");
        Kafka.main(new String[] {config.toString()});
    }

    /** Three nodes as child JVMs of this main; this JVM only watches them. */
    private static void runCluster(String[] args, Map<String, String> env) {
        KafkaLocalCluster cluster;
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            ClusterSettings settings = ClusterSettings.from(args, env);
            for (int i = 0; i < settings.size(); i++) {
                checkPortFree(settings.ports().get(i), "Kafka (node " + (i + 1) + ")", "ZEUES_KAFKA_PORT");
                checkPortFree(settings.controllerPorts().get(i), "KRaft controller (node " + (i + 1) + ")",
                        "ZEUES_KAFKA_CONTROLLER_PORT");
            }
            cluster = KafkaLocalCluster.builder().settings(settings).command(KafkaLocalBroker.classpathCommand())
                    .watchParent(true).build();
            say("starting a Kafka " + AppInfoParser.getVersion() + " cluster of " + settings.size() + " nodes (KRaft,"
                    + " each broker+controller) on " + settings.bootstrapServers() + ", controller ports "
                    + settings.controllerPorts() + ", data " + settings.dataDir().resolve("kafka-<n>"));
            KafkaLocalCluster starting = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.set(true);
                starting.stop();
            }, "kafka-local-cluster-stop"));
            cluster.start();
        } catch (CannotStart | RuntimeException e) {
            System.err.println("kafka-local: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        for (KafkaLocalBroker node : cluster.nodes()) {
            say("node " + node.nodeId() + ": pid " + node.pid() + ", " + node.bootstrapServers() + ", controller port "
                    + node.controllerPort() + ", log " + node.brokerLog());
            node.handle().onExit().thenAccept(h -> {
                if (!stopping.get()) {
                    say("node " + node.nodeId() + " (pid " + h.pid() + ") ended; the other nodes go on");
                }
            });
        }
        say("cluster " + cluster.clusterId().orElse("?") + " ready: bootstrap servers " + cluster.bootstrapServers());
        for (KafkaLocalBroker node : cluster.nodes()) {
            node.handle().onExit().join();
        }
        say("every node has ended");
        System.exit(1);
    }

    private static void checkPortFree(int port, String what, String variable) throws CannotStart {
        if (!FreePorts.isFree(port)) {
            throw new CannotStart("cannot listen on 127.0.0.1:" + port + " for the " + what + " listener: the port is"
                    + " already in use by another process. Stop that process, or choose a free port with " + variable + ".");
        }
    }

    /** Kafka holds an exclusive lock on {@code .lock} in its log directory while it runs. */
    private static void checkDataNotInUse(Path logDirs) throws IOException, CannotStart {
        Path lockFile = logDirs.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new CannotStart("the broker data in " + logDirs + " is in use by another running broker "
                        + "(it holds " + lockFile + "). Stop that broker first, or use another ZEUES_DATA_DIR.");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new CannotStart("the broker data in " + logDirs + " is in use by this JVM");
        }
    }

    private static void say(String message) {
        System.out.println("kafka-local: " + message);
    }

    private static final class CannotStart extends Exception {
        CannotStart(String message) {
            super(message);
        }
    }
}
