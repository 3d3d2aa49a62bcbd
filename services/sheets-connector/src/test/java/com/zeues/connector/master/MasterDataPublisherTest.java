package com.zeues.connector.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.Worker;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class MasterDataPublisherTest {

    private static final LocalDate D1 = LocalDate.of(2026, 2, 1);
    private static final SpoolSeed SEED = new SpoolSeed("MR(93)", null, LocalDate.of(2026, 2, 2), null, null, null,
            null, "Disponible - ARM completado, SOLD pendiente");

    private final TopicRegistry topics = new TopicRegistry(new TopicRegistry.Settings("t.", 3, 1, (short) 1));
    private final PublishedMasterData published = new PublishedMasterData();
    private final MasterDataPublisher publisher = new MasterDataPublisher(topics, published, Duration.ofSeconds(5));
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());

    private static SpoolRow spool(int row, String tag, String nv, SpoolSeed seed, String seedProblem) {
        return new SpoolRow(row, new SpoolMaster(tag, nv, "OT", D1, null), seed, seedProblem);
    }

    private static Worker worker(int id, boolean activo, String... roles) {
        return new Worker(id, "Nombre" + id, "Apellido", List.of(roles), activo);
    }

    private static ParsedMasterData data(List<SpoolRow> spools, List<Worker> workers) {
        return new ParsedMasterData(spools, workers, List.of(),
                Set.copyOf(workers.stream().map(Worker::id).toList()));
    }

    @Test
    void firstSyncPublishesEverySpoolWithItsSeedAndEveryWorkerThenTheMarkers() throws Exception {
        ParsedMasterData sheet = data(List.of(spool(2, "A", "1", SEED, null), spool(3, "B", "1", null, null)),
                List.of(worker(93, true, "Armador"), worker(94, false)));

        MasterDataPublisher.Result result = publisher.send(producer, publisher.plan(sheet), List.of(1000L));

        assertThat(result.spoolsPublished()).isEqualTo(2);
        assertThat(result.workersPublished()).isEqualTo(2);
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly("t.zeues.spools", "t.zeues.spools",
                "t.zeues.workers", "t.zeues.workers", "t.zeues.spools", "t.zeues.spools", "t.zeues.spools",
                "t.zeues.workers");
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("A", "B", "93", "94", "__sync__:0",
                "__sync__:1", "__sync__:2", "__sync__");
        assertThat(sent.subList(4, 7)).extracting(ProducerRecord::partition).containsExactly(0, 1, 2);
        assertThat(sent.get(0).partition()).isNull(); // the default partitioner: spools meet their commands
        assertThat(spoolValue(sent.get(0))).isEqualTo(new SpoolMaster("A", "1", "OT", D1, SEED));
        assertThat(spoolValue(sent.get(4))).isEqualTo(SpoolMaster.marker(0, 1000L));
        assertThat(workerValue(sent.get(7))).isEqualTo(Worker.marker(1000L));
        assertThat(published.spoolCount()).isEqualTo(2);
        assertThat(published.lastSyncId()).isEqualTo(1000L);
    }

    @Test
    void anUnchangedSheetPublishesOnlyMarkers() throws Exception {
        ParsedMasterData sheet = data(List.of(spool(2, "A", "1", SEED, null)), List.of(worker(93, true, "Armador")));
        publisher.send(producer, publisher.plan(sheet), List.of(1L));
        producer.clear();

        MasterDataPublisher.Result result = publisher.send(producer, publisher.plan(sheet), List.of(2L));

        assertThat(result.changedSomething()).isFalse();
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("__sync__:0", "__sync__:1", "__sync__:2", "__sync__");
    }

    @Test
    void onlyMasterColumnsCountForSpoolsAndTheSeedTravelsOnlyOnce() throws Exception {
        publisher.send(producer, publisher.plan(data(List.of(spool(2, "A", "1", SEED, null),
                spool(3, "B", "1", null, null)), List.of())), List.of(1L));
        producer.clear();

        SpoolSeed laterState = new SpoolSeed("MR(93)", "AD(97)", D1, D1, null, null, null, "other text");
        MasterDataPublisher.Plan plan = publisher.plan(data(List.of(spool(2, "A", "1", laterState, null),
                spool(3, "B", "2", laterState, null)), List.of()));

        assertThat(plan.spools()).containsExactly(new SpoolMaster("B", "2", "OT", D1, null));
    }

    @Test
    void aNewSpoolWithAnUnreadableStateColumnWaitsAndIsReported() {
        MasterDataPublisher.Plan plan = publisher.plan(data(List.of(spool(7, "A", "1", null,
                "Fecha_Armado: not a date: 'ayer'")), List.of()));

        assertThat(plan.spools()).isEmpty();
        assertThat(plan.problems()).containsExactly(new RowProblem("Operaciones", 7,
                "Fecha_Armado: not a date: 'ayer' (a new spool is published with its state columns: fix the cell)"));
    }

    @Test
    void aKnownSpoolWithAnUnreadableStateColumnIsFine() throws Exception {
        publisher.send(producer, publisher.plan(data(List.of(spool(2, "A", "1", null, null)), List.of())),
                List.of(1L));

        MasterDataPublisher.Plan plan = publisher.plan(data(List.of(spool(2, "A", "1", null, "bad")), List.of()));

        assertThat(plan.spools()).isEmpty();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void workersAreComparedWholeAndARemovedWorkerBecomesInactive() throws Exception {
        publisher.send(producer, publisher.plan(data(List.of(), List.of(worker(93, true, "Armador"),
                worker(94, true, "Soldador"), worker(95, true, "Ayudante")))), List.of(1L));

        Worker moreRoles = worker(93, true, "Armador", "Soldador");
        ParsedMasterData sheet = new ParsedMasterData(List.of(), List.of(moreRoles), List.of(), Set.of(93, 95));
        MasterDataPublisher.Plan plan = publisher.plan(sheet);

        // 95 is still listed (its row has a problem): left alone; 94 is gone from the sheet: deactivated
        assertThat(plan.workers()).containsExactly(moreRoles, worker(94, false, "Soldador"));
    }

    @Test
    void aFailedSendIsNotRememberedSoTheNextSyncSendsItAgain() {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        ParsedMasterData sheet = data(List.of(spool(2, "A", "1", null, null)), List.of());
        Thread failer = new Thread(() -> {
            while (failing.history().isEmpty()) {
                Thread.onSpinWait();
            }
            failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        });
        failer.start();

        assertThatThrownBy(() -> publisher.send(failing, publisher.plan(sheet), List.of(1L)))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("broker down");
        assertThat(published.spoolCount()).isZero();
        assertThat(publisher.plan(sheet).spools()).hasSize(1);
    }

    @Test
    void severalRequestedIdsGetTheirMarkersInAscendingOrder() throws Exception {
        publisher.send(producer, publisher.plan(data(List.of(), List.of())), List.of(7L, 5L));

        assertThat(producer.history()).extracting(r -> r.key() + "=" + syncId(r)).containsExactly(
                "__sync__:0=5", "__sync__:1=5", "__sync__:2=5", "__sync__:0=7", "__sync__:1=7", "__sync__:2=7",
                "__sync__=5", "__sync__=7");
    }

    private SpoolMaster spoolValue(ProducerRecord<String, byte[]> r) {
        return topics.spools.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private Worker workerValue(ProducerRecord<String, byte[]> r) {
        return topics.workers.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private Long syncId(ProducerRecord<String, byte[]> r) {
        return r.topic().endsWith("spools") ? spoolValue(r).syncId() : workerValue(r).syncId();
    }
}
