package com.zeues.local;

import com.zeues.kafkalocal.BrokerReadiness;
import com.zeues.kafkalocal.FreePorts;
import com.zeues.kafkalocal.KafkaLocalBroker;
import com.zeues.kafkalocal.KafkaLocalException;
import com.zeues.local.AdminTokenFile.AdminToken;
import com.zeues.local.LocalSettings.Child;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local default: {@code java -jar infra/local/target/zeues-local.jar} from the repository root.
 *
 * <p>Starts the Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster), the sheets emulator, then the
 * sheets connector and the occupation service together, each a child JVM from its module's jar with its log in
 * {@code $ZEUES_DATA_DIR/logs}; prints a banner when the service is operational; on Ctrl-C or SIGTERM stops them in
 * reverse order. Exit code 2: it cannot start here (data directory in use, port taken, jars missing, bad settings);
 * 1: a child failed or was not ready in time.
 */
public final class ZeuesLocal {

    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final Duration PORT_WAIT = Duration.ofSeconds(10);
    private Duration portWait = PORT_WAIT;
    private static final int TAIL_LINES = 30;

    private final Map<String, String> env;
    private final Path launcherDir;
    private final PrintStream out;
    private final Children children = new Children();
    private final ReadinessProbe probe = new ReadinessProbe();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Instant started = Instant.now();
    private volatile KafkaLocalBroker startingBroker;
    private volatile BrokerOwnership ownership;
    private LocalSettings settings;

    ZeuesLocal(Map<String, String> env, Path launcherDir, PrintStream out) {
        this.env = Map.copyOf(env);
        this.launcherDir = launcherDir;
        this.out = out;
    }

    /** How long a taken port gets to become free before the launcher gives up (tests shorten it). */
    ZeuesLocal portWait(Duration wait) {
        this.portWait = wait;
        return this;
    }

    public static void main(String[] args) {
        System.exit(new ZeuesLocal(System.getenv(), launcherDir(), System.out).run(true));
    }

    /** The directory of the launcher's jar (or of its classes directory, when run from a build). */
    static Path launcherDir() {
        try {
            Path location = Path.of(ZeuesLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** Runs the stack until a child fails (returns 1) or the JVM is asked to stop; returns 2 when it cannot start. */
    int run(boolean shutdownHook) {
        try {
            settings = LocalSettings.from(env, launcherDir);
        } catch (IllegalArgumentException e) {
            say("cannot start: " + e.getMessage());
            return LaunchFailure.CANNOT_START;
        }
        Instant deadline = started.plus(settings.readyTimeout());
        DataDirLock lock;
        try {
            Files.createDirectories(settings.logDir());
            lock = DataDirLock.acquire(settings.lockFile());
        } catch (DataDirLock.HeldElsewhere | IOException e) {
            say("cannot start: " + e.getMessage());
            return LaunchFailure.CANNOT_START;
        }
        // the lock is released only once every child has stopped
        try (lock) {
            if (shutdownHook) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "zeues-local-shutdown"));
            }
            try {
                return startAndWatch(deadline);
            } catch (LaunchFailure e) {
                if (!children.stopping()) {
                    say(e.getMessage());
                }
                shutdown();
                return e.exitCode();
            } catch (IOException | RuntimeException e) {
                if (!children.stopping()) {
                    say("failed: " + e);
                }
                shutdown();
                return LaunchFailure.FAILED;
            }
        } catch (IOException e) {
            return LaunchFailure.FAILED;
        }
    }

    private int startAndWatch(Instant deadline) throws LaunchFailure, IOException {
        checkJars();
        AdminToken token = AdminTokenFile.resolve(env, settings.adminTokenFile());
        say("data in " + settings.dataDir() + ", logs in " + settings.logDir());
        // JVM and Spring start-up is the longest part of a start: the emulator and both services boot side by
        // side with the broker (they wait for Kafka by themselves), after every port has been checked
        Optional<ProcessHandle> survivor = settings.localKafka() ? ownership().survivingBroker() : Optional.empty();
        checkPortsFree(false);
        if (settings.localKafka() && survivor.isEmpty()) {
            checkPortsFree(true);
        }
        ChildProcess emulator = start(Child.SHEETS_EMULATOR, ChildEnvironment.emulator(settings));
        ChildProcess connector = start(Child.SHEETS_CONNECTOR, ChildEnvironment.connector(settings));
        ChildProcess service = start(Child.OCCUPATION_SERVICE, ChildEnvironment.service(settings, token));
        String kafka = startKafka(deadline, survivor);

        Map<ChildProcess, ReadinessProbe.Check> checks = new LinkedHashMap<>();
        checks.put(emulator, probe.answers(url(settings.emulatorPort(), "/v4/spreadsheets/" + settings.spreadsheetId())));
        checks.put(connector, probe.answers(url(settings.connectorPort(), "/api/health")));
        checks.put(service, probe.operational(url(settings.servicePort(), "/api/health")));
        await(deadline, checks);

        out.print(Banner.text(settings, token, kafka));
        out.flush();
        return watch();
    }

