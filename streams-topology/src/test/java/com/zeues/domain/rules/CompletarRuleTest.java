package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.ANA;
import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.completar;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.model.ErrorCode.INVALID_STATE_TRANSITION;
import static com.zeues.domain.model.ErrorCode.NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_INICIADA;
import static com.zeues.domain.model.ErrorCode.OPERACION_YA_COMPLETADA;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.Worker;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract §2.4 for ARM, SOLD and REPARACION (METROLOGIA has its own test). */
class CompletarRuleTest {

    private static final LocalDate AYER = TODAY.minusDays(1);

    private static Decision completarOp(Flow f, Worker w, Operacion op, LocalDate fecha) {
        return Fixtures.decide(f.state(), w, completar(w.id(), op, fecha, null));
    }

    @Test
    void theOccupantCompletesArmOnTheGivenDate() {
        Transition t = accepted(completarOp(Flow.fresh().tomar(MAURICIO, ARM), MAURICIO, ARM, AYER));
        assertThat(t.after().arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(t.after().fechaArmado()).isEqualTo(AYER);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.after().armador().id()).isEqualTo(93);
        assertThat(t.tipo()).isEqualTo(EventoTipo.COMPLETAR_ARM);
        assertThat(t.accion()).isEqualTo(Accion.COMPLETAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.fechaOperacion()).isEqualTo(AYER);
        assertThat(t.message()).isEqualTo("Operación ARM completada en " + TAG);
    }

    @Test
    void withoutADateItIsToday() {
        Transition t = accepted(completarOp(Flow.fresh().tomar(MAURICIO, ARM), MAURICIO, ARM, null));
        assertThat(t.after().fechaArmado()).isEqualTo(TODAY);
        assertThat(t.fechaOperacion()).isEqualTo(TODAY);
    }

    @Test
    void theOccupantCompletesSold() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD);
        Transition t = accepted(completarOp(f, PEDRO, SOLD, AYER));
        assertThat(t.after().sold()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(t.after().fechaSoldadura()).isEqualTo(AYER);
        assertThat(t.after().fechaArmado()).isEqualTo(TODAY);
        assertThat(t.tipo()).isEqualTo(EventoTipo.COMPLETAR_SOLD);
        assertThat(t.message()).isEqualTo("Operación SOLD completada en " + TAG);
    }

    @Test
    void alreadyCompletedComesBeforeOwnership() {
        Flow armDone = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        Decision.Rejected r = rejected(completarOp(armDone, ANA, ARM, null), OPERACION_YA_COMPLETADA);
        assertThat(r.data()).containsEntry("tag_spool", TAG).containsEntry("operacion", "ARM");
        // even while someone else holds the spool for SOLD
        rejected(completarOp(armDone.tomar(PEDRO, SOLD), ANA, ARM, null), OPERACION_YA_COMPLETADA);
        rejected(completarOp(Flow.fresh().listoParaMetrologia(), PEDRO, SOLD, null), OPERACION_YA_COMPLETADA);
    }

    @Test
    void aFreeSpoolIsNotStarted() {
        rejected(completarOp(Flow.fresh(), MAURICIO, ARM, null), OPERACION_NO_INICIADA);
        // paused and free: it has to be taken again first
        rejected(completarOp(Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM), MAURICIO, ARM, null),
                OPERACION_NO_INICIADA);
    }

    @Test
    void heldBySomeoneElseIsNotAuthorised() {
        Decision.Rejected r = rejected(completarOp(Flow.fresh().tomar(MAURICIO, ARM), ANA, ARM, null),
                NO_AUTORIZADO);
        assertThat(r.data()).containsKeys("trabajador_esperado", "trabajador_solicitante");
    }

    @Test
    void heldByTheRequesterForAnotherOperationIsAnInvalidTransition() {
        Flow f = Flow.fresh().tomar(JUAN, ARM);
        Decision.Rejected r = rejected(completarOp(f, JUAN, SOLD, null), INVALID_STATE_TRANSITION);
        assertThat(r.message()).contains(TAG).contains("SOLD").contains("JP(94)");
    }

    @Test
    void anOccupantMayCompleteEvenAfterLosingTheRole() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM);
        accepted(completarOp(f, new Worker(93, "Mauricio", "Rodriguez", List.of(), true), ARM, null));
    }

    @Test
    void theRepairerCompletesARepairCycleKept() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO)
                .metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        Transition t = accepted(completarOp(f, JUAN, REPARACION, AYER));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.PENDIENTE_METROLOGIA);
        assertThat(t.after().ciclo()).isEqualTo(2);
        assertThat(t.after().metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.tipo()).isEqualTo(EventoTipo.COMPLETAR_REPARACION);
        assertThat(t.accion()).isEqualTo(Accion.COMPLETAR);
        assertThat(t.operacion()).isEqualTo(REPARACION);
        assertThat(t.fechaOperacion()).isEqualTo(AYER);
    }

    @Test
    void aRepairNotInProgressIsNotStarted() {
        Flow rechazado = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        rejected(completarOp(rechazado, MAURICIO, REPARACION, null), OPERACION_NO_INICIADA);
        rejected(completarOp(Flow.fresh(), MAURICIO, REPARACION, null), OPERACION_NO_INICIADA);
        Flow pausada = rechazado.tomar(MAURICIO, REPARACION).pausar(MAURICIO, REPARACION);
        rejected(completarOp(pausada, MAURICIO, REPARACION, null), OPERACION_NO_INICIADA);
    }

    @Test
    void aRepairHeldBySomeoneElseIsNotAuthorised() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(MAURICIO, REPARACION);
        rejected(completarOp(f, PEDRO, REPARACION, null), NO_AUTORIZADO);
    }

    @Test
    void aBlockedSpoolIsBlocked() {
        rejected(completarOp(Flow.fresh().bloqueado(), MAURICIO, REPARACION, null), SPOOL_BLOQUEADO);
    }
}
