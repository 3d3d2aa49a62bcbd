package com.zeues.occupation.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zeues.occupation.SharedKafka;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sheet sink fields of {@code /api/health}: the backlog from the sink group's offsets on a real broker, the
 * connection and last success/error from a stand-in for the connector's {@code GET /api/sheets/sink}.
 */
class SheetSinkStatusTest {

    private static final Duration THRESHOLD = Duration.ofSeconds(60);

    private final AtomicReference<String> connectorBody = new AtomicReference<>();
    private HttpServer connector;
    private String prefix;
    private TopicRegistry topics;
    private Admin admin;

    @BeforeEach
    void setUp() throws Exception {
        prefix = "sink-health-" + System.nanoTime() + ".";
        topics = new TopicRegistry(new TopicRegistry.Settings(prefix, 3, 2, (short) 1));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        admin = Admin.create(p);
        TopicProvisioner.ensure(admin, topics.all());
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/api/sheets/sink", ex -> {
            String body = connectorBody.get();
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        connector.start();
    }

    @AfterEach
    void tearDown() {
        connector.stop(0);
        admin.close();
    }

    private SheetSinkStatus status(String url) {
        return new SheetSinkStatus(SharedKafka.bootstrapServers(), prefix, topics, "test", url, true, THRESHOLD);
    }

    private String url() {
        return "http://127.0.0.1:" + connector.getAddress().getPort();
    }

    private String group() {
        return prefix + "zeues-sheets-sink";
    }

    private void connectorSays(String state, String connection, String lastError) {
        connectorBody.set("{\"state\":\"" + state + "\",\"sheets_connection\":\"" + connection
                + "\",\"last_success\":\"2026-02-02T08:15:00-03:00\",\"last_error\":"
                + (lastError == null ? "null" : "\"" + lastError + "\"") + ",\"group_id\":\"" + group() + "\"}");
    }

    @Test
    void noSinkEverRanForThisSystem() {
        SheetSinkStatus s = status("http://127.0.0.1:1");
        SheetSinkStatus.Snapshot snap = s.check();
        s.destroy();

        assertThat(snap.connection()).isEqualTo("disabled");
        assertThat(snap.degraded()).isFalse();
        assertThat(snap.sink()).containsEntry("pending_events", null).containsEntry("last_error", null);
    }

    @Test
    void theBacklogComesFromKafkaAndAnOldOneDegrades() throws Exception {
        long old = System.currentTimeMillis() - 120_000;
        produce(0, old, 3);
        produce(1, System.currentTimeMillis(), 1);
        commit(Map.of(0, 1L)); // partition 0: two unwritten (offsets 1, 2) from two minutes ago; partition 1: one
        connectorSays("running", "ok", null);
        SheetSinkStatus s = status(url());

        SheetSinkStatus.Snapshot behind = s.check();

        assertThat(behind.connection()).isEqualTo("ok");
        assertThat(behind.sink()).containsEntry("pending_events", 3L)
                .containsEntry("last_success", "2026-02-02T08:15:00-03:00");
        assertThat((Long) behind.sink().get("oldest_pending_age_s")).isBetween(115L, 200L);
        assertThat(behind.degraded()).isTrue();

        commit(Map.of(0, 3L, 1, 1L));
        SheetSinkStatus.Snapshot caughtUp = s.check();
        s.destroy();

        assertThat(caughtUp.sink()).containsEntry("pending_events", 0L).containsEntry("oldest_pending_age_s", null);
        assertThat(caughtUp.degraded()).isFalse();
    }

    @Test
    void anUnreachableSheetOrConnectorIsAnErrorAndDegrades() throws Exception {
        produce(0, System.currentTimeMillis(), 1);
        commit(Map.of(0, 1L));
        SheetSinkStatus s = status(url());

        connectorSays("retrying", "error", "HTTP 503: The service is currently unavailable.");
        SheetSinkStatus.Snapshot sheetDown = s.check();
        assertThat(sheetDown.connection()).isEqualTo("error");
        assertThat(sheetDown.degraded()).isTrue();
        assertThat(sheetDown.sink()).containsEntry("pending_events", 0L)
                .containsEntry("last_error", "HTTP 503: The service is currently unavailable.");

        connectorSays("stopped", "ok", "HTTP 403: The caller does not have permission");
        assertThat(s.check().connection()).isEqualTo("error");

        connectorBody.set("{\"state\":\"running\",\"sheets_connection\":\"ok\",\"group_id\":\"other\"}");
        SheetSinkStatus.Snapshot foreign = s.check();
        assertThat(foreign.connection()).isEqualTo("error");
        assertThat((String) foreign.sink().get("last_error")).contains("unreachable").contains("other");

        connector.stop(0);
        long start = System.nanoTime();
        SheetSinkStatus.Snapshot down = s.check();
        s.destroy();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
        assertThat(down.connection()).isEqualTo("error");
        assertThat(down.degraded()).isTrue();
        assertThat((String) down.sink().get("last_error")).startsWith("sheets connector unreachable at " + url());
    }

    private void produce(int partition, long timestamp, int n) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topics.spoolEvents.name(), partition, timestamp, "TEST-01",
                        "{}".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private void commit(Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> out = new java.util.HashMap<>();
        offsets.forEach((p, o) -> out.put(new TopicPartition(topics.spoolEvents.name(), p), new OffsetAndMetadata(o)));
        admin.alterConsumerGroupOffsets(group(), out).all().get(10, TimeUnit.SECONDS);
    }
}
