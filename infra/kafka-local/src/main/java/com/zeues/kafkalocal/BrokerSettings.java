package com.zeues.kafkalocal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where and on which ports one local broker runs, read from the command line or the environment.
 *
 * <p>{@code dataDir} is ZEUES's data directory ({@code ZEUES_DATA_DIR}); everything of the broker lives under
 * {@code dataDir/kafka}: {@code server.properties}, {@code cluster.id}, the log segments in {@code data/} and the
 * broker's own log in {@code logs/broker.log}.
 */
public record BrokerSettings(Path dataDir, int port, int controllerPort, String logLevel) {

    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_LOG_LEVEL = "WARN";

    public BrokerSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("port", port);
        checkPort("controller port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("the Kafka port and the controller port must differ, both are " + port);
        }
        logLevel = logLevel.toUpperCase(Locale.ROOT);
    }

    /**
     * Reads {@code --data-dir}, {@code --port}, {@code --controller-port} and {@code --log-level} (as
     * {@code --name value} or {@code --name=value}), falling back to {@code ZEUES_DATA_DIR} (default {@code ./data}),
     * {@code ZEUES_KAFKA_PORT} (9092), {@code ZEUES_KAFKA_CONTROLLER_PORT} (Kafka port + 1) and
     * {@code ZEUES_KAFKA_LOG_LEVEL} (WARN).
     */
    public static BrokerSettings from(String[] args, Map<String, String> env) {
        String dataDir = env.getOrDefault("ZEUES_DATA_DIR", "./data");
        String port = env.get("ZEUES_KAFKA_PORT");
        String controllerPort = env.get("ZEUES_KAFKA_CONTROLLER_PORT");
        String logLevel = env.getOrDefault("ZEUES_KAFKA_LOG_LEVEL", DEFAULT_LOG_LEVEL);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            switch (name) {
                case "--data-dir" -> dataDir = value;
                case "--port" -> port = value;
                case "--controller-port" -> controllerPort = value;
                case "--log-level" -> logLevel = value;
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + " (known: --data-dir, --port, --controller-port, --log-level)");
            }
        }
        int kafkaPort = blank(port) ? DEFAULT_PORT : parsePort("ZEUES_KAFKA_PORT", port);
        int ctrlPort = blank(controllerPort) ? kafkaPort + 1 : parsePort("ZEUES_KAFKA_CONTROLLER_PORT", controllerPort);
        return new BrokerSettings(Path.of(dataDir), kafkaPort, ctrlPort, logLevel);
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the " + what + " must be between 1 and 65535, got " + port);
        }
    }
}
