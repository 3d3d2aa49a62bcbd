package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.INACTIVO;
import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.Fixtures.supervisor;
import static com.zeues.domain.model.CommandType.DESBLOQUEAR;
import static com.zeues.domain.model.CommandType.LIBERAR;
import static com.zeues.domain.model.ErrorCode.INVALID_STATE_TRANSITION;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_INICIADA;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_NO_ENCONTRADO;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.METROLOGIA;
import static com.zeues.domain.model.Operacion.REPARACION;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.WorkerRef;
import com.zeues.domain.text.EstadoDetalle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §2.9: desbloquear and liberar, acted as worker 0 SYSTEM. */
class SupervisorRulesTest {

    @Test
    void desbloquearGivesOneMoreRepairAtCycleTwo() {
        Flow f = Flow.fresh().bloqueado();
        Transition t = accepted(f.decide(null, supervisor(DESBLOQUEAR, "pieza revisada")));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.RECHAZADO);
        assertThat(t.after().ciclo()).isEqualTo(2);
        assertThat(t.after().bloqueado()).isFalse();
        assertThat(t.after().metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(EstadoDetalle.of(t.after())).isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        assertThat(t.tipo()).isEqualTo(EventoTipo.SUPERVISOR_OVERRIDE);
        assertThat(t.accion()).isEqualTo(Accion.OVERRIDE);
        assertThat(t.operacion()).isEqualTo(METROLOGIA);
        assertThat(t.worker()).isEqualTo(WorkerRef.SYSTEM).isEqualTo(new WorkerRef(0, "SYSTEM"));
        assertThat(t.fechaOperacion()).isEqualTo(TODAY);
        assertThat(t.metadata()).containsExactly(Map.entry("accion", "desbloquear"),
                Map.entry("motivo", "pieza revisada"));
    }

    @Test
    void afterAnUnblockOneMoreRejectionBlocksAgain() {
        Flow f = Flow.fresh().bloqueado().desbloquear("ok").reparar(MAURICIO).metrologia(Resultado.RECHAZADO);
        assertThat(f.state().bloqueado()).isTrue();
        assertThat(f.state().ciclo()).isEqualTo(3);
        Flow g = Flow.fresh().bloqueado().desbloquear("ok").reparar(MAURICIO).metrologia(Resultado.APROBADO);
        assertThat(g.state().metrologia()).isEqualTo(MetrologiaEstado.APROBADO);
        assertThat(g.state().ciclo()).isZero();
    }

    @Test
    void desbloquearWithoutAMotivoIsStillAccepted() {
        Transition t = accepted(Flow.fresh().bloqueado().decide(null, supervisor(DESBLOQUEAR, null)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("accion", "desbloquear");
        expected.put("motivo", null);
        assertThat(t.metadata()).isEqualTo(expected);
    }

    @Test
    void desbloquearANotBlockedSpoolIsAnInvalidTransition() {
        rejected(Flow.fresh().decide(null, supervisor(DESBLOQUEAR, "x")), INVALID_STATE_TRANSITION);
        rejected(Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO)
                .decide(null, supervisor(DESBLOQUEAR, "x")), INVALID_STATE_TRANSITION);
    }

    @Test
    void aBlockedSpoolRefusesWorkersUntilUnblocked() {
        Flow f = Flow.fresh().bloqueado();
        rejected(f.decide(MAURICIO, Fixtures.cmd(com.zeues.domain.model.CommandType.TOMAR, 93, REPARACION)),
                SPOOL_BLOQUEADO);
        f.desbloquear("ok").tomar(MAURICIO, REPARACION);
        assertThat(f.state().reparacion()).isEqualTo(ReparacionEstado.EN_REPARACION);
    }

    @Test
    void liberarReleasesAnOccupationAsItsOccupantWouldPause() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM);
        Transition t = accepted(f.decide(null, supervisor(LIBERAR, "tablet perdida")));
        assertThat(t.after().arm()).isEqualTo(OpEstado.PAUSADO);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.after().armador().id()).isEqualTo(93);
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(t.accion()).isEqualTo(Accion.PAUSAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.worker()).isEqualTo(WorkerRef.SYSTEM);
        assertThat(t.fechaOperacion()).isEqualTo(TODAY);
        assertThat(t.metadata()).containsExactly(Map.entry("motivo", "tablet perdida"));
    }

    @Test
    void liberarARepairIsItsPause() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        Transition t = accepted(f.decide(null, supervisor(LIBERAR, null)));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_REPARACION);
        assertThat(t.metadata()).containsKey("motivo");
    }

    @Test
    void liberarWorksWhenTheOccupantWasDeactivated() {
        // the occupant is no longer in the registry as active; the supervisor command names no worker
        Flow f = new Flow(Fixtures.fresh().toBuilder().arm(OpEstado.EN_PROGRESO).armador(WorkerRef.of(INACTIVO))
                .occupation(new com.zeues.domain.model.Occupation(WorkerRef.of(INACTIVO), ARM, Fixtures.NOW)).build());
        assertThat(accepted(f.decide(null, supervisor(LIBERAR, "baja"))).after().occupied()).isFalse();
        // while the deactivated occupant itself can no longer act
        rejected(f.decide(INACTIVO, Fixtures.cmd(com.zeues.domain.model.CommandType.PAUSAR, 99, ARM)),
                com.zeues.domain.model.ErrorCode.WORKER_NO_ENCONTRADO);
    }

    @Test
    void liberarAFreeSpoolIsNotStarted() {
        rejected(Flow.fresh().decide(null, supervisor(LIBERAR, "x")), OPERACION_NO_INICIADA);
    }

    @Test
    void supervisorCommandsOnAnUnknownSpool() {
        rejected(Fixtures.decide(null, null, supervisor(DESBLOQUEAR, "x")), SPOOL_NO_ENCONTRADO);
        rejected(Fixtures.decide(null, null, supervisor(LIBERAR, "x")), SPOOL_NO_ENCONTRADO);
    }
}