    private void checkJars() throws LaunchFailure {
        List<Path> missing = settings.children().stream().map(settings::jar).filter(p -> !Files.isRegularFile(p)).toList();
        if (!missing.isEmpty()) {
            throw new LaunchFailure(LaunchFailure.CANNOT_START, "cannot start: missing " + missing + ". Build first: cd "
                    + settings.home() + " && mvn -B -q -DskipTests package (or set ZEUES_HOME to the repository root).");
        }
    }

    /** Starts, adopts or checks Kafka; returns how to show it in the banner. */
    private String startKafka(Instant deadline, Optional<ProcessHandle> survivor) throws LaunchFailure, IOException {
        String bootstrap = settings.bootstrapServers();
        if (!settings.localKafka()) {
            say("using the Kafka cluster at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS); no local broker");
            try {
                BrokerReadiness.await(bootstrap, remaining(deadline, Duration.ofSeconds(60)), () -> true);
            } catch (BrokerReadiness.NotReady e) {
                throw new LaunchFailure(LaunchFailure.FAILED, "the Kafka cluster at " + bootstrap
                        + " (KAFKA_BOOTSTRAP_SERVERS) does not answer: " + e.getMessage());
            }
            return bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)";
        }
        if (survivor.isPresent()) {
            return adoptBroker(survivor.get(), deadline);
        }
        say("starting Kafka on " + bootstrap + " ...");
        KafkaLocalBroker.Builder builder = broker(settings, remaining(deadline, Duration.ofSeconds(120)));
        KafkaLocalBroker broker = builder.build();
        ChildProcess.prepareLog(settings.log(Child.KAFKA));
        startingBroker = broker;
        try {
            broker.start();
        } catch (KafkaLocalException e) {
            throw new LaunchFailure(LaunchFailure.FAILED, "kafka did not start: " + e.getMessage());
        } finally {
            startingBroker = null;
        }
        ownership.record(broker.pid());
        ChildProcess kafka = ChildProcess.of(Child.KAFKA.displayName(), broker.process(), settings.log(Child.KAFKA));
        children.addFoundation(kafka);
        if (children.stopping()) {
            kafka.stop(STOP_GRACE);
        }
        say("kafka is ready " + since());
        return bootstrap + " (local broker, pid " + broker.pid() + ")";
    }

    private String adoptBroker(ProcessHandle survivor, Instant deadline) throws LaunchFailure {
        String bootstrap = settings.bootstrapServers();
        say("a Kafka broker from an earlier run (pid " + survivor.pid() + ") is still running on this data directory;"
                + " reusing it");
        ChildProcess kafka = ChildProcess.adopt(Child.KAFKA.displayName(), survivor, settings.log(Child.KAFKA));
        try {
            BrokerReadiness.awaitCluster(bootstrap, remaining(deadline, Duration.ofSeconds(30)), kafka::isAlive,
                    this::clusterId);
        } catch (BrokerReadiness.NotReady e) {
            throw new LaunchFailure(LaunchFailure.CANNOT_START, "the Kafka broker from an earlier run (pid "
                    + survivor.pid() + ") does not answer as this data directory's broker on " + bootstrap + " ("
                    + e.getMessage() + "). Stop it (kill " + survivor.pid() + ") and start again.");
        }
        children.addFoundation(kafka);
        say("kafka is ready " + since());
        return bootstrap + " (local broker, pid " + survivor.pid() + ", from an earlier run)";
    }

    private Optional<String> clusterId() {
        try {
            Path file = settings.dataDir().resolve("kafka").resolve("cluster.id");
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private BrokerOwnership ownership() {
        if (ownership == null) {
            ownership = new BrokerOwnership(settings.brokerPidFile(), settings.dataDir());
        }
        return ownership;
    }

    /**
     * Checks the Kafka ports ({@code kafkaPorts}) or all the others. Fails with exit code 2 when a port stays taken: children of a launcher that just died free theirs within about
     * 2 s, so each port gets a short wait first.
     */
    private void checkPortsFree(boolean kafkaPorts) throws LaunchFailure {
        Instant until = Instant.now().plus(portWait);
        for (Map.Entry<String, Integer> port : settings.ports().entrySet()) {
            boolean kafkaPort = port.getKey().startsWith("ZEUES_KAFKA_");
            if (kafkaPort != kafkaPorts) {
                continue;
            }
            while (!FreePorts.isFree(port.getValue())) {
                if (Instant.now().isAfter(until)) {
                    throw new LaunchFailure(LaunchFailure.CANNOT_START, "cannot start: port " + port.getValue()
                            + " on 127.0.0.1 (" + port.getKey() + ") is in use by another program. Stop it, or set "
                            + port.getKey() + " to a free port" + (kafkaPort
                                    ? ", or set KAFKA_BOOTSTRAP_SERVERS to use a Kafka cluster that already runs."
                                    : "."));
                }
                sleep(250);
            }
        }
    }

    private ChildProcess start(Child child, Map<String, String> environment) throws IOException {
        say("starting " + child.displayName() + " on port " + portOf(child) + " ...");
        ChildProcess process = ChildProcess.start(child.displayName(),
                JavaCommand.jar(settings.jar(child), settings.javaOptions().get(child)), environment, settings.log(child));
        children.add(process);
        return process;
    }

    private int portOf(Child child) {
        return switch (child) {
            case KAFKA -> settings.kafkaPort();
            case SHEETS_EMULATOR -> settings.emulatorPort();
            case SHEETS_CONNECTOR -> settings.connectorPort();
            case OCCUPATION_SERVICE -> settings.servicePort();
        };
    }

    /** Probes every child until all are ready; fails when one exits or the deadline passes. */
    private void await(Instant deadline, Map<ChildProcess, ReadinessProbe.Check> checks) throws LaunchFailure {
        Map<ChildProcess, String> pending = new LinkedHashMap<>();
        checks.keySet().forEach(child -> pending.put(child, "not probed yet"));
        while (true) {
            for (Iterator<Map.Entry<ChildProcess, String>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<ChildProcess, String> entry = it.next();
                ChildProcess child = entry.getKey();
                if (!child.isAlive()) {
                    throw new LaunchFailure(LaunchFailure.FAILED, child + " exited (" + child.exitStatus()
                            + ") before it was ready." + child.tail(TAIL_LINES));
                }
                ReadinessProbe.Result result = checks.get(child).probe();
                if (result.ready()) {
                    say(child.name() + " is ready " + since());
                    it.remove();
                } else {
                    entry.setValue(result.seen());
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder message = new StringBuilder("not ready after " + settings.readyTimeout().toSeconds()
                        + " s (ZEUES_READY_TIMEOUT_SECONDS):");
                pending.forEach((child, seen) -> message.append(System.lineSeparator()).append("  ").append(child)
                        .append(" is not ready; last probe: ").append(seen).append(child.tail(TAIL_LINES)));
                throw new LaunchFailure(LaunchFailure.FAILED, message.toString());
            }
            sleep(500);
        }
    }

    /** Blocks while everything runs; returns 1 when a child ends on its own. */
    private int watch() {
        try {
            ChildProcess ended = children.awaitFirstExit();
            if (children.stopping()) {
                shutdown(); // waits until the shutdown hook has stopped everything
                return 0;
            }
            say(ended + " stopped unexpectedly (" + ended.exitStatus() + ")." + ended.tail(TAIL_LINES));
            shutdown();
            return LaunchFailure.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
            return LaunchFailure.FAILED;
        }
    }

    /**
     * Stops the children (service, connector, emulator, broker). Runs once, from the shutdown hook or after a
     * failure; a second caller waits until the first has finished.
     */
    void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            stopEverything();
        } finally {
            stopped.countDown();
        }
    }

    private void stopEverything() {
        children.beginStopping();
        KafkaLocalBroker broker = startingBroker;
        if (broker != null) {
            say("stopping kafka (it was starting)");
            broker.stop();
        }
        if (children.all().stream().noneMatch(ChildProcess::isAlive)) {
            forgetBrokerIfStopped();
            return;
        }
        children.stopAll(STOP_GRACE, this::say);
        forgetBrokerIfStopped();
        say("stopped; the data stays in " + settings.dataDir());
    }

    /** Removes the broker's pid file once the process it names has ended (a survivor we refused stays recorded). */
    private void forgetBrokerIfStopped() {
        if (ownership == null) {
            return;
        }
        try {
            OptionalLong pid = ownership.recordedPid();
            boolean alive = pid.isPresent()
                    && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                ownership.forget();
            }
        } catch (IOException e) {
            say("could not remove " + settings.brokerPidFile() + ": " + e.getMessage());
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Duration remaining(Instant deadline, Duration atMost) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            left = Duration.ofSeconds(1);
        }
        return left.compareTo(atMost) < 0 ? left : atMost;
    }

    private String since() {
        return String.format("(%.1f s)", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private void say(String message) {
        out.println("zeues: " + message);
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The local broker as the launcher runs it: its jar, options, ports, data, log and environment. */
    static KafkaLocalBroker.Builder broker(LocalSettings settings, Duration startTimeout) {
        KafkaLocalBroker.Builder builder = KafkaLocalBroker.builder()
                .dataDir(settings.dataDir())
                .port(settings.kafkaPort())
                .controllerPort(settings.controllerPort())
                .command(JavaCommand.jar(settings.jar(Child.KAFKA), settings.javaOptions().get(Child.KAFKA)))
                .consoleLog(settings.log(Child.KAFKA))
                .watchParent(true)
                .startTimeout(startTimeout);
        ChildEnvironment.broker().forEach(builder::environment);
        return builder;
    }
}
