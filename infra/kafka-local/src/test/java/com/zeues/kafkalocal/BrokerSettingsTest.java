package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        BrokerSettings s = BrokerSettings.from(new String[0], Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.port()).isEqualTo(9092);
        assertThat(s.controllerPort()).isEqualTo(9093);
        assertThat(s.logLevel()).isEqualTo("WARN");
        assertThat(s.brokerLog()).isEqualTo(s.dataDir().resolve("kafka/logs/broker.log"));
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void environmentThenArguments() {
        Map<String, String> env = Map.of("ZEUES_DATA_DIR", "/tmp/z", "ZEUES_KAFKA_PORT", "19092");
        BrokerSettings fromEnv = BrokerSettings.from(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(19092);
        assertThat(fromEnv.controllerPort()).isEqualTo(19093);
        assertThat(fromEnv.kafkaDir()).isEqualTo(Path.of("/tmp/z/kafka"));

        BrokerSettings fromArgs = BrokerSettings.from(
                new String[] {"--port", "29092", "--controller-port=29999", "--data-dir", "/tmp/y", "--log-level=info"}, env);
        assertThat(fromArgs.port()).isEqualTo(29092);
        assertThat(fromArgs.controllerPort()).isEqualTo(29999);
        assertThat(fromArgs.dataDir()).isEqualTo(Path.of("/tmp/y"));
        assertThat(fromArgs.logLevel()).isEqualTo("INFO");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> BrokerSettings.from(new String[0], Map.of("ZEUES_KAFKA_PORT", "ninety")))
                .hasMessageContaining("ZEUES_KAFKA_PORT");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--port", "9092", "--controller-port", "9092"}, Map.of()))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> BrokerSettings.from(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessageContaining("--bogus");
    }
}
