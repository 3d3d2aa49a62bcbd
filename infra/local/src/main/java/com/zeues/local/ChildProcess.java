package com.zeues.local;

import com.zeues.kafkalocal.LogTail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One child JVM of the launcher, with its log file: started here, or adopted from an earlier launcher. */
public final class ChildProcess {

    private static final long ROTATE_BYTES = 10L * 1024 * 1024;

    private final String name;
    private final ProcessHandle handle;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, ProcessHandle handle, Process process, Path log) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with the launcher's environment changed by {@code environment} (a null value removes a
     * variable), stdout and stderr appended to {@code log} (rotated once past 10 MB).
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        prepareLog(log);
        ProcessBuilder pb = new ProcessBuilder(command);
        environment.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = pb.start();
        process.getOutputStream().close(); // no stdin
        return new ChildProcess(name, process.toHandle(), process, log);
    }

    /** A child started by someone else on the launcher's behalf (the broker, by KafkaLocalBroker). */
    public static ChildProcess of(String name, Process process, Path log) {
        return new ChildProcess(name, process.toHandle(), process, log);
    }

    /** A child that an earlier launcher started and that is still running. */
    public static ChildProcess adopt(String name, ProcessHandle handle, Path log) {
        return new ChildProcess(name, handle, null, log);
    }

    /** Appends a header to the log (rotating it first when it is large), creating its directory. */
    public static void prepareLog(Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        if (Files.isRegularFile(log) && Files.size(log) > ROTATE_BYTES) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(log, System.lineSeparator() + "===== zeues-local " + Instant.now() + " ====="
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public CompletableFuture<ChildProcess> onExit() {
        return handle.onExit().thenApply(h -> this);
    }

    /** How it ended, for messages: its exit code when it is our own child. */
    public String exitStatus() {
        if (process != null && !process.isAlive()) {
            return "exit code " + process.exitValue();
        }
        return isAlive() ? "still running" : "ended";
    }

    /** SIGTERM, then SIGKILL when it has not ended within {@code grace}. Returns whether it ended by itself. */
    public boolean stop(Duration grace) {
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            awaitQuietly(Duration.ofSeconds(5));
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of its log, as a titled block. */
    public String tail(int lines) {
        return LogTail.block(log, lines);
    }

    private void awaitQuietly(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // gone or not, there is nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + handle.pid() + ")";
    }
}
