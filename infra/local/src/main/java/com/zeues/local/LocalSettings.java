package com.zeues.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher reads from its environment, typed and checked: where the repository and the data are, the
 * ports, an external Kafka cluster if any, and the children's JVM options.
 *
 * @param home             the repository root: {@code ZEUES_HOME}, else three levels above the launcher's jar
 * @param dataDir          {@code ZEUES_DATA_DIR} (default {@code ./data}), absolute
 * @param kafkaPort        {@code ZEUES_KAFKA_PORT} (9092)
 * @param controllerPort   {@code ZEUES_KAFKA_CONTROLLER_PORT} (Kafka port + 1)
 * @param externalKafka    {@code KAFKA_BOOTSTRAP_SERVERS}: when set, no local broker starts
 * @param emulatorPort     {@code ZEUES_SHEETS_EMULATOR_PORT} (9099)
 * @param connectorPort    {@code ZEUES_CONNECTOR_PORT} (8081)
 * @param servicePort      {@code SERVER_PORT} (8080)
 * @param spreadsheetId    {@code ZEUES_SHEETS_SPREADSHEET_ID} (zeues-local, the emulator's demo spreadsheet)
 * @param readyTimeout     {@code ZEUES_READY_TIMEOUT_SECONDS} (180): from start until the service is operational
 * @param javaOptions      per child, {@code ZEUES_<CHILD>_JAVA_OPTS} or a default heap
 */
public record LocalSettings(Path home, Path dataDir, int kafkaPort, int controllerPort, Optional<String> externalKafka,
        int emulatorPort, int connectorPort, int servicePort, String spreadsheetId, Duration readyTimeout,
        Map<Child, List<String>> javaOptions) {

    /**
     * For every child: the client compiler only and the serial collector. On two cores the optimising compiler's
     * work (half of each JVM's CPU in its first minute, measured) competes with everything else, and the machine
     * never wins it back. Measured (docs/benchmarks.md): the broker's start-up CPU halves (27 s to 13 s); the
     * occupation service with these options does 237 operations/s (p99 239 ms) against 165 (p99 391 ms) with C2
     * after a 90 s warm-up, and its SSE fan-out to 10,000 clients has p99 565-673 ms against 881-984 ms.
     * {@code ZEUES_<CHILD>_JAVA_OPTS} replaces them, e.g. on a machine with more cores.
     */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    public enum Child {
        KAFKA("kafka", "infra/kafka-local/target/kafka-local.jar", "ZEUES_KAFKA_JAVA_OPTS",
                QUICK_START + " -Xms64m -Xmx512m"),
        SHEETS_EMULATOR("sheets-emulator", "infra/sheets-emulator/target/sheets-emulator.jar",
                "ZEUES_SHEETS_EMULATOR_JAVA_OPTS", QUICK_START + " -Xmx128m"),
        SHEETS_CONNECTOR("sheets-connector", "services/sheets-connector/target/sheets-connector.jar",
                "ZEUES_CONNECTOR_JAVA_OPTS", QUICK_START + " -Xmx256m"),
        OCCUPATION_SERVICE("occupation-service", "services/occupation-service/target/occupation-service.jar",
                "ZEUES_SERVICE_JAVA_OPTS", QUICK_START + " -Xmx512m");

        private final String displayName;
        private final String jar;
        private final String optionsVariable;
        private final String defaultOptions;

        Child(String displayName, String jar, String optionsVariable, String defaultOptions) {
            this.displayName = displayName;
            this.jar = jar;
            this.optionsVariable = optionsVariable;
            this.defaultOptions = defaultOptions;
        }

        /** The name used in messages and for its log file, {@code logs/<name>.log}. */
        public String displayName() {
            return displayName;
        }

        /** The jar's path relative to the repository root. */
        public String jar() {
            return jar;
        }

        public String optionsVariable() {
            return optionsVariable;
        }
    }

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_EMULATOR_PORT = 9099;
    public static final int DEFAULT_CONNECTOR_PORT = 8081;
    public static final int DEFAULT_SERVICE_PORT = 8080;
    public static final String DEFAULT_SPREADSHEET_ID = "zeues-local";

    public LocalSettings {
        javaOptions = Map.copyOf(javaOptions);
    }

    /**
     * Reads the settings from {@code env}; {@code launcherDir} is the directory of the launcher's jar (or of its
     * classes directory). Throws {@link IllegalArgumentException} with a message for the user when a value is wrong.
     */
    public static LocalSettings from(Map<String, String> env, Path launcherDir) {
        Path home = value(env, "ZEUES_HOME").map(Path::of)
                .orElseGet(() -> launcherDir.resolve("../../..")).toAbsolutePath().normalize();
        Path dataDir = Path.of(value(env, "ZEUES_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
        int kafkaPort = port(env, "ZEUES_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = port(env, "ZEUES_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        Optional<String> external = value(env, "KAFKA_BOOTSTRAP_SERVERS");
        int emulatorPort = port(env, "ZEUES_SHEETS_EMULATOR_PORT", DEFAULT_EMULATOR_PORT);
        int connectorPort = port(env, "ZEUES_CONNECTOR_PORT", DEFAULT_CONNECTOR_PORT);
        int servicePort = port(env, "SERVER_PORT", DEFAULT_SERVICE_PORT);
        String spreadsheetId = value(env, "ZEUES_SHEETS_SPREADSHEET_ID").orElse(DEFAULT_SPREADSHEET_ID);
        Duration readyTimeout = Duration.ofSeconds(positive(env, "ZEUES_READY_TIMEOUT_SECONDS", 180));
        Map<Child, List<String>> javaOptions = new LinkedHashMap<>();
        for (Child child : Child.values()) {
            String options = value(env, child.optionsVariable).orElse(child.defaultOptions);
            javaOptions.put(child, List.of(options.trim().split("\\s+")));
        }
        LocalSettings settings = new LocalSettings(home, dataDir, kafkaPort, controllerPort, external, emulatorPort,
                connectorPort, servicePort, spreadsheetId, readyTimeout, javaOptions);
        settings.checkDistinctPorts();
        return settings;
    }

    public boolean localKafka() {
        return externalKafka.isEmpty();
    }

    public String bootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    public Path jar(Child child) {
        return home.resolve(child.jar);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path log(Child child) {
        return logDir().resolve(child.displayName + ".log");
    }

    public Path lockFile() {
        return dataDir.resolve("launcher.lock");
    }

    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }

    public Path brokerPidFile() {
        return dataDir.resolve("kafka").resolve("broker.pid");
    }

    /** The children this launcher starts: all of them, less the broker when an external cluster is used. */
    public List<Child> children() {
        return Arrays.stream(Child.values()).filter(c -> c != Child.KAFKA || localKafka()).toList();
    }

    /** The ports this launcher's children listen on, by the variable that sets each. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (localKafka()) {
            ports.put("ZEUES_KAFKA_PORT", kafkaPort);
            ports.put("ZEUES_KAFKA_CONTROLLER_PORT", controllerPort);
        }
        ports.put("ZEUES_SHEETS_EMULATOR_PORT", emulatorPort);
        ports.put("ZEUES_CONNECTOR_PORT", connectorPort);
        ports.put("SERVER_PORT", servicePort);
        return ports;
    }

    private void checkDistinctPorts() {
        Map<Integer, String> byPort = new LinkedHashMap<>();
        ports().forEach((variable, port) -> {
            String other = byPort.putIfAbsent(port, variable);
            if (other != null) {
                throw new IllegalArgumentException("port " + port + " is given twice, by " + other + " and " + variable
                        + "; every child needs its own port");
            }
        });
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        int port = positive(env, name, defaultValue);
        if (port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got " + port);
        }
        return port;
    }

    private static int positive(Map<String, String> env, String name, int defaultValue) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, got '" + raw.get() + "'");
        }
    }
}
