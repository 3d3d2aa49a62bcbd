package com.zeues.occupation;

import static com.zeues.occupation.ApiClient.cmd;
import static com.zeues.occupation.MasterDataFixture.FERNANDO;
import static com.zeues.occupation.MasterDataFixture.JUAN;
import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.occupation.ApiClient.Response;
import com.zeues.occupation.SseTestClient.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/sse/stream} with real HTTP clients against a real broker (contract §5): snapshot then updates,
 * replay with {@code Last-Event-ID}, a snapshot for a stale or foreign id, filters, and a client that never reads
 * disconnected alone while the others keep receiving. Small per-client buffers and a 1 s heartbeat for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SseStreamTest {

    static final int CLIENT_BUFFER = 32;
    static final int REPLAY_MAX = 40;
    /** Contract: on SSE within 1 s; a loaded 2-core CI machine gets 3×. */
    static final Duration LIVE = Duration.ofSeconds(3);
    static final String ISO_OFFSET = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d";

    OccupationServiceContext svc;
    ApiClient api;

    @BeforeAll
    void startService() {
        svc = new OccupationServiceContext(SharedKafka.bootstrapServers(),
                "zeues.views.client-buffer=" + CLIENT_BUFFER,
                "zeues.views.replay-max-events=" + REPLAY_MAX,
                "zeues.views.heartbeat=1s");
        MasterDataFixture.publish(svc.bootstrap(), svc.topics(), 5_000L);
        svc.start();
        api = new ApiClient(svc.port());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/health").body().get("operational").asBoolean());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/dashboard/resumen").body().get("total_spools").asInt() >= 57);
    }

    @AfterAll
    void stopService() {
        if (producer != null) {
            producer.close();
        }
        if (svc != null) {
            svc.close();
        }
    }



    /** Waits until the views show these spools occupied, so a snapshot taken now has them. */
    void occupiedNow(String... tags) {
        await().atMost(LIVE).pollInterval(Duration.ofMillis(20)).until(() -> {
            String occupied = api.get("/api/dashboard/occupied").raw();
            return java.util.Arrays.stream(tags).allMatch(t -> occupied.contains("\"" + t + "\""));
        });
    }

    static List<String> tags(Frame snapshot) {
        List<String> tags = new java.util.ArrayList<>();
        snapshot.json().forEach(o -> tags.add(o.get("tag_spool").asString()));
        return tags;
    }

    @Test
    void snapshotThenUpdatesWithIdsStatusAndHeartbeats() {
        api.ok("/api/occupation/tomar", cmd("TEST-01", MAURICIO, "ARM"));
        occupiedNow("TEST-01");
        try (SseTestClient sse = SseTestClient.connect(svc.port())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(sse.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(sse.headers().firstValue("X-Accel-Buffering")).hasValue("no");

            Frame snapshot = sse.await("snapshot", LIVE);
            assertThat(sse.frames().get(0).retry()).isEqualTo("3000");
            assertThat(snapshot.id()).matches("\\d+-\\d+");
            JsonNode occupied = snapshot.json();
            assertThat(occupied.isArray()).isTrue();
            assertThat(tags(snapshot)).contains("TEST-01");
            JsonNode first = occupied.get(0);
            assertThat(first.get("worker_nombre").asString()).isNotBlank();
            assertThat(first.get("fecha_ocupacion").asString()).matches(ISO_OFFSET);
            Frame status = sse.await("status", LIVE);
            assertThat(status.json().get("kafka").asString()).isEqualTo("ok");

            int mark = sse.size();
            api.ok("/api/occupation/pausar", cmd("TEST-01", MAURICIO, "ARM"));
            api.ok("/api/occupation/tomar", cmd("TEST-02", JUAN, "ARM"));
            Frame pause = sse.awaitUpdate("TEST-01", "PAUSAR_SPOOL", mark, LIVE);
            Frame take = sse.awaitUpdate("TEST-02", "TOMAR_SPOOL", mark, LIVE);
            JsonNode data = take.json();
            assertThat(data.get("event_type").asString()).isEqualTo("TOMAR_SPOOL");
            assertThat(data.get("evento_tipo").asString()).isEqualTo("TOMAR_SPOOL");
            assertThat(data.get("worker_nombre").asString()).isEqualTo("JP(94)");
            assertThat(data.get("version").asLong()).isEqualTo(1);
            assertThat(data.get("timestamp").asString()).as("instants rendered like the HTTP API").matches(ISO_OFFSET);
            assertThat(data.get("spool").get("fecha_ocupacion").asString()).matches(ISO_OFFSET);
            assertThat(data.get("spool").get("ocupado_por").asString()).isEqualTo("JP(94)");
            assertThat(take.epoch()).isEqualTo(pause.epoch()).isEqualTo(snapshot.epoch());
            assertThat(take.seq()).isGreaterThan(pause.seq());
            assertThat(pause.seq()).isGreaterThan(snapshot.seq());

            int beat = sse.size();
            sse.await(Frame::isComment, beat, Duration.ofSeconds(5)); // heartbeat comment (1 s in this class)
            assertThat(sse.ended()).isFalse();
        }
    }

    @Test
    void lastEventIdReplaysTheMissedEventsInOrder() {
        String lastId;
        try (SseTestClient sse = SseTestClient.connect(svc.port())) {
            sse.await("snapshot", LIVE);
            int mark = sse.size();
            api.ok("/api/occupation/tomar", cmd("TEST-03", MAURICIO, "ARM"));
            lastId = sse.awaitUpdate("TEST-03", "TOMAR_SPOOL", mark, LIVE).id();
        }
        // missed while disconnected
        api.ok("/api/occupation/pausar", cmd("TEST-03", MAURICIO, "ARM"));
        api.ok("/api/occupation/tomar", cmd("TEST-03", JUAN, "ARM"));
        api.ok("/api/occupation/completar", cmd("TEST-03", JUAN, "ARM"));
        try (SseTestClient again = new SseTestClient(svc.port(), null, lastId)) {
            Frame done = again.awaitUpdate("TEST-03", "COMPLETAR_ARM", 0, LIVE);
            List<Frame> updates = again.events("spool_update").stream()
                    .filter(f -> f.json().get("tag_spool").asString().equals("TEST-03")).toList();
            assertThat(updates).extracting(f -> f.json().get("evento_tipo").asString())
                    .containsExactly("PAUSAR_SPOOL", "TOMAR_SPOOL", "COMPLETAR_ARM");
            assertThat(updates).extracting(f -> f.json().get("version").asLong()).containsExactly(2L, 3L, 4L);
            assertThat(again.events("snapshot")).as("replayed, no snapshot").isEmpty();
            long previous = Long.parseLong(lastId.substring(lastId.indexOf('-') + 1));
            for (Frame f : again.events("spool_update")) {
                assertThat(f.seq()).isGreaterThan(previous);
                previous = f.seq();
            }
            assertThat(done.epoch()).isEqualTo(lastId.substring(0, lastId.indexOf('-')));
            // the missed events come first, then the current Kafka status
            assertThat(again.await("status", LIVE).json().get("kafka").asString()).isEqualTo("ok");
        }
    }

    @Test
    void aForeignOrStaleLastEventIdGetsAFreshSnapshot() throws InterruptedException {
        String epoch;
        try (SseTestClient sse = SseTestClient.connect(svc.port())) {
            epoch = sse.await("snapshot", LIVE).epoch();
        }
        for (String id : List.of("12345-7", "not-an-id", "x", epoch + "-999999999")) {
            try (SseTestClient sse = new SseTestClient(svc.port(), null, id)) {
                Frame snapshot = sse.await("snapshot", LIVE);
                assertThat(snapshot.epoch()).isEqualTo(epoch);
            }
        }
        // an id of this instance older than the replay buffer (it holds the last REPLAY_MAX events)
        String old;
        try (SseTestClient sse = SseTestClient.connect(svc.port())) {
            old = sse.await("snapshot", LIVE).id();
            for (int i = 0; i < REPLAY_MAX + 5; i += 5) {
                inject("STALE-01", 5, 10);
                Thread.sleep(20);
            }
            await().atMost(LIVE).until(() -> updates(sse, "STALE-01").size() == REPLAY_MAX + 5);
        }
        try (SseTestClient sse = new SseTestClient(svc.port(), null, old)) {
            Frame snapshot = sse.await("snapshot", LIVE);
            assertThat(Long.parseLong(snapshot.id().substring(snapshot.id().indexOf('-') + 1)))
                    .isGreaterThan(Long.parseLong(old.substring(old.indexOf('-') + 1)));
            assertThat(sse.events("spool_update")).isEmpty();
        }
    }

    @Test
    void filtersByTagAndByOperation() {
        api.ok("/api/occupation/tomar", cmd("TEST-04", MAURICIO, "ARM"));
        api.ok("/api/occupation/tomar", cmd("ARMDONE-01", FERNANDO, "SOLD"));
        occupiedNow("TEST-04", "ARMDONE-01");
        try (SseTestClient byTag = new SseTestClient(svc.port(), "tag_spool=TEST-04", null);
             SseTestClient byOp = new SseTestClient(svc.port(), "operacion=SOLD", null);
             SseTestClient all = SseTestClient.connect(svc.port())) {
            assertThat(tags(byTag.await("snapshot", LIVE))).containsExactly("TEST-04");
            Frame soldSnapshot = byOp.await("snapshot", LIVE);
            assertThat(tags(soldSnapshot)).contains("ARMDONE-01").doesNotContain("TEST-04");
            soldSnapshot.json().forEach(o -> assertThat(o.get("operacion").asString()).isEqualTo("SOLD"));
            all.await("snapshot", LIVE);

            api.ok("/api/occupation/pausar", cmd("TEST-04", MAURICIO, "ARM"));
            api.ok("/api/occupation/pausar", cmd("ARMDONE-01", FERNANDO, "SOLD"));
            api.ok("/api/occupation/tomar", cmd("TEST-05", MAURICIO, "ARM"));
            all.awaitUpdate("TEST-05", "TOMAR_SPOOL", 0, LIVE);
            byTag.awaitUpdate("TEST-04", "PAUSAR_SPOOL", 0, LIVE);
            byOp.awaitUpdate("ARMDONE-01", "PAUSAR_SPOOL", 0, LIVE);
            assertThat(byTag.events("spool_update")).allSatisfy(f ->
                    assertThat(f.json().get("tag_spool").asString()).isEqualTo("TEST-04"));
            assertThat(byOp.events("spool_update")).allSatisfy(f ->
                    assertThat(f.json().get("operacion").asString()).isEqualTo("SOLD"));
            assertThat(all.events("spool_update")).extracting(f -> f.json().get("tag_spool").asString())
                    .contains("TEST-04", "ARMDONE-01", "TEST-05");
        }
        Response bad = api.get("/api/sse/stream?operacion=soldadura");
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.error()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/sse/stream?tag_spool=../x").status()).isEqualTo(422);
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedAloneWhileTheOthersReceiveEverything() throws Exception {
        double droppedBefore = droppedClients();
        try (SseTestClient reader = SseTestClient.connect(svc.port());
             Socket stalled = stalledClient()) {
            reader.await("snapshot", LIVE);
            String tag = "FLOOD-01";
            // paced (100 events/s, 4 KB each) so that a client that reads is never a whole buffer behind
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (droppedClients() <= droppedBefore && System.nanoTime() < deadline) {
                for (int i = 0; i < 10; i++) {
                    inject(tag, 4, 4_000, sent);
                    sent += 4;
                    Thread.sleep(40);
                }
            }
            assertThat(droppedClients()).as("the stalled client was dropped after %d events", sent)
                    .isEqualTo(droppedBefore + 1);
            System.out.printf("the stalled client was dropped after %d events%n", sent);
            for (int i = 0; i < 5; i++) { // the stream goes on after the drop
                inject(tag, 4, 4_000, sent);
                sent += 4;
                Thread.sleep(40);
            }
            int total = sent;
            await().atMost(Duration.ofSeconds(20)).until(() -> updates(reader, tag).size() >= total);
            Set<Long> versions = new HashSet<>();
            updates(reader, tag).forEach(f -> versions.add(f.json().get("version").asLong()));
            assertThat(versions).as("every event, none skipped").hasSize(total);
            assertThat(reader.ended()).isFalse();
            assertThat(closedByServer(stalled)).as("the stalled client's connection is closed").isTrue();
        }
    }

    static List<Frame> updates(SseTestClient c, String tag) {
        return c.events("spool_update").stream().filter(f -> tag.equals(f.json().get("tag_spool").asString()))
                .toList();
    }

    /** Connects with a tiny receive window and never reads. */
    Socket stalledClient() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new InetSocketAddress("127.0.0.1", svc.port()), 5_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/sse/stream HTTP/1.1\r\nHost: 127.0.0.1:" + svc.port()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Reads what the socket still holds; true when the server closed it. */
    static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    double droppedClients() {
        Matcher m = Pattern.compile("(?m)^zeues_sse_clients_dropped_total(?:\\{[^}]*})? ([0-9.eE+]+)$")
                .matcher(api.get("/actuator/prometheus").raw());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    void inject(String tag, int count, int padding) {
        inject(tag, count, padding, versionOf(tag));
    }

    final Map<String, Integer> injected = new java.util.concurrent.ConcurrentHashMap<>();

    int versionOf(String tag) {
        return injected.getOrDefault(tag, 0);
    }

    /**
     * Writes {@code count} events of a made-up spool straight to zeues.spool-events (as the topology would, with
     * versions after {@code from}): a burst no command path could produce as fast.
     */
    KafkaProducer<String, SpoolEvent> producer;

    void inject(String tag, int count, int padding, int from) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, svc.bootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), svc.topics().spoolEvents.valueSerde().serializer());
        }
        String motivo = "x".repeat(padding);
        for (int i = 1; i <= count; i++) {
            long version = from + i;
            SpoolView view = SpoolView.of(SpoolState.fresh(tag, "NV", "OT", null).toBuilder().version(version)
                    .build());
            SpoolEvent e = new SpoolEvent(SpoolEvent.SCHEMA_VERSION, SpoolEvent.eventId(tag, version), Instant.now(),
                    EventoTipo.PAUSAR_SPOOL, tag, 0, "SYSTEM", Operacion.ARM, Accion.PAUSAR, LocalDate.now(),
                    version, Map.of("motivo", motivo), view.estadoDetalle(), view);
            producer.send(new ProducerRecord<>(svc.topics().spoolEvents.name(), tag, e));
        }
        producer.flush();
        injected.merge(tag, count, Integer::sum);
    }
}
