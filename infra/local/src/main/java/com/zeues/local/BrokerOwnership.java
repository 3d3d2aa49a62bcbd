package com.zeues.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The launcher owns the local broker: it records the broker's pid in {@code kafka/broker.pid} and, on the next
 * start, finds out whether that broker still runs. A broker whose launcher died exits by itself within about 2 s
 * (it watches its parent), so a survivor is waited for a while first, and adopted only if it is still there.
 */
public final class BrokerOwnership {

    static final String KAFKA_LOCAL_JAR = "kafka-local.jar";
    static final String KAFKA_LOCAL_MAIN = "com.zeues.kafkalocal.KafkaLocalMain";

    private final Path pidFile;
    private final Predicate<ProcessHandle> isOurBroker;
    private final Duration exitWait;

    /** Ownership of the broker of {@code dataDir}, recorded in {@code pidFile}. */
    public BrokerOwnership(Path pidFile, Path dataDir) {
        this(pidFile, handle -> isKafkaLocal(handle, dataDir), Duration.ofSeconds(10));
    }

    BrokerOwnership(Path pidFile, Predicate<ProcessHandle> isOurBroker, Duration exitWait) {
        this.pidFile = pidFile;
        this.isOurBroker = isOurBroker;
        this.exitWait = exitWait;
    }

    /**
     * The broker an earlier launcher started on this data directory, if it is still running after waiting up to
     * the exit wait for it to end. A pid file that names no process, or a process that is not our broker (the pid
     * was reused), is removed.
     */
    public Optional<ProcessHandle> survivingBroker() throws IOException {
        OptionalLong pid = recordedPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !isOurBroker.test(handle.get())) {
            forget();
            return Optional.empty();
        }
        try {
            handle.get().onExit().get(exitWait.toMillis(), TimeUnit.MILLISECONDS);
            forget();
            return Optional.empty();
        } catch (TimeoutException e) {
            return handle;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return handle;
        }
    }

    /** The pid in the pid file, if there is a readable one. */
    public OptionalLong recordedPid() throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Records the pid of the broker this launcher just started. */
    public void record(long pid) throws IOException {
        Files.createDirectories(pidFile.toAbsolutePath().getParent());
        Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the pid file (the broker has stopped). */
    public void forget() throws IOException {
        Files.deleteIfExists(pidFile);
    }

    /** Whether {@code handle} is a kafka-local broker running on {@code dataDir}, judged by its command line. */
    public static boolean isKafkaLocal(ProcessHandle handle, Path dataDir) {
        return handle.info().arguments().map(args -> isKafkaLocalCommand(List.of(args), dataDir)).orElse(false);
    }

    /**
     * Whether a command's arguments start kafka-local ({@code -jar .../kafka-local.jar} or its main class) on
     * {@code dataDir} ({@code --data-dir <dataDir>}, as {@code KafkaLocalBroker} passes it).
     */
    static boolean isKafkaLocalCommand(List<String> args, Path dataDir) {
        boolean kafkaLocal = false;
        boolean sameData = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            if (arg.equals(KAFKA_LOCAL_MAIN) || arg.equals("-jar") && Path.of(next).endsWith(KAFKA_LOCAL_JAR)) {
                kafkaLocal = true;
            }
            if (arg.equals("--data-dir") && Path.of(next).toAbsolutePath().normalize()
                    .equals(dataDir.toAbsolutePath().normalize())) {
                sameData = true;
            }
        }
        return kafkaLocal && sameData;
    }
}
