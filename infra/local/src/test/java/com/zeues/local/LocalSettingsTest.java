package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.local.LocalSettings.Child;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    private static final Path JAR_DIR = Path.of("/repo/infra/local/target");

    @Test
    void defaults() {
        LocalSettings s = LocalSettings.from(Map.of(), JAR_DIR);
        assertThat(s.home()).isEqualTo(Path.of("/repo"));
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.kafkaPort()).isEqualTo(9092);
        assertThat(s.controllerPort()).isEqualTo(9093);
        assertThat(s.emulatorPort()).isEqualTo(9099);
        assertThat(s.connectorPort()).isEqualTo(8081);
        assertThat(s.servicePort()).isEqualTo(8080);
        assertThat(s.spreadsheetId()).isEqualTo("zeues-local");
        assertThat(s.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(s.localKafka()).isTrue();
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(s.children()).containsExactly(Child.values());
        assertThat(s.jar(Child.KAFKA)).isEqualTo(Path.of("/repo/infra/kafka-local/target/kafka-local.jar"));
        assertThat(s.jar(Child.OCCUPATION_SERVICE))
                .isEqualTo(Path.of("/repo/services/occupation-service/target/occupation-service.jar"));
        assertThat(s.log(Child.SHEETS_CONNECTOR)).isEqualTo(s.dataDir().resolve("logs/sheets-connector.log"));
        assertThat(s.brokerPidFile()).isEqualTo(s.dataDir().resolve("kafka/broker.pid"));
        assertThat(s.lockFile()).isEqualTo(s.dataDir().resolve("launcher.lock"));
        assertThat(s.adminTokenFile()).isEqualTo(s.dataDir().resolve("admin-token"));
        assertThat(s.javaOptions().get(Child.OCCUPATION_SERVICE)).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");
    }

    @Test
    void environmentOverridesEverything() {
        LocalSettings s = LocalSettings.from(Map.of(
                "ZEUES_HOME", "/elsewhere",
                "ZEUES_DATA_DIR", "/var/zeues",
                "ZEUES_KAFKA_PORT", "19092",
                "ZEUES_SHEETS_EMULATOR_PORT", "19099",
                "ZEUES_CONNECTOR_PORT", "18081",
                "SERVER_PORT", "18080",
                "ZEUES_SHEETS_SPREADSHEET_ID", "sheet-1",
                "ZEUES_READY_TIMEOUT_SECONDS", "30",
                "ZEUES_SERVICE_JAVA_OPTS", " -Xmx1g  -XX:+UseSerialGC "), JAR_DIR);
        assertThat(s.home()).isEqualTo(Path.of("/elsewhere"));
        assertThat(s.dataDir()).isEqualTo(Path.of("/var/zeues"));
        assertThat(s.kafkaPort()).isEqualTo(19092);
        assertThat(s.controllerPort()).isEqualTo(19093);
        assertThat(s.ports()).containsExactly(Map.entry("ZEUES_KAFKA_PORT", 19092),
                Map.entry("ZEUES_KAFKA_CONTROLLER_PORT", 19093), Map.entry("ZEUES_SHEETS_EMULATOR_PORT", 19099),
                Map.entry("ZEUES_CONNECTOR_PORT", 18081), Map.entry("SERVER_PORT", 18080));
        assertThat(s.spreadsheetId()).isEqualTo("sheet-1");
        assertThat(s.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.javaOptions().get(Child.OCCUPATION_SERVICE)).isEqualTo(List.of("-Xmx1g", "-XX:+UseSerialGC"));
        assertThat(s.javaOptions().get(Child.KAFKA)).isEqualTo(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xms64m", "-Xmx512m"));
    }

    @Test
    void externalKafkaMeansNoBroker() {
        LocalSettings s = LocalSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092",
                "ZEUES_KAFKA_PORT", "8080"), JAR_DIR);
        assertThat(s.localKafka()).isFalse();
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:29092");
        assertThat(s.children()).doesNotContain(Child.KAFKA);
        // the unused Kafka port may clash with nothing
        assertThat(s.ports()).doesNotContainKey("ZEUES_KAFKA_PORT");
    }

    @Test
    void blankValuesAreUnset() {
        LocalSettings s = LocalSettings.from(Map.of("SERVER_PORT", " ", "KAFKA_BOOTSTRAP_SERVERS", ""), JAR_DIR);
        assertThat(s.servicePort()).isEqualTo(8080);
        assertThat(s.localKafka()).isTrue();
    }

    @Test
    void rejectsWrongValuesWithTheVariableName() {
        assertThatThrownBy(() -> LocalSettings.from(Map.of("SERVER_PORT", "http"), JAR_DIR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVER_PORT").hasMessageContaining("http");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("ZEUES_CONNECTOR_PORT", "65536"), JAR_DIR))
                .hasMessageContaining("ZEUES_CONNECTOR_PORT");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("ZEUES_READY_TIMEOUT_SECONDS", "0"), JAR_DIR))
                .hasMessageContaining("ZEUES_READY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("ZEUES_CONNECTOR_PORT", "9093"), JAR_DIR))
                .hasMessageContaining("9093").hasMessageContaining("ZEUES_KAFKA_CONTROLLER_PORT")
                .hasMessageContaining("ZEUES_CONNECTOR_PORT");
    }
}
