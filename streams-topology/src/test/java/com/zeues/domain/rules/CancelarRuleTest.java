package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.ANA;
import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.LUIS;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.cmd;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.model.CommandType.CANCELAR;
import static com.zeues.domain.model.ErrorCode.INVALID_STATE_TRANSITION;
import static com.zeues.domain.model.ErrorCode.NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_DISPONIBLE;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_INICIADA;
import static com.zeues.domain.model.ErrorCode.ROL_NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.METROLOGIA;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §2.5: undo a started operation. */
class CancelarRuleTest {

    private static Decision cancelar(Flow f, Worker w, Operacion op) {
        return Fixtures.decide(f.state(), w, cmd(CANCELAR, w.id(), op));
    }

    @Test
    void theOccupantCancelsArmInProgress() {
        Transition t = accepted(cancelar(Flow.fresh().tomar(MAURICIO, ARM), MAURICIO, ARM));
        assertThat(t.after().arm()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(t.after().armador()).isNull();
        assertThat(t.after().occupation()).isNull();
        assertThat(t.tipo()).isEqualTo(EventoTipo.CANCELAR_ARM);
        assertThat(t.accion()).isEqualTo(Accion.CANCELAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.fechaOperacion()).isEqualTo(TODAY);
        assertThat(t.message()).contains(TAG).contains("ARM");
    }

    @Test
    void theOccupantCancelsSoldInProgress() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD);
        Transition t = accepted(cancelar(f, PEDRO, SOLD));
        assertThat(t.after().sold()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(t.after().soldador()).isNull();
        assertThat(t.after().arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(t.after().armador().id()).isEqualTo(93);
        assertThat(t.tipo()).isEqualTo(EventoTipo.CANCELAR_SOLD);
    }

    @Test
    void occupiedBySomeoneElseIsNotAuthorised() {
        Decision.Rejected r = rejected(cancelar(Flow.fresh().tomar(MAURICIO, ARM), ANA, ARM), NO_AUTORIZADO);
        assertThat(r.data()).containsEntry("trabajador_esperado", Map.of("id", 93, "nombre", "MR(93)"))
                .containsEntry("trabajador_solicitante", Map.of("id", 96, "nombre", "AM(96)"));
    }

    @Test
    void occupiedByTheRequesterForAnotherOperationIsAnInvalidTransition() {
        // not reachable through the workflow (a paused ARM and a held SOLD), but the shared rule must still hold
        var state = Fixtures.fresh().toBuilder().arm(OpEstado.PAUSADO).armador(WorkerRef.of(JUAN))
                .occupation(new Occupation(WorkerRef.of(JUAN), SOLD, Fixtures.NOW)).build();
        rejected(Fixtures.decide(state, JUAN, cmd(CANCELAR, JUAN.id(), ARM)), INVALID_STATE_TRANSITION);
        rejected(Fixtures.decide(state, MAURICIO, cmd(CANCELAR, MAURICIO.id(), ARM)), NO_AUTORIZADO);
    }

    @Test
    void pausedAndFreeOnlyTheStarterMayCancel() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM);
        Decision.Rejected r = rejected(cancelar(f, ANA, ARM), NO_AUTORIZADO);
        assertThat(r.data()).containsEntry("trabajador_esperado", Map.of("id", 93, "nombre", "MR(93)"))
                .containsEntry("trabajador_solicitante", Map.of("id", 96, "nombre", "AM(96)"));
        Transition t = accepted(cancelar(f, MAURICIO, ARM));
        assertThat(t.after().arm()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(t.after().armador()).isNull();
    }

    @Test
    void pausedAndFreeAfterACollaboratorItIsStillOnlyTheStarter() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM).tomar(ANA, ARM).pausar(ANA, ARM);
        rejected(cancelar(f, ANA, ARM), NO_AUTORIZADO);
        accepted(cancelar(f, MAURICIO, ARM));
    }

    @Test
    void aCollaboratorHoldingTheSpoolMayCancelAsItsOccupant() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM).tomar(ANA, ARM);
        Transition t = accepted(cancelar(f, ANA, ARM));
        assertThat(t.after().armador()).isNull();
        rejected(cancelar(f, MAURICIO, ARM), NO_AUTORIZADO); // the starter, while someone else holds it
    }

    @Test
    void pausedSoldOnlyItsSoldador() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD).pausar(PEDRO, SOLD);
        rejected(cancelar(f, JUAN, SOLD), NO_AUTORIZADO);
        assertThat(accepted(cancelar(f, PEDRO, SOLD)).tipo()).isEqualTo(EventoTipo.CANCELAR_SOLD);
    }

    @Test
    void notStartedOrCompletedCannotBeCancelled() {
        rejected(cancelar(Flow.fresh(), MAURICIO, ARM), OPERACION_NO_INICIADA);
        rejected(cancelar(Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM), MAURICIO, ARM),
                OPERACION_NO_INICIADA);
        rejected(cancelar(Flow.fresh().listoParaMetrologia(), PEDRO, SOLD), OPERACION_NO_INICIADA);
    }

    @Test
    void theRepairerCancelsARepairCycleKept() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO)
                .metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        Transition t = accepted(cancelar(f, JUAN, REPARACION));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.RECHAZADO);
        assertThat(t.after().ciclo()).isEqualTo(2);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.tipo()).isEqualTo(EventoTipo.CANCELAR_REPARACION);
        assertThat(t.accion()).isEqualTo(Accion.CANCELAR);
        assertThat(t.operacion()).isEqualTo(REPARACION);
    }

    @Test
    void aRepairInProgressOnlyByItsOccupant() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        rejected(cancelar(f, PEDRO, REPARACION), NO_AUTORIZADO);
    }

    @Test
    void aPausedRepairMayBeCancelledByAnyRepairRole() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO)
                .tomar(MAURICIO, REPARACION).pausar(MAURICIO, REPARACION);
        for (Worker w : new Worker[] {MAURICIO, PEDRO, ANA, JUAN}) {
            assertThat(accepted(cancelar(f, w, REPARACION)).after().reparacion()).isEqualTo(ReparacionEstado.RECHAZADO);
        }
        Decision.Rejected r = rejected(cancelar(f, LUIS, REPARACION), ROL_NO_AUTORIZADO);
        assertThat(r.data()).containsKey("rol_requerido");
    }

    @Test
    void aRepairNotStartedCannotBeCancelled() {
        Flow rechazado = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        rejected(cancelar(rechazado, MAURICIO, REPARACION), OPERACION_NO_INICIADA);
        rejected(cancelar(rechazado.reparar(MAURICIO), MAURICIO, REPARACION), OPERACION_NO_INICIADA);
    }

    @Test
    void metrologiaCannotBeCancelledItIsInstant() {
        rejected(cancelar(Flow.fresh().listoParaMetrologia(), LUIS, METROLOGIA), OPERACION_NO_DISPONIBLE);
    }

    @Test
    void aBlockedSpoolIsBlocked() {
        rejected(cancelar(Flow.fresh().bloqueado(), MAURICIO, REPARACION), SPOOL_BLOQUEADO);
    }

    @Test
    void stateRulesComeBeforeOwnership() {
        // held by the requester for ARM while asking to cancel SOLD: SOLD is pending, so not started
        rejected(cancelar(Flow.fresh().tomar(JUAN, ARM), JUAN, SOLD), OPERACION_NO_INICIADA);
        // a repair occupant asking to cancel ARM: ARM is completed, so not started
        Flow rep = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        rejected(cancelar(rep, JUAN, ARM), OPERACION_NO_INICIADA);
    }
}
