package com.zeues.kafkalocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One local Kafka broker ({@link KafkaLocalMain}) run as a child JVM: for tests that need a broker they can stop,
 * kill and restart, and for the launcher.
 *
 * <pre>{@code
 * int[] ports = FreePorts.find(2);
 * try (KafkaLocalBroker broker = KafkaLocalBroker.builder().dataDir(dir).port(ports[0]).controllerPort(ports[1])
 *         .build().start()) {
 *     String bootstrap = broker.bootstrapServers();
 *     ...
 *     broker.stop();
 *     broker.start();      // same data dir: same topics and records
 * }
 * }</pre>
 *
 * <p>By default the child runs with this JVM's classpath ({@link #classpathCommand}); the launcher uses
 * {@link #jarCommand} with {@code kafka-local.jar}. The child's stdout and stderr go to {@link #consoleLog()}; the
 * broker's own log is {@link #brokerLog()}. A {@link KafkaLocalCluster} is three of these, each built as one node
 * ({@link Builder#node}).
 */
public final class KafkaLocalBroker implements AutoCloseable {

    /** Heap and flags of the broker JVM unless a command says otherwise. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private final BrokerSettings settings;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path consoleLog;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private Process process;

    private KafkaLocalBroker(Builder b) {
        Objects.requireNonNull(b.dataDir, "dataDir");
        if (b.controllerPorts == null) {
            this.settings = new BrokerSettings(b.dataDir, b.port, b.controllerPort > 0 ? b.controllerPort : b.port + 1,
                    b.logLevel);
        } else {
            this.settings = new BrokerSettings(b.dataDir, b.port, b.controllerPorts.get(b.nodeId - 1), b.logLevel,
                    b.nodeId, b.controllerPorts, Optional.of(b.clusterId));
        }
        this.command = List.copyOf(b.command != null ? b.command : classpathCommand());
        Map<String, String> env = new LinkedHashMap<>(b.environment);
        env.put("ZEUES_WATCH_PARENT", String.valueOf(b.watchParent));
        // the child is always exactly one node: an inherited node count must not make it start a cluster of its own
        env.put("ZEUES_KAFKA_NODES", null);
        this.environment = env;
        this.consoleLog = b.consoleLog != null ? b.consoleLog.toAbsolutePath() : settings.logDir().resolve("console.log");
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code java <jvm options> -cp <this JVM's classpath> com.zeues.kafkalocal.KafkaLocalMain}. */
    public static List<String> classpathCommand(String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions.length == 0 ? DEFAULT_JVM_OPTIONS : List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KafkaLocalMain.class.getName());
        return cmd;
    }

    /** {@code java <jvm options> -jar <kafka-local.jar>}. */
    public static List<String> jarCommand(Path jar, String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions.length == 0 ? DEFAULT_JVM_OPTIONS : List.of(jvmOptions));
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        return cmd;
    }

    /** The {@code java} of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts the broker and returns once it answers an AdminClient as this data directory's cluster; throws
     * {@link KafkaLocalException} with the tails of its logs when a port is taken, when it exits first, or when it
     * does not answer within the start timeout (then it is killed). {@link #stop()} may be called meanwhile.
     */
    public KafkaLocalBroker start() {
        awaitReady(spawn(), startTimeout);
        return this;
    }

    /**
     * Waits until the broker {@code started} answers as its node of this data directory's cluster, or throws as
     * {@link #start()} does. The nodes of a new cluster are all spawned before any is awaited: none is ready until a
     * majority of the voters runs.
     */
    void awaitReady(Process started, Duration startTimeout) {
        try {
            BrokerReadiness.awaitBroker(bootstrapServers(), settings.nodeId(), startTimeout, started::isAlive,
                    this::clusterId);
        } catch (BrokerReadiness.NotReady e) {
            String why;
            if (started.isAlive()) {
                why = "did not answer within " + startTimeout.toSeconds() + " s and was killed";
                kill();
            } else {
                why = "exited with code " + waitForExitCode(started) + " before it was ready";
            }
            throw new KafkaLocalException("the Kafka broker for 127.0.0.1:" + settings.port() + " (pid " + started.pid()
                    + ", data " + settings.kafkaDir() + ") " + why + "." + LogTail.block(consoleLog, 20)
                    + LogTail.block(brokerLog(), 20), e);
        }
    }

    /** Starts the broker JVM without waiting for it; see {@link #awaitReady}. */
    synchronized Process spawn() {
        if (isAlive()) {
            throw new IllegalStateException("the broker is already running (pid " + process.pid() + ")");
        }
        for (int port : new int[] {settings.port(), settings.controllerPort()}) {
            if (!FreePorts.isFree(port)) {
                throw new KafkaLocalException("cannot start a Kafka broker on 127.0.0.1:" + settings.port()
                        + " (controller port " + settings.controllerPort() + "): port " + port
                        + " is already in use by another process. Stop that process, or choose another port.");
            }
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(settings.arguments());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        environment.forEach((name, value) -> {
            if (value == null) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        pb.environment().put("ZEUES_DATA_DIR", settings.dataDir().toString());
        pb.redirectErrorStream(true);
        try {
            Files.createDirectories(consoleLog.getParent());
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
            process = pb.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker: " + String.join(" ", cmd), e);
        }
        return process;
    }

    /** SIGTERM without waiting: a cluster asks all its nodes to stop at once, then waits for each. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM (Kafka shuts down cleanly), then SIGKILL if it is still running after the stop timeout. */
    public synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash would; waits until the process is gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The pid of the broker JVM last started. */
    public synchronized long pid() {
        return handle().pid();
    }

    /** The broker JVM last started. */
    public synchronized ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException("the broker was never started");
        }
        return process.toHandle();
    }

    /** The broker JVM last started, for its exit code. */
    public synchronized Process process() {
        if (process == null) {
            throw new IllegalStateException("the broker was never started");
        }
        return process;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public int port() {
        return settings.port();
    }

    public int controllerPort() {
        return settings.controllerPort();
    }

    /** This broker's {@code node.id}: 1 for a single broker, 1..3 for the nodes of a cluster. */
    public int nodeId() {
        return settings.nodeId();
    }

    /** The broker's own directory: {@code dataDir/kafka}, or {@code dataDir/kafka-<node id>} for a node. */
    public Path kafkaDir() {
        return settings.kafkaDir();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** The broker's own log (WARN and above unless a log level was given). */
    public Path brokerLog() {
        return settings.brokerLog();
    }

    /** Where the child's stdout and stderr go. */
    public Path consoleLog() {
        return consoleLog;
    }

    /** The cluster id of this data directory, once a broker has started on it (a node's: its cluster's). */
    public Optional<String> clusterId() {
        if (settings.clusterId().isPresent()) {
            return settings.clusterId();
        }
        try {
            Path file = settings.clusterIdFile();
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int waitForExitCode(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Settings of a {@link KafkaLocalBroker}; only the data directory is required. */
    public static final class Builder {
        private Path dataDir;
        private int port = BrokerSettings.DEFAULT_PORT;
        private int controllerPort;
        private int nodeId;
        private List<Integer> controllerPorts;
        private String clusterId;
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path consoleLog;
        private boolean watchParent = true;
        private String logLevel = BrokerSettings.DEFAULT_LOG_LEVEL;
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** ZEUES's data directory; the broker keeps everything under {@code dataDir/kafka}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client port on 127.0.0.1 (default 9092). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port on 127.0.0.1 (default: the client port + 1). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * Makes this broker node {@code nodeId} of a cluster whose voters' controllers listen on
         * {@code controllerPorts} (node {@code i} at index {@code i - 1}, this node's included), formatted with
         * {@code clusterId}; its data goes to {@code dataDir/kafka-<nodeId>}. Replaces {@link #controllerPort}.
         */
        public Builder node(int nodeId, List<Integer> controllerPorts, String clusterId) {
            if (controllerPorts.size() < 2 || nodeId < 1 || nodeId > controllerPorts.size()) {
                throw new IllegalArgumentException("node " + nodeId + " of " + controllerPorts.size() + ": a cluster"
                        + " has at least two nodes, numbered from 1");
            }
            this.nodeId = nodeId;
            this.controllerPorts = List.copyOf(controllerPorts);
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /**
         * How to start the broker JVM, up to and including the main class or {@code -jar <jar>}; the data dir and
         * ports are appended as arguments. Default: {@link #classpathCommand}.
         */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** An environment variable for the child (which inherits this JVM's); {@code null} removes it. */
        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        /** Where the child's stdout and stderr go (default {@code dataDir/kafka/logs/console.log}). */
        public Builder consoleLog(Path consoleLog) {
            this.consoleLog = consoleLog;
            return this;
        }

        /** Whether the child ends itself when this JVM dies ({@code ZEUES_WATCH_PARENT}; default true). */
        public Builder watchParent(boolean watchParent) {
            this.watchParent = watchParent;
            return this;
        }

        /** The level of {@code broker.log} (default WARN). */
        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        /** How long {@link #start()} waits for the broker to answer (default 90 s). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before SIGKILL (default 20 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public KafkaLocalBroker build() {
            return new KafkaLocalBroker(this);
        }
    }
}
