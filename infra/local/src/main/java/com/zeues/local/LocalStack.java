package com.zeues.local;

import com.zeues.kafkalocal.FreePorts;
import com.zeues.kafkalocal.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole local stack for tests: runs the launcher as a process on free ports with its own data directory, waits
 * until it printed its banner (the occupation service is operational), and stops it on {@link #close()}.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(tempDir)) {
 *     HttpRequest.newBuilder(URI.create(stack.serviceUrl() + "/api/health")) ...
 *     stack.adminToken() ...
 * }
 * }</pre>
 *
 * <p>By default it runs {@code java -jar <repo>/infra/local/target/zeues-local.jar} when that jar exists (after
 * {@code package}; failsafe's integration-test phase), else the launcher from this JVM's classpath; the sibling jars
 * must have been built either way. The launcher's own output goes to {@link #output()}.
 */
public final class LocalStack implements AutoCloseable {

    /** The five ports of a stack. */
    public record Ports(int kafka, int controller, int emulator, int connector, int service) {
        /** Five distinct ports that are free now on 127.0.0.1. */
        public static Ports free() {
            int[] p = FreePorts.find(5);
            return new Ports(p[0], p[1], p[2], p[3], p[4]);
        }
    }

    private final Builder config;
    private Process process;

    private LocalStack(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A stack on free ports with its data in {@code dataDir}, started and ready. */
    public static LocalStack start(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    private LocalStack run() {
        try {
            Files.createDirectories(config.output.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(config.command());
            pb.environment().putAll(config.environment());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(config.output.toFile()));
            long offset = Files.exists(config.output) ? Files.size(config.output) : 0;
            process = pb.start();
            process.getOutputStream().close();
            awaitBanner(offset);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitBanner(long offset) throws IOException {
        // a little longer than the launcher's own timeout, so that its report of the child that is not ready shows
        long deadline = System.nanoTime() + config.readyTimeout.plusSeconds(30).toNanos();
        while (true) {
            if (outputSince(offset).contains(Banner.READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited with code " + process.exitValue()
                        + " before it was ready" + LogTail.block(config.output, 60));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the launcher was not ready within " + config.readyTimeout.toSeconds()
                        + " s" + LogTail.block(config.output, 60));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while the stack was starting", e);
            }
        }
    }

    private String outputSince(long offset) throws IOException {
        if (!Files.exists(config.output)) {
            return "";
        }
        byte[] all = Files.readAllBytes(config.output);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /** SIGTERM to the launcher, which stops its children in order; SIGKILL if it takes longer than 90 s. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the launcher, as a crash: its children end themselves within about 2 s. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Starts the launcher again on the same data directory and ports (after {@link #stop()} or {@link #kill()}). */
    public LocalStack restart() {
        stop();
        return run();
    }

    public Process process() {
        return process;
    }

    public Ports ports() {
        return config.ports;
    }

    public Path dataDir() {
        return config.dataDir;
    }

    /** The launcher's stdout and stderr. */
    public Path output() {
        return config.output;
    }

    public Path logDir() {
        return config.dataDir.resolve("logs");
    }

    /** {@code http://127.0.0.1:<service port>}. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + config.ports.service();
    }

    public String connectorUrl() {
        return "http://127.0.0.1:" + config.ports.connector();
    }

    public String emulatorUrl() {
        return "http://127.0.0.1:" + config.ports.emulator();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + config.ports.kafka();
    }

    /** The admin token: the one given with {@code environment("ZEUES_ADMIN_TOKEN", ...)}, else the data dir's. */
    public String adminToken() {
        String given = config.environment.get("ZEUES_ADMIN_TOKEN");
        if (given != null) {
            return given;
        }
        try {
            return Files.readString(config.dataDir.resolve("admin-token"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to run a {@link LocalStack}; only the data directory is required. */
    public static final class Builder {
        private Path home;
        private Path dataDir;
        private Ports ports;
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path output;
        private Duration readyTimeout = Duration.ofSeconds(240);

        private Builder() {
        }

        /** The repository root (default: {@code ZEUES_HOME}, else found upwards from the working directory). */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The ports (default: {@link Ports#free()}). */
        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** How to run the launcher, e.g. {@code java -cp ... com.zeues.local.ZeuesLocal} (default: see the class). */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** An environment variable for the launcher (and, through it, for its children). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Where the launcher's output goes (default {@code <dataDir>/logs/zeues-local.log}). */
        public Builder output(Path output) {
            this.output = output;
            return this;
        }

        /** The launcher's ZEUES_READY_TIMEOUT_SECONDS (default 240 s); {@link #start()} waits 30 s more for the banner. */
        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public LocalStack start() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            home = home != null ? home.toAbsolutePath().normalize() : findHome();
            ports = ports != null ? ports : Ports.free();
            output = output != null ? output : dataDir.resolve("logs").resolve("zeues-local.log");
            return new LocalStack(this).run();
        }

        List<String> command() {
            if (command != null) {
                return command;
            }
            Path jar = home.resolve("infra/local/target/zeues-local.jar");
            List<String> cmd = new ArrayList<>(List.of(JavaCommand.java(), "-Xmx64m"));
            if (Files.isRegularFile(jar)) {
                cmd.addAll(List.of("-jar", jar.toString()));
            } else {
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ZeuesLocal.class.getName()));
            }
            return cmd;
        }

        /** The launcher's environment: the ports, the data dir, ZEUES_HOME and what {@link #environment} added. */
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ZEUES_HOME", home.toString());
            env.put("ZEUES_DATA_DIR", dataDir.toString());
            env.put("ZEUES_KAFKA_PORT", String.valueOf(ports.kafka()));
            env.put("ZEUES_KAFKA_CONTROLLER_PORT", String.valueOf(ports.controller()));
            env.put("ZEUES_SHEETS_EMULATOR_PORT", String.valueOf(ports.emulator()));
            env.put("ZEUES_CONNECTOR_PORT", String.valueOf(ports.connector()));
            env.put("SERVER_PORT", String.valueOf(ports.service()));
            env.put("ZEUES_READY_TIMEOUT_SECONDS", String.valueOf(readyTimeout.toSeconds()));
            env.putAll(environment);
            return env;
        }

        /** The repository root: {@code ZEUES_HOME}, else found upwards from the working directory. */
        static Path findHome() {
            String fromEnv = System.getenv("ZEUES_HOME");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Path.of(fromEnv).toAbsolutePath().normalize();
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("infra/local/pom.xml"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath()
                    + "; set ZEUES_HOME or LocalStack.builder().home(...)");
        }
    }
}
