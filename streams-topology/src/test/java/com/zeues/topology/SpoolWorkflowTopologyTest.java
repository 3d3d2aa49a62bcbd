package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.cancelar;
import static com.zeues.topology.TopologyHarness.Commands.completar;
import static com.zeues.topology.TopologyHarness.Commands.desbloquear;
import static com.zeues.topology.TopologyHarness.Commands.liberar;
import static com.zeues.topology.TopologyHarness.Commands.metrologia;
import static com.zeues.topology.TopologyHarness.Commands.pausar;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static com.zeues.topology.TopologyHarness.START;
import static com.zeues.topology.TopologyHarness.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands through the whole topology: verdicts, events, views and the history store. */
class SpoolWorkflowTopologyTest {

    static final String TAG = "MK-1335-CW-25238-011";
    static final String TAG2 = "TEST-02";
    static final LocalDate MATERIALES = LocalDate.of(2026, 1, 20);
    static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    static final Worker JUAN = new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador", "Soldador"), true);
    static final Worker PEDRO = new Worker(95, "Pedro", "Soto", List.of("Soldador"), true);
    static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);
    static final Worker LUIS = new Worker(97, "Luis", "Vera", List.of("Metrologia"), true);

    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        h.workers(MAURICIO, JUAN, PEDRO, ANA, LUIS).spool(TAG, MATERIALES).spool(TAG2, MATERIALES);
        h.discardViews();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aTakeAnswers200AndPublishesItsEventAndView() {
        var cmd = tomar(TAG, 93, Operacion.ARM);
        Verdict v = h.ok(cmd);
        assertThat(v.body()).containsExactly(entry("success", true), entry("tag_spool", TAG),
                entry("operacion", "ARM"), entry("message", "Spool " + TAG + " tomado por MR(93)"),
                entry("estado_detalle", "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"),
                entry("version", 1), entry("request_id", cmd.requestId()));
        assertThat(v.canonical()).isEqualTo(cmd.canonical());

        List<TestRecord<String, SpoolEvent>> events = h.eventRecords();
        assertThat(events).hasSize(1);
        SpoolEvent e = events.get(0).value();
        assertThat(e.schemaVersion()).isEqualTo(1);
        assertThat(e.eventId()).isEqualTo(SpoolEvent.eventId(TAG, 1));
        assertThat(e.timestamp()).isEqualTo(START);
        assertThat(e.eventoTipo()).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(e.tagSpool()).isEqualTo(TAG);
        assertThat(e.workerId()).isEqualTo(93);
        assertThat(e.workerNombre()).isEqualTo("MR(93)");
        assertThat(e.operacion()).isEqualTo(Operacion.ARM);
        assertThat(e.accion()).isEqualTo(Accion.TOMAR);
        assertThat(e.fechaOperacion()).isEqualTo(TODAY);
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.metadata()).isEmpty();
        assertThat(e.estadoDetalle()).isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        SpoolView spool = e.spool();
        assertThat(spool.ocupadoPor()).isEqualTo("MR(93)");
        assertThat(spool.workerIdOcupante()).isEqualTo(93);
        assertThat(spool.operacionActual()).isEqualTo(Operacion.ARM);
        assertThat(spool.fechaOcupacion()).isEqualTo(START);
        assertThat(spool.armador()).isEqualTo("MR(93)");
        assertThat(spool.arm()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(spool.nv()).isEqualTo("NV-0042");
        assertThat(spool.fechaMateriales()).isEqualTo(MATERIALES);

        List<SpoolView> views = h.views();
        assertThat(views).containsExactly(spool);
        SpoolState stored = h.state(TAG);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(SpoolView.of(stored)).isEqualTo(spool);
        assertThat(h.history(TAG)).containsExactly(e);
        assertThat(h.occupiedIndex().get(TAG)).isEqualTo(START.toEpochMilli());
    }

    @Test
    void aRejectionAnswersTheErrorAndChangesNothing() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.events();
        h.views();
        Verdict v = h.fails(tomar(TAG, 96, Operacion.ARM), "SPOOL_OCCUPIED");
        assertThat(v.status()).isEqualTo(409);
        assertThat(v.body().keySet()).containsExactly("success", "error", "message", "detail", "data");
        assertThat(v.body()).containsEntry("success", false);
        assertThat(v.body().get("message")).isEqualTo(v.body().get("detail"));
        assertThat(v.body().get("data")).isEqualTo(Map.of("tag_spool", TAG, "operacion", "ARM", "owner_id", 93,
                "owner_name", "MR(93)"));
        assertThat(h.noEvents()).isTrue();
        assertThat(h.views()).isEmpty();
        assertThat(h.state(TAG).version()).isEqualTo(1);
    }

    @Test
    void everyErrorStatusComesFromItsCode() {
        assertThat(h.fails(tomar("NO-EXISTE", 93, Operacion.ARM), "SPOOL_NO_ENCONTRADO").status()).isEqualTo(404);
        assertThat(h.fails(tomar(TAG, 4242, Operacion.ARM), "WORKER_NO_ENCONTRADO").status()).isEqualTo(404);
        assertThat(h.fails(tomar(TAG, 95, Operacion.ARM), "ROL_NO_AUTORIZADO").status()).isEqualTo(403);
        assertThat(h.fails(tomar(TAG, 95, Operacion.SOLD), "DEPENDENCIAS_NO_SATISFECHAS").status()).isEqualTo(400);
        assertThat(h.fails(pausar(TAG, 93, Operacion.ARM), "OPERACION_NO_INICIADA").status()).isEqualTo(400);
        assertThat(h.fails(tomar(TAG, 97, Operacion.METROLOGIA), "OPERACION_NO_DISPONIBLE").status()).isEqualTo(400);
        h.ok(tomar(TAG, 94, Operacion.ARM));
        assertThat(h.fails(pausar(TAG, 93, Operacion.ARM), "NO_AUTORIZADO").status()).isEqualTo(403);
        assertThat(h.fails(pausar(TAG, 94, Operacion.SOLD), "INVALID_STATE_TRANSITION").status()).isEqualTo(400);
        h.ok(completar(TAG, 94, Operacion.ARM));
        assertThat(h.fails(tomar(TAG, 94, Operacion.ARM), "OPERACION_YA_COMPLETADA").status()).isEqualTo(400);
        assertThat(h.events()).hasSize(2);
    }

    @Test
    void theWholeLifeOfASpoolNumbersEveryEventInOrder() {
        LocalDate ayer = TODAY.minusDays(1);
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.ok(pausar(TAG, 93, Operacion.ARM));
        h.ok(tomar(TAG, 96, Operacion.ARM)); // a collaborator resumes
        h.ok(completar(TAG, 96, Operacion.ARM, ayer));
        h.ok(tomar(TAG, 95, Operacion.SOLD));
        h.ok(completar(TAG, 95, Operacion.SOLD));
        h.ok(metrologia(TAG, 97, Resultado.RECHAZADO));
        h.ok(tomar(TAG, 94, Operacion.REPARACION));
        h.ok(pausar(TAG, 94, Operacion.REPARACION));
        h.ok(tomar(TAG, 93, Operacion.REPARACION));
        h.ok(completar(TAG, 93, Operacion.REPARACION));
        Verdict ok = h.ok(metrologia(TAG, 97, Resultado.APROBADO));

        assertThat(ok.body()).containsEntry("resultado", "APROBADO").containsEntry("estado_detalle",
                "METROLOGIA_APROBADO ✓").containsEntry("version", 12);
        List<SpoolEvent> events = h.events();
        assertThat(events).extracting(SpoolEvent::eventoTipo).containsExactly(EventoTipo.TOMAR_SPOOL,
                EventoTipo.PAUSAR_SPOOL, EventoTipo.TOMAR_SPOOL, EventoTipo.COMPLETAR_ARM, EventoTipo.TOMAR_SPOOL,
                EventoTipo.COMPLETAR_SOLD, EventoTipo.COMPLETAR_METROLOGIA, EventoTipo.TOMAR_REPARACION,
                EventoTipo.PAUSAR_REPARACION, EventoTipo.TOMAR_REPARACION, EventoTipo.COMPLETAR_REPARACION,
                EventoTipo.COMPLETAR_METROLOGIA);
        assertThat(events).extracting(SpoolEvent::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(events).extracting(SpoolEvent::estadoDetalle).containsExactly(
                "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)",
                "Disponible - ARM pausado, SOLD pendiente",
                "AM(96) trabajando ARM (ARM en progreso, SOLD pendiente)",
                "Disponible - ARM completado, SOLD pendiente",
                "PS(95) trabajando SOLD (ARM completado, SOLD en progreso)",
                "Disponible - ARM completado, SOLD completado",
                "RECHAZADO (Ciclo 1/3) - Pendiente reparación",
                "EN_REPARACION (Ciclo 1/3) - Ocupado: JP(94)",
                "REPARACION_PAUSADA (Ciclo 1/3)",
                "EN_REPARACION (Ciclo 1/3) - Ocupado: MR(93)",
                "PENDIENTE_METROLOGIA",
                "METROLOGIA_APROBADO ✓");
        assertThat(events.get(3).fechaOperacion()).isEqualTo(ayer);
        assertThat(events.get(6).metadata()).isEqualTo(Map.of("resultado", "RECHAZADO", "ciclo", 1));
        SpoolView last = events.get(11).spool();
        assertThat(last.armador()).isEqualTo("MR(93)");
        assertThat(last.soldador()).isEqualTo("PS(95)");
        assertThat(last.fechaArmado()).isEqualTo(ayer);
        assertThat(last.fechaSoldadura()).isEqualTo(TODAY);
        assertThat(last.fechaQcMetrologia()).isEqualTo(TODAY);
        assertThat(last.fechaRechazo()).isEqualTo(TODAY);
        assertThat(last.metrologia()).isEqualTo(MetrologiaEstado.APROBADO);
        assertThat(last.reparacion()).isNull();
        assertThat(last.ciclo()).isZero();

        assertThat(h.views()).extracting(SpoolView::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(h.history(TAG)).isEqualTo(events);
        assertThat(h.history(TAG2)).isEmpty();
        assertThat(h.occupiedIndex().get(TAG)).isNull();
    }

    @Test
    void historyIsPerSpoolAndAscendingEvenPastVersionNine() {
        for (int i = 0; i < 6; i++) {
            h.ok(tomar(TAG, 93, Operacion.ARM));
            h.ok(pausar(TAG, 93, Operacion.ARM));
        }
        h.ok(tomar(TAG2, 94, Operacion.ARM));
        List<SpoolEvent> history = h.history(TAG);
        assertThat(history).extracting(SpoolEvent::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(h.history(TAG2)).extracting(SpoolEvent::tagSpool).containsExactly(TAG2);
        // a tag that is a prefix of another does not see its history
        h.spool("TEST-0", MATERIALES);
        assertThat(h.history("TEST-0")).isEmpty();
    }

    @Test
    void threeRejectionsBlockAndTheSupervisorUnblocks() {
        h.ok(tomar(TAG, 94, Operacion.ARM));
        h.ok(completar(TAG, 94, Operacion.ARM));
        h.ok(tomar(TAG, 94, Operacion.SOLD));
        h.ok(completar(TAG, 94, Operacion.SOLD));
        for (int ciclo = 1; ciclo <= 2; ciclo++) {
            Verdict r = h.ok(metrologia(TAG, 97, Resultado.RECHAZADO));
            assertThat(r.body()).containsEntry("estado_detalle",
                    "RECHAZADO (Ciclo " + ciclo + "/3) - Pendiente reparación");
            h.ok(tomar(TAG, 93, Operacion.REPARACION));
            h.ok(completar(TAG, 93, Operacion.REPARACION));
        }
        Verdict blocked = h.ok(metrologia(TAG, 97, Resultado.RECHAZADO));
        assertThat(blocked.body()).containsEntry("estado_detalle", "BLOQUEADO - Contactar supervisor");
        assertThat(h.fails(tomar(TAG, 93, Operacion.REPARACION), "SPOOL_BLOQUEADO").status()).isEqualTo(403);
        assertThat(h.fails(metrologia(TAG, 97, Resultado.APROBADO), "SPOOL_BLOQUEADO").status()).isEqualTo(403);

        Verdict unblocked = h.ok(desbloquear(TAG, "revisado por supervisor"));
        assertThat(unblocked.body()).containsEntry("estado_detalle", "RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        List<SpoolEvent> events = h.events();
        SpoolEvent override = events.get(events.size() - 1);
        assertThat(override.eventoTipo()).isEqualTo(EventoTipo.SUPERVISOR_OVERRIDE);
        assertThat(override.accion()).isEqualTo(Accion.OVERRIDE);
        assertThat(override.operacion()).isEqualTo(Operacion.METROLOGIA);
        assertThat(override.workerId()).isZero();
        assertThat(override.workerNombre()).isEqualTo("SYSTEM");
        assertThat(override.metadata()).isEqualTo(Map.of("accion", "desbloquear", "motivo", "revisado por supervisor"));
        assertThat(override.spool().bloqueado()).isFalse();
        assertThat(override.spool().ciclo()).isEqualTo(2);
        assertThat(events.get(events.size() - 2).spool().bloqueado()).isTrue();
        assertThat(events.get(events.size() - 2).metadata()).isEqualTo(Map.of("resultado", "RECHAZADO", "ciclo", 3));

        h.fails(desbloquear(TAG, "otra vez"), "INVALID_STATE_TRANSITION");
        h.ok(tomar(TAG, 93, Operacion.REPARACION));
    }

    @Test
    void desbloquearWithoutMotivo() {
        SpoolState blocked = h.state(TAG).toBuilder().arm(OpEstado.COMPLETADO).sold(OpEstado.COMPLETADO)
                .metrologia(MetrologiaEstado.RECHAZADO).reparacion(ReparacionEstado.BLOQUEADO).ciclo(3).build();
        h.spoolStore().put(TAG, blocked);
        h.ok(desbloquear(TAG, null));
        SpoolEvent e = h.events().get(0);
        assertThat(e.metadata()).containsEntry("accion", "desbloquear").containsKey("motivo");
        assertThat(e.metadata().get("motivo")).isNull();
    }

    @Test
    void liberarReleasesAStuckOccupationEvenOfADeactivatedWorker() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.worker(new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), false)); // deactivated
        h.fails(pausar(TAG, 93, Operacion.ARM), "WORKER_NO_ENCONTRADO");
        Verdict v = h.ok(liberar(TAG, "trabajador dado de baja"));
        assertThat(v.body()).containsEntry("message", "Trabajo pausado en " + TAG)
                .containsEntry("estado_detalle", "Disponible - ARM pausado, SOLD pendiente");
        List<SpoolEvent> events = h.events();
        SpoolEvent release = events.get(1);
        assertThat(release.eventoTipo()).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(release.accion()).isEqualTo(Accion.PAUSAR);
        assertThat(release.operacion()).isEqualTo(Operacion.ARM);
        assertThat(release.workerId()).isZero();
        assertThat(release.workerNombre()).isEqualTo("SYSTEM");
        assertThat(release.metadata()).isEqualTo(Map.of("motivo", "trabajador dado de baja"));
        assertThat(release.spool().ocupadoPor()).isNull();
        assertThat(h.occupiedIndex().get(TAG)).isNull();
        h.fails(liberar(TAG, "nada"), "OPERACION_NO_INICIADA");
        h.ok(tomar(TAG, 96, Operacion.ARM)); // someone else can go on
    }

    @Test
    void cancellingUndoesAStartedOperation() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.ok(pausar(TAG, 93, Operacion.ARM));
        h.fails(cancelar(TAG, 96, Operacion.ARM), "NO_AUTORIZADO");
        Verdict v = h.ok(cancelar(TAG, 93, Operacion.ARM));
        assertThat(v.body()).containsEntry("estado_detalle", "Disponible - ARM pendiente, SOLD pendiente");
        SpoolEvent e = h.events().get(2);
        assertThat(e.eventoTipo()).isEqualTo(EventoTipo.CANCELAR_ARM);
        assertThat(e.accion()).isEqualTo(Accion.CANCELAR);
        assertThat(e.spool().armador()).isNull();
        assertThat(e.spool().arm()).isEqualTo(OpEstado.PENDIENTE);
    }

    @Test
    void eventsAndViewsCarryOnlyCloudEventsHeadersWhateverTheCommandCarried() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_correlationId", "abc".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_replyTopic", "zeues.replies".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_replyPartition", new byte[] {0, 0, 0, 2});
        headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        h.send(tomar(TAG, 93, Operacion.ARM), headers);
        // the harness asserts the exact header list on every event and view it reads, and none on the verdict
        TestRecord<String, SpoolEvent> e = h.eventRecords().get(0);
        assertThat(TopologyHarness.header(e.headers(), "ce_type")).isEqualTo("com.zeues.spool.TOMAR_SPOOL");
        assertThat(TopologyHarness.header(e.headers(), "ce_id")).isEqualTo(e.value().eventId());
        assertThat(TopologyHarness.header(e.headers(), "ce_time")).isEqualTo("2026-02-02T11:15:00Z");
        assertThat(e.headers().lastHeader("kafka_correlationId")).isNull();
        assertThat(h.viewRecords().get(0).headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void commandsOnTwoSpoolsAreIndependent() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.ok(tomar(TAG2, 94, Operacion.ARM));
        h.fails(tomar(TAG2, 93, Operacion.ARM), "SPOOL_OCCUPIED");
        List<SpoolEvent> events = h.events();
        assertThat(events).extracting(SpoolEvent::tagSpool).containsExactly(TAG, TAG2);
        assertThat(events).extracting(SpoolEvent::version).containsExactly(1L, 1L);
        assertThat(events.get(0).eventId()).isNotEqualTo(events.get(1).eventId());
    }

    @Test
    void timePassesBetweenCommands() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        h.advance(Duration.ofMinutes(95));
        h.ok(pausar(TAG, 93, Operacion.ARM));
        List<SpoolEvent> events = h.events();
        assertThat(events.get(1).timestamp()).isEqualTo(START.plus(Duration.ofMinutes(95)));
        assertThat(events.get(0).spool().fechaOcupacion()).isEqualTo(START);
    }
}
