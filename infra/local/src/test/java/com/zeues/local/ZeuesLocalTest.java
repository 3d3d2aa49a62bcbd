package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.kafkalocal.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's refusals, each with exit code 2 and a message that says what to do; nothing is started. */
class ZeuesLocalTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(Map<String, String> env) {
        return new ZeuesLocal(env, dir.resolve("nowhere/infra/local/target"),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run(false);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private Map<String, String> env(Path home) {
        int[] ports = FreePorts.find(5);
        Map<String, String> env = new HashMap<>();
        env.put("ZEUES_HOME", home.toString());
        env.put("ZEUES_DATA_DIR", dir.resolve("data").toString());
        env.put("ZEUES_KAFKA_PORT", String.valueOf(ports[0]));
        env.put("ZEUES_KAFKA_CONTROLLER_PORT", String.valueOf(ports[1]));
        env.put("ZEUES_SHEETS_EMULATOR_PORT", String.valueOf(ports[2]));
        env.put("ZEUES_CONNECTOR_PORT", String.valueOf(ports[3]));
        env.put("SERVER_PORT", String.valueOf(ports[4]));
        return env;
    }

    @Test
    void refusesASecondLauncherOnTheSameDataDir() throws Exception {
        Map<String, String> env = env(FakeHome.createEmpty(dir.resolve("home")));
        try (DataDirLock held = DataDirLock.acquire(dir.resolve("data/launcher.lock"))) {
            assertThat(run(env)).isEqualTo(2);
        }
        assertThat(output()).contains("ZEUES is already running on the data directory " + dir.resolve("data"))
                .contains("another ZEUES_DATA_DIR");
    }

    @Test
    void refusesToStartWithoutTheJars() {
        assertThat(run(env(dir.resolve("empty-home")))).isEqualTo(2);
        assertThat(output()).contains("missing").contains("kafka-local.jar").contains("occupation-service.jar")
                .contains("mvn -B -q -DskipTests package");
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        Map<String, String> env = env(FakeHome.createEmpty(dir.resolve("home")));
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            env.put("ZEUES_KAFKA_PORT", String.valueOf(taken.getLocalPort()));
            assertThat(new ZeuesLocal(env, dir, new PrintStream(output, true, StandardCharsets.UTF_8))
                    .portWait(java.time.Duration.ofMillis(300)).run(false)).isEqualTo(2);
            assertThat(output()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 (ZEUES_KAFKA_PORT) is in use")
                    .contains("KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void refusesBadSettings() {
        assertThat(run(Map.of("SERVER_PORT", "eighty"))).isEqualTo(2);
        assertThat(output()).contains("SERVER_PORT must be a positive number, got 'eighty'");
    }
}
