package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.services.sheets.v4.model.Sheet;
import com.zeues.connector.sheets.EmulatorSheets;
import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.sheets.emulator.FaultSettings;
import com.zeues.sheets.emulator.RefusingFilter;
import com.zeues.sheets.emulator.SheetsEmulator;
import com.zeues.sheets.emulator.WriteLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The sheet sink end to end: a real broker (embedded, KRaft), the sheets emulator driven by the official Google
 * client, events written the way the topology writes them (event and state in one transaction). Each test has its
 * own topics, consumer group and spreadsheet.
 */
@EmbeddedKafka(brokerProperties = {
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
class SheetSinkIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SheetsEmulator emulator;
    private static String bootstrap;
    private SinkFixture fx;

    @BeforeAll
    static void start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        bootstrap = broker.getBrokersAsString();
        emulator = SheetsEmulator.start(0, null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void close() {
        emulator.faults().clear();
        if (fx != null) {
            fx.close();
        }
    }

    private SinkFixture fixture(String name) {
        fx = new SinkFixture(bootstrap, emulator, name);
        return fx;
    }

    @Test
    void aBurstOf2000EventsStaysWithinOneWritePerSecondAndWritesEveryRowOnce() throws Exception {
        SinkFixture f = fixture("burst");
        List<String> tags = SinkFixture.TAGS.subList(0, 50);
        f.startSink(SinkFixture.settings(Duration.ofSeconds(1)), Duration.ofSeconds(10));

        f.produceOverTime(2000, 250, tags);
        f.awaitAllWritten(WAIT);

        List<WriteLog.Entry> writes = f.writes();
        assertThat(writes).extracting(WriteLog.Entry::operation).doesNotContain("values.append")
                .containsOnly("values.batchUpdate", "spreadsheets.batchUpdate");
        long spanMs = writes.get(writes.size() - 1).receivedAt().toEpochMilli()
                - writes.get(0).receivedAt().toEpochMilli();
        assertThat((long) writes.size()).as("write requests in %d ms", spanMs).isLessThanOrEqualTo(spanMs / 1000 + 1);
        for (int i = 1; i < writes.size(); i++) {
            long gap = writes.get(i).receivedAt().toEpochMilli() - writes.get(i - 1).receivedAt().toEpochMilli();
            assertThat(gap).as("gap before write %d", i).isGreaterThanOrEqualTo(950);
        }
        assertThat(writes).allMatch(WriteLog.Entry::applied);
        f.assertEveryEventExactlyOnce();
        f.assertOperacionesShowLatest();

        // the audit row of one event, cell by cell (contract §7)
        SpoolEvent e = f.produced().stream().filter(x -> x.version() == 4).findFirst().orElseThrow();
        List<Object> header = f.metadataTab(1).get(0);
        List<Object> row = f.metadataRows().stream().filter(r -> r.get(0).equals(e.eventId())).findFirst()
                .orElseThrow();
        HeaderIndex h = HeaderIndex.of(header);
        assertThat(row.get(h.find("Timestamp").orElseThrow())).isEqualTo(SinkFixture.TIME.sheetDateTime(e.timestamp()))
                .asString().matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(row.get(h.find("Evento_Tipo").orElseThrow())).isEqualTo("PAUSAR_SPOOL");
        assertThat(row.get(h.find("TAG_SPOOL").orElseThrow())).isEqualTo(e.tagSpool());
        assertThat(row.get(h.find("Worker_ID").orElseThrow())).isEqualTo(new BigDecimal(93));
        assertThat(row.get(h.find("Worker_Nombre").orElseThrow())).isEqualTo("MR(93)");
        assertThat(row.get(h.find("Operacion").orElseThrow())).isEqualTo("ARM");
        assertThat(row.get(h.find("Accion").orElseThrow())).isEqualTo("PAUSAR");
        assertThat((String) row.get(h.find("Fecha_Operacion").orElseThrow())).matches("\\d{2}-\\d{2}-\\d{4}");
        assertThat(row.get(h.find("Metadata_JSON").orElseThrow())).isEqualTo("{\"ciclo\":1,\"motivo\":\"prueba \\\"4\\\"\"}");

        // the sink records its metrics when the write's answer reaches it, which is after the emulator applied the
        // rows the test saw: wait for the last answer instead of racing it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Timer lag = f.meters.find("zeues.sink.event.lag").timer();
            assertThat(lag.count()).isEqualTo(2000);
            assertThat(f.meters.find("zeues.sink.rows").tag("sheet", "metadata").counter().count()).isEqualTo(2000);
        });
    }

    @Test
    void a429StormAndA30SecondOutageLoseNothingAndDuplicateNothing() throws Exception {
        SinkFixture f = fixture("storm");
        List<String> tags = SinkFixture.TAGS.subList(0, 40);
        SheetSink sink = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));

        // half of all requests (reads and writes) answered 429
        emulator.faults().set(FaultSettings.NONE.withErrorRate(0.5, 429).withSeed(7L));
        f.produceOverTime(400, 100, tags);
        f.awaitAllWritten(WAIT);
        assertThat(f.writes()).anyMatch(w -> w.status() == 429 && !w.applied());
        f.assertEveryEventExactlyOnce();
        emulator.faults().clear();

        // a 30-second outage while events keep coming
        emulator.faults().set(FaultSettings.NONE.withOutage(true, "ERROR"));
        long outageStart = System.nanoTime();
        long seqBefore = lastSeq();
        Counter c5xx = f.meters.find("zeues.sink.retries").tag("reason", "5xx").counter();
        double retriesBefore = c5xx == null ? 0 : c5xx.count();
        f.produceOverTime(400, 40, tags);
        await().atMost(WAIT).until(() -> "error".equals(sink.status().sheetsConnection()));
        SinkStatus during = sink.status();
        assertThat(during.state()).isEqualTo("retrying");
        assertThat(during.pendingEvents()).isPositive();
        assertThat(during.lastError()).contains("503");
        long remaining = TimeUnit.SECONDS.toNanos(30) - (System.nanoTime() - outageStart);
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        SinkStatus late = sink.status();
        assertThat(Duration.between(late.oldestPending(), java.time.Instant.now()).toSeconds())
                .as("oldest unwritten event's age at the end of the outage").isGreaterThanOrEqualTo(15);
        List<WriteLog.Entry> outageWrites = emulator.writeLog().entries(seqBefore).stream()
                .filter(w -> f.id.equals(w.spreadsheetId())).toList();
        assertThat(outageWrites).allMatch(w -> w.status() == 503 && !w.applied());
        // back-off capped at 2 s (with jitter) and never more than one write per 200 ms
        double failed = f.meters.find("zeues.sink.retries").tag("reason", "5xx").counter().count() - retriesBefore;
        assertThat(failed).isBetween(10.0, 150.0);

        emulator.faults().clear();
        long back = System.nanoTime();
        f.awaitAllWritten(WAIT);
        long catchUpMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        assertThat(catchUpMs).as("catch-up after the outage").isLessThan(15_000);
        f.assertEveryEventExactlyOnce();
        f.assertOperacionesShowLatest();
        await().atMost(WAIT).until(() -> "ok".equals(sink.status().sheetsConnection()));
        assertThat(sink.status().state()).isEqualTo("running");
    }

    @Test
    void aSinkKilledBetweenTheWriteAndItsCommitLeavesNoDuplicateRowAfterARestart() throws Exception {
        SinkFixture f = fixture("crash");
        List<String> tags = SinkFixture.TAGS.subList(0, 10);
        // the first write is applied, then its answer is withheld for 3 s (the client sees no answer)
        emulator.faults().set(FaultSettings.NONE.withTimeoutAfterWrite(0, 1, 3000));
        SheetSink first = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(10));
        f.produce(40, tags);
        await().atMost(WAIT).until(() -> f.writes().stream().anyMatch(w -> "timeout-after-write".equals(w.fault())));
        first.crash(); // dies before any answer, so before any commit

        WriteLog.Entry applied = f.writes().stream().filter(w -> "timeout-after-write".equals(w.fault()))
                .findFirst().orElseThrow();
        assertThat(applied.applied()).isTrue();
        assertThat(f.metadataRows()).hasSize(40); // the rows are in the sheet ...
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(f);
        assertThat(committed.values()).allSatisfy(o -> {
            assertThat(o.offset()).isZero(); // ... and the offsets are not committed
            assertThat(SinkCursor.decode(o.metadata()).hasPlan()).isTrue();
        });

        // more events arrive while it is down; a new sink then rewrites the same batch at the same rows
        f.produce(15, tags);
        SheetSink second = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(10));
        f.awaitAllWritten(WAIT);
        List<WriteLog.Entry> values = f.writes().stream().filter(w -> w.operation().equals("values.batchUpdate"))
                .toList();
        assertThat(values.get(1).targets()).as("the rewrite").isEqualTo(applied.targets());
        assertThat(applied.targets()).contains("'Metadata'!A2:J41");
        f.assertEveryEventExactlyOnce();
        f.assertOperacionesShowLatest();
        await().atMost(WAIT).until(() -> committedOffsets(f).values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum() > 0 && !SinkCursor.decode(committedOffsets(f).values()
                        .iterator().next().metadata()).hasPlan());
        assertThat(second.status().metadataNextRow()).isEqualTo(57);
    }

    @Test
    void aWriteWhoseAnswerIsLostIsRetriedIntoTheSameRows() throws Exception {
        SinkFixture f = fixture("timeout");
        emulator.faults().set(FaultSettings.NONE.withTimeoutAfterWrite(0, 1, 3000));
        f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(1));
        f.produce(25, SinkFixture.TAGS.subList(0, 5));
        f.awaitAllWritten(WAIT);
        await().atMost(WAIT).until(() -> f.writes().stream().filter(WriteLog.Entry::applied).count() >= 2);

        List<WriteLog.Entry> values = f.writes().stream().filter(w -> w.operation().equals("values.batchUpdate"))
                .toList();
        assertThat(values.get(0).fault()).isEqualTo("timeout-after-write");
        assertThat(values.get(1).targets()).isEqualTo(values.get(0).targets());
        f.assertEveryEventExactlyOnce();
        assertThat(f.meters.find("zeues.sink.retries").tag("reason", "io").counter().count()).isEqualTo(1);
    }

    @Test
    void aRenamedColumnOrAMissingRowIsReportedAndNothingIsWrittenElsewhere() throws Exception {
        SinkFixture f = fixture("columns");
        String estado = f.sheets.column("Operaciones", "Estado_Detalle");
        f.sheets.set("Operaciones!" + estado + "1", "Estado");
        List<List<Object>> before = emulator.values(f.id, "'Operaciones'");
        List<String> tags = SinkFixture.TAGS.subList(0, 3);
        SheetSink sink = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));

        f.produce(6, tags);
        f.produce(2, List.of("NO-SUCH-01"));
        f.awaitAllWritten(WAIT);
        await().atMost(WAIT).until(() -> sink.status().missingRows().contains("NO-SUCH-01"));

        SinkStatus s = sink.status();
        assertThat(s.missingColumns()).containsExactly("Estado_Detalle");
        assertThat(s.missingRowCount()).isEqualTo(1);
        List<List<Object>> after = emulator.values(f.id, "'Operaciones'");
        HeaderIndex h = HeaderIndex.of(after.get(0));
        Set<Integer> written = SheetFormats.SYSTEM_COLUMNS.stream().filter(h::has)
                .map(c -> h.find(c).orElseThrow()).collect(Collectors.toSet());
        int tagCol = h.find("TAG_SPOOL").orElseThrow();
        assertThat(after).hasSameSizeAs(before);
        for (int r = 0; r < before.size(); r++) {
            int width = Math.max(before.get(r).size(), after.get(r).size());
            for (int c = 0; c < width; c++) {
                Object b = cell(before, r, c);
                Object a = cell(after, r, c);
                boolean touched = r > 0 && tags.contains(cell(before, r, tagCol)) && written.contains(c);
                if (!touched) {
                    assertThat(a).as("row %d column %d", r + 1, c).isEqualTo(b);
                }
            }
        }
        assertThat(f.writes().stream().flatMap(w -> w.targets().stream()))
                .noneMatch(t -> t.startsWith("'Operaciones'!" + estado) || t.contains(":" + estado));
        // the other system columns are written
        SpoolView v = f.latest().get(tags.get(0));
        int row = rowOf(after, tagCol, tags.get(0));
        assertThat(after.get(row).get(h.find("Ocupado_Por").orElseThrow())).isEqualTo(SinkFixture.FORMATS
                .systemCells(v).get("Ocupado_Por"));

        // the header is fixed: the connector rewrites the columns from the state by itself
        f.sheets.set("Operaciones!" + estado + "1", "Estado_Detalle");
        await().atMost(WAIT).untilAsserted(() -> f.assertOperacionesShowLatest(Set.of("NO-SUCH-01")));
        assertThat(sink.status().missingColumns()).isEmpty();

        // the missing spool gets a row: its state is written there
        int next = after.size() + 1;
        f.sheets.set("Operaciones!" + EmulatorSheets.letter(tagCol) + next, "NO-SUCH-01");
        await().atMost(WAIT).until(() -> sink.status().missingRowCount() == 0);
        await().atMost(WAIT).untilAsserted(f::assertOperacionesShowLatest);
    }

    @Test
    void rolloverStartsANewMetadataSheetWithItsHeader() throws Exception {
        SinkFixture f = fixture("rollover");
        f.startSink(SinkFixture.settings(Duration.ofMillis(200), 25, 10), Duration.ofSeconds(5));
        f.produce(30, SinkFixture.TAGS.subList(0, 7));
        f.awaitAllWritten(WAIT);
        f.produce(30, SinkFixture.TAGS.subList(0, 7));
        f.awaitAllWritten(WAIT);

        List<Object> header = List.copyOf(SheetFormats.METADATA_COLUMNS);
        assertThat(f.metadataTab(1)).hasSize(26);
        assertThat(f.metadataTab(2)).hasSize(26);
        assertThat(f.metadataTab(2).get(0)).isEqualTo(header);
        assertThat(f.metadataTab(3)).hasSize(11);
        assertThat(f.metadataTab(3).get(0)).isEqualTo(header);
        assertThat(f.metadataTab(4)).isEmpty();
        f.assertEveryEventExactlyOnce();
        for (Sheet s : f.sheets.client().spreadsheets().get(f.id).execute().getSheets()) {
            if (s.getProperties().getTitle().startsWith("Metadata_")) {
                assertThat(s.getProperties().getGridProperties().getRowCount()).isLessThanOrEqualTo(26);
                assertThat(s.getProperties().getGridProperties().getColumnCount()).isEqualTo(10);
            }
        }
    }

    @Test
    void aResyncRepairsAHandBrokenRowWithinTheQuota() throws Exception {
        SinkFixture f = fixture("resync");
        List<String> tags = SinkFixture.TAGS.subList(0, 5);
        SheetSink sink = f.startSink(SinkFixture.settings(Duration.ofSeconds(1)), Duration.ofSeconds(5));
        f.produce(12, tags);
        f.awaitAllWritten(WAIT);
        await().atMost(WAIT).untilAsserted(f::assertOperacionesShowLatest);

        String broken = tags.get(2);
        List<List<Object>> op = emulator.values(f.id, "'Operaciones'");
        HeaderIndex h = HeaderIndex.of(op.get(0));
        int row = rowOf(op, h.find("TAG_SPOOL").orElseThrow(), broken) + 1;
        f.sheets.set("Operaciones!" + f.sheets.column("Operaciones", "Estado_Detalle") + row, "roto a mano");
        f.sheets.set("Operaciones!" + f.sheets.column("Operaciones", "Armador") + row, "XX");
        f.sheets.set("Operaciones!" + f.sheets.column("Operaciones", "Ocupado_Por") + row, "");
        long seq = lastSeq();

        ResyncResult result = sink.requestResync("test").get(30, TimeUnit.SECONDS);

        assertThat(result.spools()).isEqualTo(5);
        assertThat(result.written()).isEqualTo(5);
        assertThat(result.missingRows()).isEmpty();
        assertThat(result.writeRequests()).isEqualTo(1);
        f.assertOperacionesShowLatest();
        f.assertEveryEventExactlyOnce();
        List<WriteLog.Entry> all = f.writes();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).receivedAt().toEpochMilli() - all.get(i - 1).receivedAt().toEpochMilli())
                    .isGreaterThanOrEqualTo(950);
        }
        assertThat(emulator.writeLog().entries(seq).stream().filter(w -> f.id.equals(w.spreadsheetId())))
                .hasSize(1);
    }

    @Test
    void aSinkThatLostItsOffsetsDoesNotWriteAgainTheRowsAlreadyInTheSheet() throws Exception {
        SinkFixture f = fixture("takeover");
        List<String> tags = SinkFixture.TAGS.subList(0, 6);
        SheetSink first = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));
        f.produce(30, tags);
        f.awaitAllWritten(WAIT);
        first.stop();
        try (Admin admin = f.clients.admin("it-takeover")) {
            admin.deleteConsumerGroups(List.of(f.groupId())).all().get(30, TimeUnit.SECONDS);
        }

        SheetSink second = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));
        f.produce(10, tags);
        f.awaitAllWritten(WAIT);
        await().atMost(WAIT).until(() -> second.status().lagEvents() == 0 && second.status().pendingEvents() == 0);

        f.assertEveryEventExactlyOnce();
        assertThat(f.metadataRows()).hasSize(40);
        assertThat(second.status().metadataNextRow()).isEqualTo(42);
    }

    @Test
    void aRefusedWriteStopsTheSinkWithoutSpinningUntilAResync() throws Exception {
        SinkFixture f = fixture("refused");
        RefusingFilter refusing = new RefusingFilter(f.id);
        emulator.addFilter(refusing);
        refusing.refuse(true);
        SheetSink sink = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));
        f.produce(10, SinkFixture.TAGS.subList(0, 3));

        await().atMost(WAIT).until(() -> "stopped".equals(sink.status().state()));
        assertThat(sink.status().lastError()).contains("403").contains("POST /api/admin/sheets/resync");
        TimeUnit.SECONDS.sleep(3);
        assertThat(f.writes()).hasSize(1);
        assertThat(f.metadataRows()).isEmpty();

        refusing.refuse(false);
        sink.requestResync("test").get(30, TimeUnit.SECONDS);
        f.awaitAllWritten(WAIT);
        f.assertEveryEventExactlyOnce();
        f.assertOperacionesShowLatest();
        assertThat(sink.status().state()).isEqualTo("running");
    }

    @Test
    void aSecondSinkInTheGroupMakesBothWaitUntilItLeaves() throws Exception {
        SinkFixture f = fixture("twosinks");
        List<String> tags = SinkFixture.TAGS.subList(0, 6);
        SheetSink a = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));
        f.produce(10, tags);
        f.awaitAllWritten(WAIT);

        SheetSink b = f.startSink(SinkFixture.settings(Duration.ofMillis(200)), Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> "stopped".equals(a.status().state()) && "stopped".equals(b.status().state()));
        assertThat(a.status().lastError()).contains("another member");
        f.produce(10, tags);
        TimeUnit.SECONDS.sleep(2);
        assertThat(f.metadataRows()).hasSize(10);

        b.stop();
        f.awaitAllWritten(WAIT);
        f.assertEveryEventExactlyOnce();
        assertThat(a.status().state()).isEqualTo("running");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static long lastSeq() {
        List<WriteLog.Entry> all = emulator.writeLog().entries();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(SinkFixture f) throws Exception {
        try (Admin admin = f.clients.admin("it-offsets")) {
            return admin.listConsumerGroupOffsets(f.groupId()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Object cell(List<List<Object>> rows, int r, int c) {
        if (r >= rows.size()) {
            return "";
        }
        List<Object> row = rows.get(r);
        return c < row.size() ? row.get(c) : "";
    }

    private static int rowOf(List<List<Object>> rows, int tagCol, String tag) {
        for (int r = 0; r < rows.size(); r++) {
            if (tag.equals(cell(rows, r, tagCol))) {
                return r;
            }
        }
        throw new AssertionError(tag + " not in Operaciones");
    }

}
