package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.connector.config.ConnectorProperties;
import com.zeues.connector.kafka.KafkaClients;
import com.zeues.connector.sheets.EmulatorSheets;
import com.zeues.connector.sheets.GoogleSheetsGateway;
import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.connector.sheets.SheetsClientFactory;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.time.BusinessTime;
import com.zeues.sheets.emulator.DemoSpreadsheet;
import com.zeues.sheets.emulator.SheetsEmulator;
import com.zeues.sheets.emulator.WriteLog;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One isolated sink scenario: its own topic prefix and consumer group on the shared broker, its own spreadsheet
 * (the demo data) on the shared emulator, a transactional producer that writes each event with its spool's new
 * state in one transaction (as the topology does), and assertions on what the emulator holds.
 */
final class SinkFixture implements AutoCloseable {

    static final BusinessTime TIME = BusinessTime.defaultZone();
    static final SheetFormats FORMATS = new SheetFormats(TIME);
    /** Spools of the demo sheet ready for ARM. */
    static final List<String> TAGS = DemoSpreadsheet.spools().stream()
            .filter(s -> s.state() == DemoSpreadsheet.State.LISTO_ARM).map(DemoSpreadsheet.Spool::tag).toList();

    final SheetsEmulator emulator;
    final String id;
    final String prefix;
    final TopicRegistry topics;
    final KafkaClients clients;
    final EmulatorSheets sheets;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, SpoolView> latest = new LinkedHashMap<>();
    private final List<SpoolEvent> produced = new ArrayList<>();
    private final List<SheetSink> sinks = new ArrayList<>();
    private Producer<String, byte[]> producer;
    private int roundRobin;

    SinkFixture(String bootstrap, SheetsEmulator emulator, String name) {
        this(bootstrap, emulator, name, true);
    }

    /** {@code resetSheet}: put the demo data under {@code name} first (false when a running app already uses it). */
    SinkFixture(String bootstrap, SheetsEmulator emulator, String name, boolean resetSheet) {
        this.emulator = emulator;
        this.id = name;
        this.prefix = name + ".";
        if (resetSheet) {
            emulator.resetToDemo(id);
        }
        this.topics = new TopicRegistry(new TopicRegistry.Settings(prefix, 3, 4, (short) 1));
        this.clients = KafkaClients.plain(bootstrap);
        try (Admin admin = clients.admin("fixture-" + name)) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        this.sheets = new EmulatorSheets(emulator, id);
    }

    /** Test settings: quick linger, back-offs and probes; the given quota and Metadata size. */
    static ConnectorProperties.Sink settings(Duration minWriteInterval, int maxRows, int growRows) {
        return new ConnectorProperties.Sink(true, minWriteInterval, Duration.ofMillis(100), 5000, maxRows, growRows,
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 2000);
    }

    static ConnectorProperties.Sink settings(Duration minWriteInterval) {
        return settings(minWriteInterval, 200_000, 20_000);
    }

    String groupId() {
        return prefix + "zeues-sheets-sink";
    }

    SheetSink startSink(ConnectorProperties.Sink settings, Duration readTimeout) {
        GoogleSheetsGateway g = new GoogleSheetsGateway(SheetsClientFactory.build(SheetsClientFactory.target(
                emulator.rootUrl(), "https://sheets.googleapis.com/", null, null), Duration.ofSeconds(2),
                readTimeout), id);
        SheetSink sink = new SheetSink(topics, clients, g, g, settings, id, groupId(), TIME, meters);
        sink.start();
        sinks.add(sink);
        return sink;
    }

    // ---- events ---------------------------------------------------------------------------------------------

    /** The next event of {@code tag}: odd versions take ARM (occupied), even ones pause it. */
    synchronized SpoolEvent next(String tag) {
        long v = versions.merge(tag, 1L, Long::sum);
        boolean occupied = v % 2 == 1;
        Instant now = Instant.now();
        String estado = occupied ? "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"
                : "Disponible - ARM pausado, SOLD pendiente";
        LocalDate armado = v % 3 == 0 ? LocalDate.of(2026, 2, 3) : null;
        SpoolView view = new SpoolView(tag, "NV-1000", "OT-10000", LocalDate.of(2026, 1, 5), armado, null, null,
                null, "MR(93)", null, occupied ? "MR(93)" : null, occupied ? 93 : null,
                occupied ? Operacion.ARM : null, occupied ? now : null,
                occupied ? OpEstado.EN_PROGRESO : OpEstado.PAUSADO, OpEstado.PENDIENTE, MetrologiaEstado.PENDIENTE,
                null, 0, false, estado, v, null);
        Map<String, Object> metadata = v % 4 == 0 ? Map.of("motivo", "prueba \"" + v + "\"", "ciclo", 1) : Map.of();
        SpoolEvent e = new SpoolEvent(SpoolEvent.SCHEMA_VERSION, SpoolEvent.eventId(tag, v), now,
                occupied ? EventoTipo.TOMAR_SPOOL : EventoTipo.PAUSAR_SPOOL, tag, 93, "MR(93)", Operacion.ARM,
                occupied ? Accion.TOMAR : Accion.PAUSAR, TIME.today(now), v, metadata, estado, view);
        latest.put(tag, view);
        produced.add(e);
        return e;
    }

