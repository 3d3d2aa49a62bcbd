package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.pausar;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static com.zeues.topology.TopologyHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Architecture §5: master data and one-time seeds from the sheet; sync markers; the workers table. */
class MasterDataTopologyTest {

    static final String TAG = "MK-1335-CW-25238-011";
    static final LocalDate MATERIALES = LocalDate.of(2026, 1, 20);
    static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);

    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        h.workers(MAURICIO, ANA);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static SpoolSeed occupiedSeed() {
        return new SpoolSeed("MR(93)", null, null, null, null, "MR(93)", START.minusSeconds(600),
                "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
    }

    @Test
    void aNewSpoolStartsAtVersionZeroWithAViewAndNoEvent() {
        h.spool(TAG, MATERIALES);
        List<TestRecord<String, SpoolView>> views = h.viewRecords();
        assertThat(views).hasSize(1);
        SpoolView v = views.get(0).value();
        assertThat(v.version()).isZero();
        assertThat(v.tagSpool()).isEqualTo(TAG);
        assertThat(v.nv()).isEqualTo("NV-0042");
        assertThat(v.ot()).isEqualTo("OT-0815");
        assertThat(v.fechaMateriales()).isEqualTo(MATERIALES);
        assertThat(v.estadoDetalle()).isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
        assertThat(TopologyHarness.header(views.get(0).headers(), "ce_type")).isEqualTo("com.zeues.spool.state");
        assertThat(h.noEvents()).isTrue();
        assertThat(h.state(TAG).version()).isZero();
    }

    @Test
    void aSeedIsAppliedToASpoolWithNoState() {
        h.spool(new SpoolMaster(TAG, "NV", "OT", MATERIALES, occupiedSeed()));
        SpoolState s = h.state(TAG);
        assertThat(s.version()).isZero();
        assertThat(s.arm()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(s.occupation().worker().id()).isEqualTo(93);
        assertThat(h.views()).extracting(SpoolView::estadoDetalle)
                .containsExactly("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        assertThat(h.noEvents()).isTrue();
        // the seeded occupant works on from where the sheet left off
        Verdict v = h.ok(pausar(TAG, 93, Operacion.ARM));
        assertThat(v.body()).containsEntry("version", 1);
        assertThat(h.events().get(0).spool().armador()).isEqualTo("MR(93)");
    }

    @Test
    void aSeedNeverOverwritesAnExistingState() {
        h.spool(TAG, MATERIALES);
        h.ok(tomar(TAG, 96, Operacion.ARM));
        h.events();
        h.views();
        SpoolState before = h.state(TAG);
        // the connector sends a (stale) seed again, with the same master columns
        h.spool(new SpoolMaster(TAG, "NV-0042", "OT-0815", MATERIALES, new SpoolSeed("MR(93)", "JP(94)",
                LocalDate.of(2026, 1, 21), LocalDate.of(2026, 1, 22), null, "", null, "BLOQUEADO - Contactar supervisor")));
        assertThat(h.state(TAG)).isEqualTo(before);
        assertThat(h.views()).as("nothing changed: nothing published").isEmpty();
        assertThat(h.noEvents()).isTrue();
        // a seed on a seeded spool is ignored too
        h.spool(new SpoolMaster("SEEDED", "NV", "OT", MATERIALES, occupiedSeed()));
        h.spool(new SpoolMaster("SEEDED", "NV", "OT", MATERIALES, new SpoolSeed(null, null, null, null, null, null,
                null, "BLOQUEADO - Contactar supervisor")));
        assertThat(h.state("SEEDED").reparacion()).isNotEqualTo(ReparacionEstado.BLOQUEADO);
        assertThat(h.state("SEEDED").occupied()).isTrue();
    }

    @Test
    void aMasterChangeUpdatesTheStateWithoutAnEventOrAVersionBump() {
        h.spool(TAG, null);
        h.views();
        h.fails(tomar(TAG, 93, Operacion.ARM), "DEPENDENCIAS_NO_SATISFECHAS");

        h.spool(TAG, MATERIALES);
        List<TestRecord<String, SpoolView>> views = h.viewRecords();
        assertThat(views).hasSize(1);
        assertThat(views.get(0).value().fechaMateriales()).isEqualTo(MATERIALES);
        assertThat(views.get(0).value().version()).isZero();
        assertThat(h.noEvents()).isTrue();
        assertThat(h.state(TAG).fechaMateriales()).isEqualTo(MATERIALES);
        assertThat(h.state(TAG).version()).isZero();

        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.ok(pausar(TAG, 93, Operacion.ARM));
        h.events();
        h.views();
        h.spool(new SpoolMaster(TAG, "NV-0099", "OT-0815", MATERIALES.plusDays(1), null));
        List<TestRecord<String, SpoolView>> after = h.viewRecords();
        assertThat(after).hasSize(1);
        SpoolView v = after.get(0).value();
        assertThat(v.version()).as("master data is not a change of the spool's state").isEqualTo(2);
        assertThat(v.nv()).isEqualTo("NV-0099");
        assertThat(v.fechaMateriales()).isEqualTo(MATERIALES.plusDays(1));
        assertThat(v.arm()).as("state kept").isEqualTo(OpEstado.PAUSADO);
        assertThat(v.armador()).isEqualTo("MR(93)");
        assertThat(TopologyHarness.header(after.get(0).headers(), "ce_id")).contains("-master-");
        assertThat(h.noEvents()).isTrue();
        assertThat(h.history(TAG)).hasSize(2);
        // the next command numbers on from the kept version
        assertThat(h.ok(tomar(TAG, 96, Operacion.ARM)).body()).containsEntry("version", 3);
    }

    @Test
    void theSheetRowTravelsAsMasterDataWithoutAVersionBump() {
        h.spool(new SpoolMaster(TAG, "NV", "OT", MATERIALES, occupiedSeed(), null, 7));
        assertThat(h.state(TAG).fila()).isEqualTo(7);
        assertThat(h.views()).extracting(SpoolView::fila).containsExactly(7);
        Verdict v = h.ok(pausar(TAG, 93, Operacion.ARM));
        assertThat(v.body()).containsEntry("version", 1);
        assertThat(h.events().get(0).spool().fila()).as("the event's view carries it").isEqualTo(7);
        h.views();

        // the row moved in the sheet: the view follows, the version stays
        h.spool(new SpoolMaster(TAG, "NV", "OT", MATERIALES, null, null, 12));
        List<SpoolView> moved = h.views();
        assertThat(moved).extracting(SpoolView::fila).containsExactly(12);
        assertThat(moved.get(0).version()).isEqualTo(1);
        assertThat(h.noEvents()).isTrue();
        // the same row again publishes nothing
        h.spool(new SpoolMaster(TAG, "NV", "OT", MATERIALES, null, null, 12));
        assertThat(h.views()).isEmpty();
        assertThat(h.ok(tomar(TAG, 96, Operacion.ARM)).body()).containsEntry("version", 2);
        assertThat(h.state(TAG).fila()).isEqualTo(12);
    }

    @Test
    void theSameMasterDataAgainPublishesNothing() {
        h.spool(TAG, MATERIALES);
        h.views();
        h.spool(TAG, MATERIALES);
        assertThat(h.views()).isEmpty();
    }

    @Test
    void aTombstoneKeepsTheSpool() {
        h.spool(TAG, MATERIALES);
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.driver.createInputTopic(h.topics.spools.name(), new org.apache.kafka.common.serialization.StringSerializer(),
                h.topics.spools.valueSerde().serializer()).pipeInput(TAG, null, START);
        assertThat(h.state(TAG).version()).isEqualTo(1);
        h.ok(pausar(TAG, 93, Operacion.ARM));
    }

    @Test
    void syncMarkersLandInTheSyncMarkersStore() {
        h.spool(SpoolMaster.marker(2, 77L));
        h.spool(SpoolMaster.marker(5, 78L));
        h.spool(SpoolMaster.marker(2, 79L));
        assertThat(h.syncMarkers().get(SpoolMaster.markerKey(2))).isEqualTo(79L);
        assertThat(h.syncMarkers().get(SpoolMaster.markerKey(5))).isEqualTo(78L);
        assertThat(h.spoolStore().get(SpoolMaster.markerKey(2))).as("a marker is not a spool").isNull();
        assertThat(h.views()).isEmpty();
        assertThat(h.noEvents()).isTrue();
    }

    @Test
    void workersComeFromTheGlobalTable() {
        h.spool(TAG, MATERIALES);
        h.fails(tomar(TAG, 200, Operacion.ARM), "WORKER_NO_ENCONTRADO");
        h.worker(new Worker(200, "Álvaro", "Núñez", List.of("Armador"), true));
        Verdict v = h.ok(tomar(TAG, 200, Operacion.ARM));
        assertThat(v.body()).containsEntry("message", "Spool " + TAG + " tomado por ÁN(200)");
        h.worker(Worker.marker(9)); // the connector's end-of-sync marker is not a worker
        // a worker renamed in the sheet is named by the registry at the moment of each command
        h.worker(new Worker(200, "Bruno", "Núñez", List.of("Armador"), true));
        h.ok(pausar(TAG, 200, Operacion.ARM));
        assertThat(h.events()).extracting(e -> e.workerNombre()).containsExactly("ÁN(200)", "BN(200)");
        // a deleted worker is unknown
        h.driver.createInputTopic(h.topics.workers.name(), new org.apache.kafka.common.serialization.StringSerializer(),
                h.topics.workers.valueSerde().serializer()).pipeInput("200", null, START);
        h.fails(tomar(TAG, 200, Operacion.ARM), "WORKER_NO_ENCONTRADO");
        // an inactive one too
        h.worker(new Worker(201, "Inés", "Ruiz", List.of("Armador"), false));
        assertThat(h.fails(tomar(TAG, 201, Operacion.ARM), "WORKER_NO_ENCONTRADO").status()).isEqualTo(404);
    }
}
