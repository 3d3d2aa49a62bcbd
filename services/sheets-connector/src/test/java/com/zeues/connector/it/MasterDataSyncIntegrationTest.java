package com.zeues.connector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.connector.kafka.KafkaClients;
import com.zeues.connector.master.MasterDataSync;
import com.zeues.connector.master.PublishedMasterData;
import com.zeues.connector.master.PublishedStateLoader;
import com.zeues.connector.master.SyncRequestListener;
import com.zeues.connector.master.SyncStatus;
import com.zeues.connector.sheets.EmulatorSheets;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SyncRequest;
import com.zeues.domain.model.Worker;
import com.zeues.sheets.emulator.DemoSpreadsheet;
import com.zeues.sheets.emulator.SheetsEmulator;
import com.zeues.topology.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The master-data half end to end: the connector app against a real (embedded, KRaft) broker and the sheets
 * emulator, driven by the official Google client. The tests share one context and run in order: each sync
 * builds on the last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeues.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "zeues.topics.prefix=it-master.",
        "zeues.sync.interval=1h",
        "zeues.sync.retry-min=200ms",
        "zeues.sync.retry-max=2s"})
@AutoConfigureWebTestClient
@EmbeddedKafka(brokerProperties = {
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterDataSyncIntegrationTest {

    private static final SheetsEmulator emulator = SheetsEmulator.start(0, null);
    private static final int PARTITIONS = 6;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void sheets(DynamicPropertyRegistry registry) {
        registry.add("zeues.sheets.endpoint", emulator::rootUrl);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Autowired
    MasterDataSync sync;
    @Autowired
    SyncRequestListener listener;
    @Autowired
    TopicRegistry topics;
    @Autowired
    KafkaClients clients;
    @Autowired
    WebTestClient web;

    private EmulatorSheets sheets;

    @BeforeEach
    void sheets() {
        sheets = new EmulatorSheets(emulator, SheetsEmulator.DEFAULT_SPREADSHEET_ID);
    }

    @Test
    @Order(1)
    void theStartSyncPublishesEverySpoolAndWorkerThenMarkersOnEveryPartition() {
        await().atMost(WAIT).until(() -> sync.status().ok());
        SyncStatus status = sync.status();
        List<DemoSpreadsheet.Spool> demo = DemoSpreadsheet.spools();
        assertThat(status.publishedSpools()).isEqualTo(demo.size());
        assertThat(status.publishedWorkers()).isEqualTo(DemoSpreadsheet.WORKERS.size());
        assertThat(status.rowProblems()).isEmpty();

        List<ConsumerRecord<String, byte[]>> spools = readAll(topics.spools.name(), PARTITIONS);
        List<ConsumerRecord<String, byte[]>> data = spools.stream()
                .filter(r -> !r.key().startsWith(SpoolMaster.MARKER_PREFIX)).toList();
        assertThat(data).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(demo.stream().map(DemoSpreadsheet.Spool::tag).toList());
        for (ConsumerRecord<String, byte[]> r : data) {
            // the default partitioner, as for commands: a spool's master data meets its commands
            int expected = Utils.toPositive(Utils.murmur2(r.key().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            assertThat(r.partition()).as(r.key()).isEqualTo(expected);
        }
        SpoolMaster approved = spool(data, tagIn(DemoSpreadsheet.State.APROBADO));
        assertThat(approved.seed()).isNotNull();
        assertThat(approved.seed().estadoDetalle()).isEqualTo("METROLOGIA_APROBADO ✓");
        assertThat(spool(data, "TEST-01").seed()).isNull();
        assertMarkersLast(spools, status.lastSyncId());

        List<ConsumerRecord<String, byte[]>> workers = readAll(topics.workers.name(), 1);
        assertThat(workers).hasSize(DemoSpreadsheet.WORKERS.size() + 1);
        ConsumerRecord<String, byte[]> last = workers.get(workers.size() - 1);
        assertThat(last.key()).isEqualTo(Worker.MARKER_KEY);
        assertThat(worker(last).syncId()).isEqualTo(status.lastSyncId());
        Worker w94 = workers.stream().filter(r -> r.key().equals("94")).map(this::worker).findFirst().orElseThrow();
        assertThat(w94).isEqualTo(new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador"), true));
    }

    @Test
    @Order(2)
    void aSyncWithNoSheetChangePublishesOnlyMarkers() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();

        SyncStatus status = sync.requestSync(null, "test").get(60, TimeUnit.SECONDS);

        assertThat(status.publishedSpools()).isZero();
        assertThat(status.publishedWorkers()).isZero();
        List<ConsumerRecord<String, byte[]>> spools = readFrom(topics.spools.name(), PARTITIONS, before);
        assertThat(spools).extracting(ConsumerRecord::key).allMatch(k -> k.startsWith(SpoolMaster.MARKER_PREFIX));
        assertThat(spools).hasSize(PARTITIONS);
        assertMarkersLast(spools, status.lastSyncId());
        List<ConsumerRecord<String, byte[]>> workers = readFrom(topics.workers.name(), 1, before);
        assertThat(workers).extracting(ConsumerRecord::key).containsExactly(Worker.MARKER_KEY);
    }

    @Test
    @Order(3)
    void changingAMasterColumnRepublishesJustThatSpool() throws Exception {
        String tag = DemoSpreadsheet.spools().get(3).tag(); // sheet row 5
        String nvCol = sheets.column("Operaciones", "NV");
        sheets.set("Operaciones!" + nvCol + "5", "NV-9999");
        Map<TopicPartition, Long> before = endOffsets();

        SyncStatus status = sync.requestSync(null, "test").get(60, TimeUnit.SECONDS);

        assertThat(status.publishedSpools()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> spools = readFrom(topics.spools.name(), PARTITIONS, before);
        List<ConsumerRecord<String, byte[]>> data = spools.stream()
                .filter(r -> !r.key().startsWith(SpoolMaster.MARKER_PREFIX)).toList();
        assertThat(data).extracting(ConsumerRecord::key).containsExactly(tag);
        SpoolMaster m = spool(data, tag);
        assertThat(m.nv()).isEqualTo("NV-9999");
        assertThat(m.seed()).isNull(); // the seed travelled once, with the first publication
        assertMarkersLast(spools, status.lastSyncId());
        assertThat(readFrom(topics.workers.name(), 1, before)).extracting(ConsumerRecord::key)
                .containsExactly(Worker.MARKER_KEY);
    }

    @Test
    @Order(4)
    void changingAStateColumnRepublishesNothing() throws Exception {
        String estadoCol = sheets.column("Operaciones", "Estado_Detalle");
        String armadorCol = sheets.column("Operaciones", "Armador");
        sheets.set("Operaciones!" + estadoCol + "6", "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        sheets.set("Operaciones!" + armadorCol + "6", "MR(93)");
        Map<TopicPartition, Long> before = endOffsets();

        SyncStatus status = sync.requestSync(null, "test").get(60, TimeUnit.SECONDS);

        assertThat(status.publishedSpools()).isZero();
        assertThat(readFrom(topics.spools.name(), PARTITIONS, before)).extracting(ConsumerRecord::key)
                .allMatch(k -> k.startsWith(SpoolMaster.MARKER_PREFIX));
    }

    @Test
    @Order(5)
    void aWorkerChangeRepublishesThatWorker() throws Exception {
        sheets.set("Trabajadores!D3", "FALSE"); // 94, Juan Carlos
        Map<TopicPartition, Long> before = endOffsets();

        SyncStatus status = sync.requestSync(null, "test").get(60, TimeUnit.SECONDS);

        assertThat(status.publishedWorkers()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> workers = readFrom(topics.workers.name(), 1, before);
        assertThat(workers).extracting(ConsumerRecord::key).containsExactly("94", Worker.MARKER_KEY);
        assertThat(worker(workers.get(0)).activo()).isFalse();
    }

    @Test
    @Order(6)
    void aSyncRequestOnTheControlTopicTriggersASyncCarryingItsId() throws Exception {
        await().atMost(WAIT).until(listener::isAssigned);
        long syncId = Math.max(System.currentTimeMillis(), sync.status().lastSyncId()) + 10_000;
        long syncsBefore = sync.status().syncs();
        try (Producer<String, byte[]> producer = clients.producer("it-control")) {
            producer.send(new ProducerRecord<>(topics.control.name(), "sync", topics.control.valueSerde()
                    .serializer().serialize(topics.control.name(), new SyncRequest(syncId, "it")))).get();
        }

        await().atMost(WAIT).until(() -> sync.status().syncs() > syncsBefore
                && Long.valueOf(syncId).equals(sync.status().lastSyncId()));

        List<ConsumerRecord<String, byte[]>> spools = readAll(topics.spools.name(), PARTITIONS);
        assertMarkersLast(spools, syncId);
        List<ConsumerRecord<String, byte[]>> workers = readAll(topics.workers.name(), 1);
        assertThat(worker(workers.get(workers.size() - 1)).syncId()).isEqualTo(syncId);
    }

    @Test
    @Order(7)
    void aBadRowIsReportedInHealthWhileTheOthersStillPublish() throws Exception {
        String tagCol = sheets.column("Operaciones", "TAG_SPOOL");
        String nvCol = sheets.column("Operaciones", "NV");
        sheets.set("Operaciones!" + tagCol + "8", "MAL TAG");
        sheets.set("Operaciones!" + nvCol + "9", "NV-8888");

        SyncStatus status = sync.requestSync(null, "test").get(60, TimeUnit.SECONDS);

        assertThat(status.publishedSpools()).isEqualTo(1);
        assertThat(status.rowProblems()).extracting(Object::toString).containsExactly(
                "Operaciones row 8: TAG_SPOOL 'MAL TAG' is not 1-64 characters from A-Z a-z 0-9 . _ -");
        web.get().uri("/api/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ok")
                .jsonPath("$.last_sync_id").isEqualTo(status.lastSyncId())
                .jsonPath("$.spools").isEqualTo(DemoSpreadsheet.spools().size() - 1)
                .jsonPath("$.workers").isEqualTo(DemoSpreadsheet.WORKERS.size())
                .jsonPath("$.published.spools").isEqualTo(DemoSpreadsheet.spools().size())
                .jsonPath("$.published_last_sync.spools").isEqualTo(1)
                .jsonPath("$.row_problems[0].sheet").isEqualTo("Operaciones")
                .jsonPath("$.row_problems[0].row").isEqualTo(8)
                .jsonPath("$.row_problems[0].reason").value(r -> assertThat((String) r).contains("MAL TAG"))
                .jsonPath("$.last_error").doesNotExist()
                .jsonPath("$.kafka_connection").isEqualTo("ok")
                .jsonPath("$.sheets_connection").isEqualTo("ok")
                .jsonPath("$.control_listener_assigned").isEqualTo(true);
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("zeues_connector_syncs_total{outcome=\"success\"}")
                        .contains("zeues_connector_row_problems 1.0")
                        .contains("zeues_connector_sync_duration_seconds_count"));
    }

    @Test
    @Order(8)
    void aMissingRequiredColumnIsAnErrorInHealthAndNothingIsPublished() throws Exception {
        String tagCol = sheets.column("Operaciones", "TAG_SPOOL");
        sheets.set("Operaciones!" + tagCol + "1", "Codigo");
        Map<TopicPartition, Long> before = endOffsets();
        long failures = sync.status().failures();

        sync.requestSync(null, "test");
        await().atMost(WAIT).until(() -> sync.status().failures() > failures);

        assertThat(sync.status().lastError()).contains("Operaciones: required column TAG_SPOOL not found");
        web.get().uri("/api/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("error")
                .jsonPath("$.sheets_connection").isEqualTo("error")
                .jsonPath("$.last_error").value(e -> assertThat((String) e).contains("TAG_SPOOL"));
        assertThat(readFrom(topics.spools.name(), PARTITIONS, before)).isEmpty();

        sheets.set("Operaciones!" + tagCol + "1", "TAG_SPOOL"); // fixed: the pending request is served
        await().atMost(WAIT).until(() -> sync.status().ok());
    }

    @Test
    @Order(9)
    void aRestartReadsBackWhatIsPublished() throws Exception {
        PublishedMasterData fresh = new PublishedMasterData();
        new PublishedStateLoader(clients, topics, Duration.ofSeconds(30)).load(fresh);

        PublishedMasterData live = sync.published();
        assertThat(fresh.spools()).isEqualTo(live.spools());
        assertThat(fresh.workers()).isEqualTo(live.workers());
        assertThat(fresh.lastSyncId()).isEqualTo(live.lastSyncId()).isEqualTo(sync.status().lastSyncId());
        assertThat(fresh.spool(DemoSpreadsheet.spools().get(3).tag()).nv()).isEqualTo("NV-9999");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void assertMarkersLast(List<ConsumerRecord<String, byte[]>> spools, long syncId) {
        Map<Integer, ConsumerRecord<String, byte[]>> lastPerPartition = new HashMap<>();
        spools.forEach(r -> lastPerPartition.put(r.partition(), r));
        assertThat(lastPerPartition.keySet()).isEqualTo(Set.of(0, 1, 2, 3, 4, 5));
        lastPerPartition.forEach((p, r) -> {
            assertThat(r.key()).isEqualTo(SpoolMaster.markerKey(p));
            assertThat(spool(r)).isEqualTo(SpoolMaster.marker(p, syncId));
        });
    }

    private String tagIn(DemoSpreadsheet.State state) {
        return DemoSpreadsheet.spools().stream().filter(s -> s.state() == state).findFirst().orElseThrow().tag();
    }

    private SpoolMaster spool(List<ConsumerRecord<String, byte[]>> records, String tag) {
        return records.stream().filter(r -> r.key().equals(tag)).map(this::spool).reduce((a, b) -> b).orElseThrow();
    }

    private SpoolMaster spool(ConsumerRecord<String, byte[]> r) {
        return topics.spools.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private Worker worker(ConsumerRecord<String, byte[]> r) {
        return topics.workers.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> tps = partitions(topics.spools.name(), PARTITIONS, topics.workers.name(), 1);
        try (Consumer<String, byte[]> c = clients.reader("it-offsets")) {
            c.assign(tps);
            return c.endOffsets(tps);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int partitions) {
        return readFrom(topic, partitions, Map.of());
    }

    /** Every committed record of {@code topic} from {@code start} (or the beginning) to the end, in offset order. */
    private List<ConsumerRecord<String, byte[]>> readFrom(String topic, int partitions, Map<TopicPartition, Long> start) {
        List<TopicPartition> tps = partitions(topic, partitions, null, 0);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (Consumer<String, byte[]> c = clients.reader("it-reader")) {
            c.assign(tps);
            for (TopicPartition tp : tps) {
                c.seek(tp, start.getOrDefault(tp, 0L));
            }
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("reading %s", topic).isLessThan(deadline);
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out.stream().sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(),
                b.partition()) : Long.compare(a.offset(), b.offset())).collect(Collectors.toList());
    }

    private static List<TopicPartition> partitions(String topic, int n, String other, int m) {
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            tps.add(new TopicPartition(topic, p));
        }
        for (int p = 0; p < m; p++) {
            tps.add(new TopicPartition(other, p));
        }
        return tps;
    }
}
