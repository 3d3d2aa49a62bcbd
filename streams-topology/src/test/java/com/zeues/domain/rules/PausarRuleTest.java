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
import static com.zeues.domain.model.CommandType.PAUSAR;
import static com.zeues.domain.model.ErrorCode.INVALID_STATE_TRANSITION;
import static com.zeues.domain.model.ErrorCode.NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_DISPONIBLE;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_INICIADA;
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
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §2.3, with the ownership rule of §2.2. */
class PausarRuleTest {

    private static Decision pausar(Flow f, Worker w, Operacion op) {
        return Fixtures.decide(f.state(), w, cmd(PAUSAR, w.id(), op));
    }

    @Test
    void theOccupantPausesArmProgressKept() {
        Transition t = accepted(pausar(Flow.fresh().tomar(MAURICIO, ARM), MAURICIO, ARM));
        assertThat(t.after().arm()).isEqualTo(OpEstado.PAUSADO);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.after().armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(t.accion()).isEqualTo(Accion.PAUSAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.worker()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.fechaOperacion()).as("PAUSAR carries today").isEqualTo(TODAY);
        assertThat(t.metadata()).isEmpty();
        assertThat(t.message()).isEqualTo("Trabajo pausado en " + TAG);
    }

    @Test
    void theOccupantPausesSold() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD);
        Transition t = accepted(pausar(f, PEDRO, SOLD));
        assertThat(t.after().sold()).isEqualTo(OpEstado.PAUSADO);
        assertThat(t.after().arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(t.operacion()).isEqualTo(SOLD);
    }

    @Test
    void theOccupantPausesARepair() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        Transition t = accepted(pausar(f, JUAN, REPARACION));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(t.after().ciclo()).isEqualTo(1);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_REPARACION);
        assertThat(t.operacion()).isEqualTo(REPARACION);
    }

    @Test
    void aFreeSpoolIsNotStarted() {
        Decision.Rejected r = rejected(pausar(Flow.fresh(), MAURICIO, ARM), OPERACION_NO_INICIADA);
        assertThat(r.data()).containsEntry("tag_spool", TAG).containsEntry("operacion", "ARM");
        assertThat(r.message()).contains(TAG).contains("ARM").contains("MR(93)");
        rejected(pausar(Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM), MAURICIO, ARM),
                OPERACION_NO_INICIADA);
    }

    @Test
    void heldBySomeoneElseIsNotAuthorisedWithBothWorkers() {
        Decision.Rejected r = rejected(pausar(Flow.fresh().tomar(MAURICIO, ARM), ANA, ARM), NO_AUTORIZADO);
        assertThat(r.data()).containsEntry("tag_spool", TAG)
                .containsEntry("trabajador_esperado", Map.of("id", 93, "nombre", "MR(93)"))
                .containsEntry("trabajador_solicitante", Map.of("id", 96, "nombre", "AM(96)"));
        assertThat(r.message()).contains("MR(93)").contains("AM(96)").contains(TAG);
    }

    @Test
    void heldBySomeoneElseIsNotAuthorisedWhateverTheOperation() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM);
        rejected(pausar(f, PEDRO, SOLD), NO_AUTORIZADO);
        rejected(pausar(f, PEDRO, REPARACION), NO_AUTORIZADO);
    }

    @Test
    void heldByTheRequesterForAnotherOperationIsAnInvalidTransition() {
        Flow f = Flow.fresh().tomar(JUAN, ARM);
        Decision.Rejected r = rejected(pausar(f, JUAN, SOLD), INVALID_STATE_TRANSITION);
        assertThat(r.message()).contains(TAG).contains("ARM");
        rejected(pausar(f, JUAN, REPARACION), INVALID_STATE_TRANSITION);
    }

    @Test
    void anOccupantMayPauseEvenAfterLosingTheRole() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM);
        Worker sinRol = new Worker(93, "Mauricio", "Rodriguez", List.of("Pintura"), true);
        accepted(pausar(f, sinRol, ARM));
    }

    @Test
    void metrologiaCannotBePaused() {
        rejected(pausar(Flow.fresh().listoParaMetrologia(), LUIS, METROLOGIA), OPERACION_NO_DISPONIBLE);
    }

    @Test
    void aBlockedSpoolIsBlocked() {
        rejected(pausar(Flow.fresh().bloqueado(), MAURICIO, REPARACION), SPOOL_BLOQUEADO);
    }
}
