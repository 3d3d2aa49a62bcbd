package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a process, through {@link LocalStack}: the real broker from {@code kafka-local.jar} and stand-ins
 * for the emulator, the connector and the service. Start, refuse a second launcher, a child that dies, a launcher
 * that is killed, an orderly stop, and the broker's data across all of it. Skipped when kafka-local.jar is not built.
 */
class LocalStackTest {

    private static final String TOPIC = "zeues.local-stack-test";

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void startsRefusesRecoversAndStopsInOrder() throws Exception {
        Optional<Path> kafkaJar = FakeHome.realKafkaLocalJar();
        assumeTrue(kafkaJar.isPresent(), "infra/kafka-local/target/kafka-local.jar is not built");
        Path home = FakeHome.create(dir.resolve("home"), kafkaJar);
        List<String> launcher = List.of(JavaCommand.java(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ZeuesLocal.class.getName());
        LocalStack.Builder builder = LocalStack.builder().home(home).dataDir(dir.resolve("data")).command(launcher)
                .readyTimeout(Duration.ofSeconds(150));

        try (LocalStack stack = builder.start()) {
            Path data = stack.dataDir();
            String out = Files.readString(stack.output());
            assertThat(out).contains(Banner.READY_LINE, stack.serviceUrl() + "/api/health", stack.serviceUrl()
                    + "/api/docs", stack.serviceUrl() + "/actuator/prometheus", data.resolve("admin-token").toString(),
                    "Ctrl-C to stop.");
            String token = stack.adminToken();
            assertThat(out).doesNotContain(token);
            assertThat(Files.getPosixFilePermissions(data.resolve("admin-token")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            // the launcher owns the broker: its pid is recorded and it runs kafka-local.jar on this data dir
            long brokerPid = Long.parseLong(Files.readString(data.resolve("kafka/broker.pid")).trim());
            assertThat(ProcessHandle.of(brokerPid).map(h -> BrokerOwnership.isKafkaLocal(h, data))).hasValue(true);
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }

            // each child got its own settings, and only the service the admin token and SERVER_PORT
            Properties emulator = fakeEnv(data, "sheets-emulator");
            Properties connector = fakeEnv(data, "sheets-connector");
            Properties service = fakeEnv(data, "occupation-service");
            for (Properties env : List.of(emulator, connector, service)) {
                assertThat(env.getProperty("ZEUES_WATCH_PARENT")).isEqualTo("true");
                assertThat(env.getProperty("ZEUES_DATA_DIR")).isEqualTo(data.toString());
            }
            assertThat(emulator.getProperty("ZEUES_SHEETS_EMULATOR_PORT")).isEqualTo("" + stack.ports().emulator());
            assertThat(connector.getProperty("ZEUES_CONNECTOR_PORT")).isEqualTo("" + stack.ports().connector());
            assertThat(connector.getProperty("ZEUES_SHEETS_ENDPOINT")).isEqualTo(stack.emulatorUrl() + "/");
            assertThat(connector.getProperty("ZEUES_SHEETS_SPREADSHEET_ID")).isEqualTo("zeues-local");
            assertThat(connector.getProperty("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(stack.bootstrapServers());
            assertThat(service.getProperty("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(stack.bootstrapServers());
            assertThat(service.getProperty("SERVER_PORT")).isEqualTo("" + stack.ports().service());
            // the token's file, which the service re-reads when it changes: rotation without a restart
            assertThat(service.getProperty("ZEUES_ADMIN_TOKEN")).isEqualTo("<unset>");
            Path tokenFile = Path.of(service.getProperty("ZEUES_ADMIN_TOKEN_FILE"));
            assertThat(tokenFile).isEqualTo(data.resolve("admin-token").toAbsolutePath());
            assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
            assertThat(service.getProperty("ZEUES_CONNECTOR_PORT")).isEqualTo("" + stack.ports().connector());
            assertThat(emulator.getProperty("SERVER_PORT")).isEqualTo("<unset>");
            assertThat(connector.getProperty("SERVER_PORT")).isEqualTo("<unset>");
            assertThat(connector.getProperty("ZEUES_ADMIN_TOKEN")).isEqualTo("<unset>");

            // a second launcher on the same data dir is refused
            ProcessBuilder second = new ProcessBuilder(launcher).redirectErrorStream(true);
            second.environment().putAll(builder.environment());
            Process refused = second.start();
            String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).isEqualTo(2);
            assertThat(refusal).contains("already running on the data directory " + data);

            // a child that dies takes the stack down with exit code 1, and says which one
            List<ProcessHandle> children = stack.process().toHandle().children().toList();
            assertThat(children).hasSize(4);
            ProcessHandle deadConnector = children.stream()
                    .filter(h -> h.info().commandLine().orElse("").contains("sheets-connector.jar")).findFirst().orElseThrow();
            deadConnector.destroyForcibly();
            assertThat(stack.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(stack.process().exitValue()).isEqualTo(1);
            assertThat(Files.readString(stack.output()))
                    .contains("sheets-connector (pid " + deadConnector.pid() + ") stopped unexpectedly");
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(data.resolve("kafka/broker.pid")).doesNotExist();

            // a killed launcher: every child ends by itself (ParentWatch), and the next start works
            stack.restart();
            children = stack.process().toHandle().children().toList();
            assertThat(children).hasSize(4);
            stack.kill();
            long t0 = System.nanoTime();
            for (ProcessHandle child : children) {
                child.onExit().get(15, TimeUnit.SECONDS);
            }
            System.out.printf("local-stack test: children ended %d ms after the launcher was killed%n",
                    (System.nanoTime() - t0) / 1_000_000);

            // Ctrl-C / SIGTERM: service, connector, emulator, then the broker; the topic survived every restart
            stack.restart();
            try (Admin admin = admin(stack)) {
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
            }
            long offset = Files.size(stack.output());
            children = stack.process().toHandle().children().toList();
            stack.stop();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            String stopping = Files.readString(stack.output()).substring((int) offset);
            assertThat(stopping).containsSubsequence("stopping occupation-service", "stopping sheets-connector",
                    "stopping sheets-emulator", "stopping kafka", "stopped; the data stays in " + data);
            assertThat(data.resolve("kafka/broker.pid")).doesNotExist();
        }
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static Properties fakeEnv(Path data, String role) throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(data.resolve("fake-" + role + ".env"))) {
            props.load(reader);
        }
        return props;
    }
}
