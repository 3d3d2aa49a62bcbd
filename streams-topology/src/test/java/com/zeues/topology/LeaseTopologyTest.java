package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.completar;
import static com.zeues.topology.TopologyHarness.Commands.metrologia;
import static com.zeues.topology.TopologyHarness.Commands.pausar;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static com.zeues.topology.TopologyHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.domain.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract §2.10: the occupation lease, released by the sweep or by the next command. */
class LeaseTopologyTest {

    static final String TAG = "MK-1335-CW-25238-011";
    static final String TAG2 = "TEST-02";
    static final LocalDate MATERIALES = LocalDate.of(2026, 1, 20);
    static final Duration LEASE = Duration.ofHours(8);
    static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    static final Worker JUAN = new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador", "Soldador"), true);
    static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);
    static final Worker LUIS = new Worker(97, "Luis", "Vera", List.of("Metrologia"), true);

    private TopologyHarness h;

    private TopologyHarness start(Duration lease, Duration sweep) {
        h = new TopologyHarness(new TopologySettings(lease, sweep, Duration.ofHours(24), BusinessTime.defaultZone()));
        h.workers(MAURICIO, JUAN, ANA, LUIS).spool(TAG, MATERIALES).spool(TAG2, MATERIALES);
        h.discardViews();
        return h;
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static void assertLeaseRelease(SpoolEvent e, EventoTipo tipo, Operacion op, long version, Instant at) {
        assertThat(e.eventoTipo()).isEqualTo(tipo);
        assertThat(e.accion()).isEqualTo(Accion.PAUSAR);
        assertThat(e.operacion()).isEqualTo(op);
        assertThat(e.workerId()).isZero();
        assertThat(e.workerNombre()).isEqualTo("SYSTEM");
        assertThat(e.metadata()).isEqualTo(Map.of("motivo", "lease_expired"));
        assertThat(e.version()).isEqualTo(version);
        assertThat(e.timestamp()).isEqualTo(at);
        assertThat(e.spool().ocupadoPor()).isNull();
        assertThat(e.spool().workerIdOcupante()).isNull();
    }

    @Test
    void theSweepReleasesAnExpiredOccupation() {
        start(LEASE, Duration.ofSeconds(30));
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.ok(tomar(TAG2, 94, Operacion.ARM));
        h.events();
        h.views();
        h.advance(Duration.ofHours(4));
        h.ok(pausar(TAG2, 94, Operacion.ARM));
        h.ok(tomar(TAG2, 94, Operacion.ARM)); // TAG2 re-taken at +4 h: its lease runs until +12 h
        h.events();
        h.views();

        h.advance(Duration.ofHours(4).minusMinutes(1));
        assertThat(h.noEvents()).as("not yet expired").isTrue();
        h.advance(Duration.ofMinutes(1));
        List<SpoolEvent> events = h.events();
        assertThat(events).hasSize(1);
        assertLeaseRelease(events.get(0), EventoTipo.PAUSAR_SPOOL, Operacion.ARM, 2, START.plus(LEASE));
        assertThat(events.get(0).tagSpool()).isEqualTo(TAG);
        assertThat(events.get(0).fechaOperacion()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(events.get(0).spool().arm()).isEqualTo(OpEstado.PAUSADO);
        assertThat(events.get(0).spool().armador()).isEqualTo("MR(93)");
        assertThat(events.get(0).estadoDetalle()).isEqualTo("Disponible - ARM pausado, SOLD pendiente");
        assertThat(h.views()).extracting(v -> v.tagSpool() + "@" + v.version()).containsExactly(TAG + "@2");
        assertThat(h.occupiedIndex().get(TAG)).isNull();
        assertThat(h.occupiedIndex().get(TAG2)).isNotNull();
        assertThat(h.history(TAG)).hasSize(2);

        h.advance(Duration.ofHours(4));
        SpoolEvent second = h.events().get(0);
        assertThat(second.tagSpool()).isEqualTo(TAG2);
        assertThat(second.version()).isEqualTo(4);
        // and the spool can be taken again right away
        h.ok(tomar(TAG, 96, Operacion.ARM));
    }

    @Test
    void anExpiredRepairIsReleasedAsAPausedRepair() {
        start(LEASE, Duration.ofSeconds(30));
        h.ok(tomar(TAG, 94, Operacion.ARM));
        h.ok(completar(TAG, 94, Operacion.ARM));
        h.ok(tomar(TAG, 94, Operacion.SOLD));
        h.ok(completar(TAG, 94, Operacion.SOLD));
        h.ok(metrologia(TAG, 97, Resultado.RECHAZADO));
        h.ok(tomar(TAG, 93, Operacion.REPARACION));
        h.events();
        h.advance(LEASE);
        SpoolEvent e = h.events().get(0);
        assertLeaseRelease(e, EventoTipo.PAUSAR_REPARACION, Operacion.REPARACION, 7, START.plus(LEASE));
        assertThat(e.spool().reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(e.estadoDetalle()).isEqualTo("REPARACION_PAUSADA (Ciclo 1/3)");
    }

    @Test
    void aCommandFindingAnExpiredOccupationFirstReleasesItThenDecides() {
        start(LEASE, Duration.ofDays(1)); // the sweep will not run within this test
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.events();
        h.views();
        h.advance(LEASE.plusMinutes(10));
        assertThat(h.noEvents()).as("no sweep ran").isTrue();

        Verdict v = h.ok(tomar(TAG, 96, Operacion.ARM));
        assertThat(v.body()).containsEntry("version", 3)
                .containsEntry("estado_detalle", "AM(96) trabajando ARM (ARM en progreso, SOLD pendiente)");
        List<SpoolEvent> events = h.events();
        assertThat(events).hasSize(2);
        Instant at = START.plus(LEASE).plus(Duration.ofMinutes(10));
        assertLeaseRelease(events.get(0), EventoTipo.PAUSAR_SPOOL, Operacion.ARM, 2, at);
        assertThat(events.get(1).eventoTipo()).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(events.get(1).version()).isEqualTo(3);
        assertThat(events.get(1).spool().armador()).as("a resume keeps the armador").isEqualTo("MR(93)");
        assertThat(h.views()).extracting(v2 -> v2.version()).containsExactly(2L, 3L);
    }

    @Test
    void theReleaseStaysEvenWhenTheCommandIsThenRejected() {
        start(LEASE, Duration.ofDays(1));
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.events();
        h.advance(LEASE);
        // the former occupant pauses too late: the spool is free by now, so the operation is not started
        Verdict v = h.fails(pausar(TAG, 93, Operacion.ARM), "OPERACION_NO_INICIADA");
        assertThat(v.status()).isEqualTo(400);
        List<SpoolEvent> events = h.events();
        assertThat(events).hasSize(1);
        assertLeaseRelease(events.get(0), EventoTipo.PAUSAR_SPOOL, Operacion.ARM, 2, START.plus(LEASE));
        assertThat(h.state(TAG).occupied()).isFalse();
        assertThat(h.state(TAG).version()).isEqualTo(2);
    }

    @Test
    void aZeroLeaseNeverReleases() {
        start(Duration.ZERO, Duration.ofSeconds(30));
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.events();
        h.advance(Duration.ofDays(30));
        assertThat(h.noEvents()).isTrue();
        h.fails(tomar(TAG, 96, Operacion.ARM), "SPOOL_OCCUPIED");
        assertThat(h.noEvents()).isTrue();
    }

    @Test
    void aSeededOccupationIsReleasedWhenItsLeaseRunsOut() {
        start(LEASE, Duration.ofSeconds(30));
        Instant since = START.minus(Duration.ofHours(7));
        h.spool(new SpoolMaster("SEED-1", "NV", "OT", MATERIALES, new SpoolSeed("MR(93)", null, null, null, null,
                "MR(93)", since, "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)")));
        assertThat(h.views()).extracting(v -> v.version()).containsExactly(0L);
        assertThat(h.occupiedIndex().get("SEED-1")).isEqualTo(since.toEpochMilli());
        h.advance(Duration.ofMinutes(59));
        assertThat(h.noEvents()).isTrue();
        h.advance(Duration.ofMinutes(1));
        SpoolEvent e = h.events().get(0);
        assertLeaseRelease(e, EventoTipo.PAUSAR_SPOOL, Operacion.ARM, 1, START.plus(Duration.ofHours(1)));
        assertThat(e.tagSpool()).isEqualTo("SEED-1");
    }

    @Test
    void theSweepDropsAStaleIndexEntryAndIgnoresAFreshOccupation() {
        start(LEASE, Duration.ofSeconds(30));
        h.occupiedIndex().put("NOT-A-SPOOL", START.minus(Duration.ofDays(1)).toEpochMilli());
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.events();
        // an index entry older than the occupation it points at must not release a fresh occupation
        h.occupiedIndex().put(TAG, START.minus(Duration.ofDays(1)).toEpochMilli());
        h.advance(Duration.ofMinutes(1));
        assertThat(h.noEvents()).isTrue();
        assertThat(h.occupiedIndex().get("NOT-A-SPOOL")).isNull();
        assertThat(h.state(TAG).occupied()).isTrue();
    }
}
