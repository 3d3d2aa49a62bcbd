package com.zeues.local;

import com.zeues.kafkalocal.FreePorts;
import com.zeues.kafkalocal.KafkaLocalBroker;
import com.zeues.kafkalocal.KafkaLocalCluster;
import com.zeues.local.AdminTokenFile.AdminToken;
import com.zeues.local.LocalSettings.Child;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local default started piece by piece, as the launcher would (same jars, JVM options, environment and logs),
 * but owned by the test, so that it can crash one piece and bring it back: kill -9 and restart the occupation
 * service, stop and start the broker on the same ports and data. The launcher cannot serve here: it stops the
 * whole stack as soon as one child ends.
 *
 * <p>Every child watches this JVM ({@code ZEUES_WATCH_PARENT}), so nothing survives the test run.
 *
 * <p>{@link #startOn} runs the same stack on a Kafka cluster the test owns (a {@code KafkaLocalCluster}), as the
 * launcher does given {@code KAFKA_BOOTSTRAP_SERVERS}: then the stack has no broker of its own.
 */
public final class PieceByPieceStack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final String ADMIN_TOKEN = "zeues-faults-admin-token";

    private final LocalSettings settings;
    private final LocalStack.Ports ports;
    private final AdminToken token = new AdminToken(ADMIN_TOKEN, "the test");
    private final ReadinessProbe probe = new ReadinessProbe();
    /** The stack's own broker; null on an external cluster. */
    private final KafkaLocalBroker broker;
    /** For the connector and the service on top of what the launcher gives them. */
    private final Map<String, String> serviceEnvironment;
    private ChildProcess emulator;
    private ChildProcess connector;
    private ChildProcess service;

    private PieceByPieceStack(Path dataDir, String externalKafka, Map<String, String> serviceEnvironment) {
        this.ports = LocalStack.Ports.free();
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZEUES_HOME", LocalStack.Builder.findHome().toString());
        env.put("ZEUES_DATA_DIR", dataDir.toAbsolutePath().normalize().toString());
        env.put("ZEUES_KAFKA_PORT", String.valueOf(ports.kafka()));
        env.put("ZEUES_KAFKA_CONTROLLER_PORT", String.valueOf(ports.controller()));
        env.put("ZEUES_SHEETS_EMULATOR_PORT", String.valueOf(ports.emulator()));
        env.put("ZEUES_CONNECTOR_PORT", String.valueOf(ports.connector()));
        env.put("SERVER_PORT", String.valueOf(ports.service()));
        if (externalKafka != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", externalKafka);
        }
        this.settings = LocalSettings.from(env, Path.of(""));
        this.broker = settings.localKafka() ? ZeuesLocal.broker(settings, Duration.ofSeconds(120)).build() : null;
    }

    /** Starts broker, emulator, connector and service on free ports with their data in {@code dataDir}. */
    public static PieceByPieceStack start(Path dataDir) {
        return start(new PieceByPieceStack(dataDir, null, Map.of()));
    }

    /**
     * Starts emulator, connector and service on free ports with their data in {@code dataDir}, on the running Kafka
     * cluster at {@code bootstrapServers}; {@code serviceEnvironment} is added to the connector's and the service's
     * environment (e.g. {@code ZEUES_TOPICS_REPLICATION=3}).
     */
    public static PieceByPieceStack startOn(Path dataDir, String bootstrapServers,
            Map<String, String> serviceEnvironment) {
        return start(new PieceByPieceStack(dataDir, bootstrapServers, serviceEnvironment));
    }

    /**
     * A local cluster of three brokers with its nodes' data in {@code dataDir/kafka-<n>}, run as the launcher runs
     * its broker ({@code kafka-local.jar}, the same JVM options and environment) on six free ports; for
     * {@link #startOn}.
     */
    public static KafkaLocalCluster.Builder cluster(Path dataDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZEUES_HOME", LocalStack.Builder.findHome().toString());
        env.put("ZEUES_DATA_DIR", dataDir.toAbsolutePath().normalize().toString());
        LocalSettings settings = LocalSettings.from(env, Path.of(""));
        int[] p = FreePorts.find(6);
        KafkaLocalCluster.Builder b = KafkaLocalCluster.builder().dataDir(settings.dataDir())
                .ports(List.of(p[0], p[1], p[2]), List.of(p[3], p[4], p[5]))
                .command(JavaCommand.jar(settings.jar(Child.KAFKA), settings.javaOptions().get(Child.KAFKA)))
                .watchParent(true);
        ChildEnvironment.broker().forEach(b::environment);
        return b;
    }

    private static PieceByPieceStack start(PieceByPieceStack stack) {
        try {
            Files.createDirectories(stack.settings.logDir());
            // as the launcher does: the JVMs boot side by side with the broker, the services wait for Kafka
            stack.emulator = stack.child(Child.SHEETS_EMULATOR, ChildEnvironment.emulator(stack.settings));
            stack.connector = stack.child(Child.SHEETS_CONNECTOR, stack.connectorEnvironment());
            stack.service = stack.child(Child.OCCUPATION_SERVICE, stack.serviceEnvironment());
            if (stack.broker != null) {
                stack.startBroker();
            }
            stack.await(stack.emulator, stack.probe.answers(stack.uri(stack.emulatorUrl(),
                    "/v4/spreadsheets/" + stack.settings.spreadsheetId())), Duration.ofSeconds(120));
            stack.await(stack.connector, stack.probe.answers(stack.uri(stack.connectorUrl(), "/api/health")),
                    Duration.ofSeconds(120));
            stack.awaitServiceOperational(Duration.ofSeconds(240));
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private Map<String, String> connectorEnvironment() {
        Map<String, String> env = ChildEnvironment.connector(settings);
        env.putAll(serviceEnvironment);
        return env;
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = ChildEnvironment.service(settings, token);
        env.putAll(serviceEnvironment);
        return env;
    }

    private ChildProcess child(Child child, Map<String, String> environment) throws IOException {
        ChildProcess.prepareLog(settings.log(child));
        return ChildProcess.start(child.displayName(),
                JavaCommand.jar(settings.jar(child), settings.javaOptions().get(child)), environment,
                settings.log(child));
    }

    /** Starts the broker (again) on the same ports and data, and returns once it answers. */
    public void startBroker() throws IOException {
        ChildProcess.prepareLog(settings.log(Child.KAFKA));
        ownBroker().start();
    }

    /** SIGTERM to the broker: a real stop of the process, as an operator or a crash of its host would do. */
    public void stopBroker() {
        ownBroker().stop();
    }

    private KafkaLocalBroker ownBroker() {
        if (broker == null) {
            throw new IllegalStateException("this stack runs on the cluster at " + settings.bootstrapServers()
                    + ", which the test owns");
        }
        return broker;
    }

    /** kill -9 of the occupation service's JVM; returns once it is gone. */
    public void killService() {
        ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            service.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the occupation service did not die after SIGKILL", e);
        }
    }

    /** Starts the occupation service again with the same environment, data and port. Does not wait. */
    public void restartService() throws IOException {
        if (service.isAlive()) {
            throw new IllegalStateException("the occupation service is still running: " + service);
        }
        service = child(Child.OCCUPATION_SERVICE, serviceEnvironment());
    }

    /**
     * Another occupation-service instance on the same Kafka (same application id and topics), with its own free port,
     * data dir ({@code <dataDir>/<name>}) and reply partition: the two share the topology's partitions. Does not wait.
     */
    public ServiceInstance addService(String name, int replyPartition) throws IOException {
        int port = FreePorts.find(1)[0];
        Map<String, String> env = serviceEnvironment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("ZEUES_DATA_DIR", settings.dataDir().resolve(name).toString());
        env.put("ZEUES_COMMANDS_REPLYPARTITION", String.valueOf(replyPartition));
        Path log = settings.logDir().resolve(name + ".log");
        ChildProcess.prepareLog(log);
        ChildProcess process = ChildProcess.start(name, JavaCommand.jar(settings.jar(Child.OCCUPATION_SERVICE),
                settings.javaOptions().get(Child.OCCUPATION_SERVICE)), env, log);
        return new ServiceInstance(process, "http://127.0.0.1:" + port);
    }

    /** An extra service instance of {@link #addService}. */
    public final class ServiceInstance implements AutoCloseable {
        private final ChildProcess process;
        private final String url;

        ServiceInstance(ChildProcess process, String url) {
            this.process = process;
            this.url = url;
        }

        public String url() {
            return url;
        }

        public void awaitOperational(Duration timeout) {
            await(process, probe.operational(uri(url, "/api/health")), timeout);
        }

        /** SIGTERM, as an operator scaling in: the instance leaves the group, its partitions move at once. */
        @Override
        public void close() {
            process.stop(STOP_GRACE);
        }
    }

    /** Waits until {@code /api/health} says {@code operational: true}; fails with the service's log otherwise. */
    public void awaitServiceOperational(Duration timeout) {
        await(service, probe.operational(uri(serviceUrl(), "/api/health")), timeout);
    }

    private void await(ChildProcess child, ReadinessProbe.Check check, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "not probed";
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException(child + " exited (" + child.exitStatus() + ")" + child.tail(40));
            }
            ReadinessProbe.Result r = check.probe();
            if (r.ready()) {
                return;
            }
            seen = r.seen();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(child + " not ready within " + timeout.toSeconds() + " s; last probe: " + seen
                + child.tail(40));
    }

    private URI uri(String base, String path) {
        return URI.create(base + path);
    }

    public long servicePid() {
        return service.pid();
    }

    public boolean serviceAlive() {
        return service.isAlive();
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + ports.service();
    }

    public String emulatorUrl() {
        return "http://127.0.0.1:" + ports.emulator();
    }

    public String connectorUrl() {
        return "http://127.0.0.1:" + ports.connector();
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public String adminToken() {
        return token.value();
    }

    public Path logDir() {
        return settings.logDir();
    }

    /** The tail of the service's log, for failure messages. */
    public String serviceLogTail(int lines) {
        return service.tail(lines);
    }

    /** Stops service, connector, emulator (SIGTERM, then SIGKILL after 15 s), then its own broker if any. */
    @Override
    public void close() {
        for (ChildProcess child : new ChildProcess[] {service, connector, emulator}) {
            if (child != null) {
                child.stop(STOP_GRACE);
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }
}
