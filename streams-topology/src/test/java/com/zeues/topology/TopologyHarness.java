package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.json.DomainJson;
import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology in a {@link TopologyTestDriver}, with the production {@link StreamsProperties}: pipe workers,
 * spools and commands in, read verdicts, events and views out.
 *
 * <p>Every event and every view read (and, on {@link #close()}, every one left unread) is checked against the
 * published JSON Schema and the CloudEvents header rules, so no test can produce a record that breaks them
 * unnoticed.
 */
public final class TopologyHarness implements AutoCloseable {

    /** 08:15 in Santiago (UTC-3 in February). */
    public static final Instant START = Instant.parse("2026-02-02T11:15:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    public static final List<String> CE_HEADERS = List.of("ce_id", "ce_type", "ce_source", "ce_time",
            "ce_specversion", "ce_dataschema");

    public final TopicRegistry topics;
    public final TopologySettings settings;
    public final TopologyTestDriver driver;
    private final TestInputTopic<String, SpoolCommand> commands;
    private final TestInputTopic<String, SpoolMaster> spools;
    private final TestInputTopic<String, Worker> workers;
    private final TestOutputTopic<String, Verdict> replies;
    private final TestOutputTopic<String, byte[]> events;
    private final TestOutputTopic<String, byte[]> views;
    private final Path stateDir;
    private final JsonSerde<SpoolEvent> eventSerde = new JsonSerde<>(SpoolEvent.class);
    private final JsonSerde<SpoolView> viewSerde = new JsonSerde<>(SpoolView.class);
    private Instant now = START;
    private int eventsSeen;

    public TopologyHarness() {
        this(TopologySettings.defaults());
    }

    public TopologyHarness(TopologySettings settings) {
        this.settings = settings;
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        this.topics = new TopicRegistry(new TopicRegistry.Settings(prefix, 6, 4, (short) 1));
        try {
            Path base = Path.of("target", "ttd-state");
            Files.createDirectories(base);
            this.stateDir = Files.createTempDirectory(base, "zeues-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var props = StreamsProperties.of(prefix + "app", "localhost:1", stateDir.toString(), topics, 10);
        this.driver = new TopologyTestDriver(ZeuesTopology.build(topics, settings), props, START);
        StringSerializer key = new StringSerializer();
        commands = driver.createInputTopic(topics.commands.name(), key, topics.commands.valueSerde().serializer());
        spools = driver.createInputTopic(topics.spools.name(), key, topics.spools.valueSerde().serializer());
        workers = driver.createInputTopic(topics.workers.name(), key, topics.workers.valueSerde().serializer());
        StringDeserializer keyIn = new StringDeserializer();
        replies = driver.createOutputTopic(topics.replies.name(), keyIn, topics.replies.valueSerde().deserializer());
        events = driver.createOutputTopic(topics.spoolEvents.name(), keyIn, new ByteArrayDeserializer());
        views = driver.createOutputTopic(topics.spoolState.name(), keyIn, new ByteArrayDeserializer());
    }

    public Instant now() {
        return now;
    }

    // ---- input

    public TopologyHarness worker(Worker w) {
        workers.pipeInput(Integer.toString(w.id()), w, now);
        return this;
    }

    public TopologyHarness workers(Worker... ws) {
        for (Worker w : ws) {
            worker(w);
        }
        return this;
    }

    public TopologyHarness spool(SpoolMaster m) {
        spools.pipeInput(m.tagSpool(), m, now);
        return this;
    }

    public TopologyHarness spool(String tag, LocalDate fechaMateriales) {
        return spool(new SpoolMaster(tag, "NV-0042", "OT-0815", fechaMateriales, null));
    }

    /** Pipes a command and returns its one verdict. */
    public Verdict send(SpoolCommand c) {
        return send(c, new RecordHeaders());
    }

    public Verdict send(SpoolCommand c, Headers headers) {
        commands.pipeInput(new TestRecord<>(c.tagSpool(), c, headers, now));
        List<TestRecord<String, Verdict>> out = replies.readRecordsToList();
        assertThat(out).as("verdicts for %s", c).hasSize(1);
        TestRecord<String, Verdict> r = out.get(0);
        assertThat(r.key()).as("a verdict is keyed by the correlation id").isEqualTo(c.correlationId());
        assertThat(r.headers().toArray()).as("a verdict carries no request headers").isEmpty();
        Verdict v = r.value();
        assertThat(v.correlationId()).isEqualTo(c.correlationId());
        assertThat(v.replyPartition()).isEqualTo(c.replyPartition());
        assertThat(v.requestId()).isEqualTo(c.requestId());
        assertThat(v.tagSpool()).isEqualTo(c.tagSpool());
        return v;
    }

    /** Sends and expects a 200. */
    public Verdict ok(SpoolCommand c) {
        Verdict v = send(c);
        assertThat(v.status()).as("verdict of %s: %s", c.type(), v.body()).isEqualTo(200);
        return v;
    }

    /** Sends and expects the given error code. */
    public Verdict fails(SpoolCommand c, String code) {
        Verdict v = send(c);
        assertThat(v.body().get("error")).as("verdict of %s: %s", c.type(), v.body()).isEqualTo(code);
        return v;
    }

    public void advance(Duration d) {
        driver.advanceWallClockTime(d);
        now = now.plus(d);
    }

    // ---- output

    /** Every event since the last call, schema- and header-checked. */
    public List<SpoolEvent> events() {
        return eventRecords().stream().map(TestRecord::value).toList();
    }

    public List<TestRecord<String, SpoolEvent>> eventRecords() {
        List<TestRecord<String, SpoolEvent>> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : events.readRecordsToList()) {
            EventSchemas.assertValidEvent(r.value());
            SpoolEvent e = eventSerde.deserialize(topics.spoolEvents.name(), r.value());
            assertThat(r.key()).isEqualTo(e.tagSpool());
            assertThat(r.timestamp()).isEqualTo(e.timestamp().toEpochMilli());
            assertCloudEventHeaders(r.headers(), e.eventId(), "com.zeues.spool." + e.eventoTipo(), e.timestamp(),
                    "/api/schemas/spool-event-v1.json");
            assertThat(e.spool().tagSpool()).isEqualTo(e.tagSpool());
            assertThat(e.spool().version()).isEqualTo(e.version());
            assertThat(e.spool().estadoDetalle()).isEqualTo(e.estadoDetalle());
            assertThat(e.eventId()).isEqualTo(SpoolEvent.eventId(e.tagSpool(), e.version()));
            eventsSeen++;
            out.add(new TestRecord<>(r.key(), e, r.headers(), r.timestamp()));
        }
        return out;
    }

    /** Every view published on the state topic since the last call, schema- and header-checked. */
    public List<SpoolView> views() {
        return viewRecords().stream().map(TestRecord::value).toList();
    }

    public List<TestRecord<String, SpoolView>> viewRecords() {
        List<TestRecord<String, SpoolView>> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : views.readRecordsToList()) {
            EventSchemas.assertValidView(r.value());
            SpoolView v = viewSerde.deserialize(topics.spoolState.name(), r.value());
            assertThat(r.key()).isEqualTo(v.tagSpool());
            assertCloudEventHeaders(r.headers(), null, "com.zeues.spool.state", Instant.ofEpochMilli(r.timestamp()),
                    "/api/schemas/spool-view-v1.json");
            out.add(new TestRecord<>(r.key(), v, r.headers(), r.timestamp()));
        }
        return out;
    }

    public boolean noEvents() {
        return events.isEmpty();
    }

    public int eventsSeen() {
        return eventsSeen;
    }

    public void discardViews() {
        views.readRecordsToList().forEach(r -> EventSchemas.assertValidView(r.value()));
    }

    public static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void assertCloudEventHeaders(Headers headers, String id, String type, Instant time, String schema) {
        List<String> names = Stream.of(headers.toArray()).map(Header::key).toList();
        assertThat(names).as("headers").containsExactlyElementsOf(CE_HEADERS);
        if (id != null) {
            assertThat(header(headers, "ce_id")).isEqualTo(id);
        } else {
            assertThat(header(headers, "ce_id")).isNotBlank();
        }
        assertThat(header(headers, "ce_type")).isEqualTo(type);
        assertThat(header(headers, "ce_source")).isEqualTo("/zeues/occupation-service");
        assertThat(header(headers, "ce_time")).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(time));
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_dataschema")).isEqualTo(schema);
    }

    // ---- stores

    public KeyValueStore<String, SpoolState> spoolStore() {
        return driver.getKeyValueStore(StoreNames.SPOOLS);
    }

    public SpoolState state(String tag) {
        return spoolStore().get(tag);
    }

    /** The spool's history, ascending by version, from the history store. */
    public List<SpoolEvent> history(String tag) {
        KeyValueStore<String, SpoolEvent> store = driver.getKeyValueStore(StoreNames.HISTORY);
        List<SpoolEvent> out = new ArrayList<>();
        String prefix = StoreNames.historyPrefix(tag);
        try (KeyValueIterator<String, SpoolEvent> it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining((KeyValue<String, SpoolEvent> kv) -> out.add(kv.value));
        }
        return out;
    }

    public KeyValueStore<String, Long> occupiedIndex() {
        return driver.getKeyValueStore(StoreNames.OCCUPIED);
    }

    public KeyValueStore<String, Long> syncMarkers() {
        return driver.getKeyValueStore(StoreNames.SYNC_MARKERS);
    }

    @Override
    public void close() {
        try {
            events(); // whatever a test left unread is still checked
            views();
        } finally {
            driver.close();
            deleteStateDir();
        }
    }

    private void deleteStateDir() {
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    // ---- commands

    /** Builds commands with fresh request and correlation ids, as the occupation service would. */
    public static final class Commands {

        private Commands() {
        }

        public static SpoolCommand tomar(String tag, int workerId, Operacion op) {
            return of(CommandType.TOMAR, tag, workerId, op, null, null, null);
        }

        public static SpoolCommand pausar(String tag, int workerId, Operacion op) {
            return of(CommandType.PAUSAR, tag, workerId, op, null, null, null);
        }

        public static SpoolCommand completar(String tag, int workerId, Operacion op) {
            return of(CommandType.COMPLETAR, tag, workerId, op, null, null, null);
        }

        public static SpoolCommand completar(String tag, int workerId, Operacion op, LocalDate fecha) {
            return of(CommandType.COMPLETAR, tag, workerId, op, fecha, null, null);
        }

        public static SpoolCommand cancelar(String tag, int workerId, Operacion op) {
            return of(CommandType.CANCELAR, tag, workerId, op, null, null, null);
        }

        public static SpoolCommand metrologia(String tag, int workerId, Resultado r) {
            return of(CommandType.COMPLETAR, tag, workerId, Operacion.METROLOGIA, null, r, null);
        }

        public static SpoolCommand desbloquear(String tag, String motivo) {
            return of(CommandType.DESBLOQUEAR, tag, 0, null, null, null, motivo);
        }

        public static SpoolCommand liberar(String tag, String motivo) {
            return of(CommandType.LIBERAR, tag, 0, null, null, null, motivo);
        }

        public static SpoolCommand of(CommandType type, String tag, int workerId, Operacion op, LocalDate fecha,
                                      Resultado r, String motivo) {
            return new SpoolCommand(UUID.randomUUID().toString(), false, UUID.randomUUID().toString(), 0, type, tag,
                    workerId, op, fecha, r, motivo);
        }

        /** The same command under a client's Idempotency-Key, as a new HTTP request (new correlation id). */
        public static SpoolCommand withKey(SpoolCommand c, String key) {
            return new SpoolCommand(key, true, UUID.randomUUID().toString(), c.replyPartition(), c.type(),
                    c.tagSpool(), c.workerId(), c.operacion(), c.fechaOperacion(), c.resultado(), c.motivo());
        }

        /** The same command sent again by another HTTP request: a new correlation id and reply partition. */
        public static SpoolCommand resent(SpoolCommand c, int replyPartition) {
            return new SpoolCommand(c.requestId(), c.idempotent(), UUID.randomUUID().toString(), replyPartition,
                    c.type(), c.tagSpool(), c.workerId(), c.operacion(), c.fechaOperacion(), c.resultado(), c.motivo());
        }
    }

    /** The JSON of a value with the domain's mapper, for assertions on exact bodies. */
    public static String json(Object value) {
        return DomainJson.mapper().writeValueAsString(value);
    }
}