    /** {@code n} events over {@code tags} (round robin), each with its state, in one transaction. */
    List<SpoolEvent> produce(int n, List<String> tags) {
        List<SpoolEvent> out = new ArrayList<>();
        Producer<String, byte[]> p = producer();
        p.beginTransaction();
        for (int i = 0; i < n; i++) {
            SpoolEvent e = next(tags.get(roundRobin++ % tags.size()));
            out.add(e);
            p.send(new ProducerRecord<>(topics.spoolEvents.name(), e.tagSpool(),
                    topics.spoolEvents.valueSerde().serializer().serialize(topics.spoolEvents.name(), e)));
            p.send(new ProducerRecord<>(topics.spoolState.name(), e.tagSpool(),
                    topics.spoolState.valueSerde().serializer().serialize(topics.spoolState.name(), e.spool())));
        }
        p.commitTransaction();
        return out;
    }

    /** {@code total} events at about {@code perSecond}, in a transaction every 100 ms. */
    void produceOverTime(int total, int perSecond, List<String> tags) throws InterruptedException {
        int perTick = Math.max(1, perSecond / 10);
        long start = System.nanoTime();
        int sent = 0;
        int tick = 0;
        while (sent < total) {
            int n = Math.min(perTick, total - sent);
            produce(n, tags);
            sent += n;
            tick++;
            long due = start + TimeUnit.MILLISECONDS.toNanos(100L * tick);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    synchronized List<SpoolEvent> produced() {
        return List.copyOf(produced);
    }

    synchronized Map<String, SpoolView> latest() {
        return Map.copyOf(latest);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "test-producer");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        return producer;
    }

    // ---- the sheet ------------------------------------------------------------------------------------------

    /** Metadata tab {@code k} as stored, header included; empty when the tab does not exist. */
    List<List<Object>> metadataTab(int k) {
        try {
            return emulator.values(id, "'" + SheetLayout.metadataTitle(k) + "'");
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Every audit row of every Metadata tab, in order (headers left out). */
    List<List<Object>> metadataRows() {
        List<List<Object>> out = new ArrayList<>();
        for (int k = 1; ; k++) {
            List<List<Object>> tab = metadataTab(k);
            if (tab.isEmpty()) {
                return out;
            }
            out.addAll(tab.subList(1, tab.size()));
        }
    }

    List<String> metadataIds() {
        return metadataRows().stream().map(r -> r.isEmpty() ? "" : String.valueOf(r.get(0))).toList();
    }

    void awaitAllWritten(Duration timeout) {
        List<String> ids = produced().stream().map(SpoolEvent::eventId).toList();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> metadataIds().containsAll(ids));
    }

    /** Every produced event exactly once in the Metadata log, nothing else, no blank row, each spool in order. */
    void assertEveryEventExactlyOnce() {
        List<List<Object>> rows = metadataRows();
        List<SpoolEvent> events = produced();
        assertThat(rows).as("Metadata rows").hasSize(events.size());
        assertThat(rows.stream().map(r -> String.valueOf(r.get(0))).toList())
                .containsExactlyInAnyOrderElementsOf(events.stream().map(SpoolEvent::eventId).toList());
        Map<String, Long> lastVersion = new HashMap<>();
        Map<String, SpoolEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.eventId(), e));
        for (List<Object> r : rows) {
            SpoolEvent e = byId.get(String.valueOf(r.get(0)));
            Long prev = lastVersion.put(e.tagSpool(), e.version());
            assertThat(prev == null || prev < e.version()).as("events of %s in order", e.tagSpool()).isTrue();
        }
    }

    /** Every touched spool's Operaciones row shows its latest state in the system columns. */
    void assertOperacionesShowLatest() {
        assertOperacionesShowLatest(java.util.Set.of());
    }

    void assertOperacionesShowLatest(java.util.Set<String> except) {
        List<List<Object>> op = emulator.values(id, "'Operaciones'");
        HeaderIndex h = HeaderIndex.of(op.get(0));
        int tagCol = h.find("TAG_SPOOL").orElseThrow();
        latest().forEach((tag, view) -> {
            if (except.contains(tag)) {
                return;
            }
            List<Object> row = op.stream().filter(r -> r.size() > tagCol && tag.equals(r.get(tagCol))).findFirst()
                    .orElseThrow();
            FORMATS.systemCells(view).forEach((col, value) -> {
                int c = h.find(col).orElseThrow();
                Object cell = c < row.size() ? row.get(c) : "";
                assertThat(String.valueOf(cell)).as("%s %s", tag, col).isEqualTo(String.valueOf(value));
            });
        });
    }

    /** The write requests this scenario's spreadsheet received from the sink (the tests' own edits left out). */
    List<WriteLog.Entry> writes() {
        return emulator.writeLog().entries().stream().filter(e -> id.equals(e.spreadsheetId()))
                .filter(e -> !e.operation().equals("values.update")).toList();
    }

    @Override
    public void close() {
        for (SheetSink s : sinks) {
            s.stop();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
