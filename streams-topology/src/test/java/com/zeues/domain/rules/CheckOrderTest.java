package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.ANA;
import static com.zeues.domain.Fixtures.INACTIVO;
import static com.zeues.domain.Fixtures.LUIS;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.Fixtures.ROSA;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.cmd;
import static com.zeues.domain.Fixtures.decide;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.model.CommandType.CANCELAR;
import static com.zeues.domain.model.CommandType.COMPLETAR;
import static com.zeues.domain.model.CommandType.PAUSAR;
import static com.zeues.domain.model.CommandType.TOMAR;
import static com.zeues.domain.model.ErrorCode.DEPENDENCIAS_NO_SATISFECHAS;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_DISPONIBLE;
import static com.zeues.domain.model.ErrorCode.OPERACION_YA_COMPLETADA;
import static com.zeues.domain.model.ErrorCode.ROL_NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_NO_ENCONTRADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_OCCUPIED;
import static com.zeues.domain.model.ErrorCode.VALIDATION_ERROR;
import static com.zeues.domain.model.ErrorCode.WORKER_NO_ENCONTRADO;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import org.junit.jupiter.api.Test;

/** Contract §1 check order, first failure wins: spool → worker → role → blocked → state → occupancy. */
class CheckOrderTest {

    @Test
    void unknownSpoolWinsOverEverything() {
        Decision.Rejected r = rejected(decide(null, null, cmd(TOMAR, 12345, ARM)), SPOOL_NO_ENCONTRADO);
        assertThat(r.data()).containsEntry("tag_spool", TAG);
        assertThat(r.message()).contains(TAG);
        for (CommandType type : CommandType.values()) {
            rejected(decide(null, MAURICIO, cmd(type, 93, ARM)), SPOOL_NO_ENCONTRADO);
        }
    }

    @Test
    void unknownWorkerComesSecond() {
        SpoolState blocked = Flow.fresh().bloqueado().state();
        Decision.Rejected r = rejected(decide(blocked, null, cmd(TOMAR, 12345, ARM)), WORKER_NO_ENCONTRADO);
        assertThat(r.data()).containsEntry("tag_spool", TAG).containsEntry("worker_id", 12345);
        assertThat(r.message()).contains("12345").contains(TAG);
        for (CommandType type : new CommandType[] {TOMAR, PAUSAR, COMPLETAR, CANCELAR}) {
            rejected(decide(Fixtures.fresh(), null, cmd(type, 12345, ARM)), WORKER_NO_ENCONTRADO);
        }
    }

    @Test
    void anInactiveWorkerIsNotFound() {
        Decision.Rejected r = rejected(decide(Fixtures.fresh(), INACTIVO, cmd(TOMAR, 99, ARM)), WORKER_NO_ENCONTRADO);
        assertThat(r.data()).containsEntry("worker_id", 99);
    }

    @Test
    void roleComesBeforeBlocked() {
        SpoolState blocked = Flow.fresh().bloqueado().state();
        rejected(decide(blocked, ROSA, cmd(TOMAR, ROSA.id(), REPARACION)), ROL_NO_AUTORIZADO);
        rejected(decide(blocked, LUIS, cmd(TOMAR, LUIS.id(), REPARACION)), ROL_NO_AUTORIZADO);
    }

    @Test
    void blockedComesBeforeTheOperationsStateRules() {
        SpoolState blocked = Flow.fresh().bloqueado().state();
        // ARM completed would be OPERACION_YA_COMPLETADA; REPARACION from BLOQUEADO would be NO_DISPONIBLE
        rejected(decide(blocked, MAURICIO, cmd(TOMAR, 93, ARM)), SPOOL_BLOQUEADO);
        rejected(decide(blocked, MAURICIO, cmd(TOMAR, 93, REPARACION)), SPOOL_BLOQUEADO);
        rejected(decide(blocked, MAURICIO, cmd(PAUSAR, 93, REPARACION)), SPOOL_BLOQUEADO);
        rejected(decide(blocked, MAURICIO, cmd(CANCELAR, 93, REPARACION)), SPOOL_BLOQUEADO);
    }

    @Test
    void stateRulesComeBeforeOccupancy() {
        // ARM completed and the spool held by a welder: ARM is already completed, not "occupied"
        SpoolState soldHeld = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD).state();
        rejected(decide(soldHeld, ANA, cmd(TOMAR, ANA.id(), ARM)), OPERACION_YA_COMPLETADA);
        // ARM in progress held by someone: SOLD's dependency is missing, not "occupied"
        SpoolState armHeld = Flow.fresh().tomar(MAURICIO, ARM).state();
        rejected(decide(armHeld, PEDRO, cmd(TOMAR, PEDRO.id(), SOLD)), DEPENDENCIAS_NO_SATISFECHAS);
        // a repair in progress: not available for another repair take
        SpoolState repairHeld = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO)
                .tomar(MAURICIO, REPARACION).state();
        rejected(decide(repairHeld, PEDRO, cmd(TOMAR, PEDRO.id(), REPARACION)), OPERACION_NO_DISPONIBLE);
        // and only then occupancy
        rejected(decide(armHeld, ANA, cmd(TOMAR, ANA.id(), ARM)), SPOOL_OCCUPIED);
    }

    @Test
    void roleComesBeforeStateAndOccupancy() {
        SpoolState armHeld = Flow.fresh().tomar(MAURICIO, ARM).state();
        rejected(decide(armHeld, PEDRO, cmd(TOMAR, PEDRO.id(), ARM)), ROL_NO_AUTORIZADO);
        SpoolState sinMateriales = SpoolState.fresh(TAG, null, null, null);
        rejected(decide(sinMateriales, PEDRO, cmd(TOMAR, PEDRO.id(), ARM)), ROL_NO_AUTORIZADO);
    }

    @Test
    void aMalformedCommandIsAValidationErrorBeforeAnyBusinessRule() {
        rejected(decide(Fixtures.fresh(), MAURICIO, cmd(TOMAR, 93, null)), VALIDATION_ERROR);
        rejected(decide(null, null, cmd(TOMAR, 93, null)), VALIDATION_ERROR);
        SpoolCommand noType = new SpoolCommand("r", false, "c", 0, null, TAG, 93, ARM, null, null, null);
        Decision.Rejected r = rejected(decide(null, null, noType), VALIDATION_ERROR);
        assertThat(r.code().status()).isEqualTo(422);
        assertThat(noType.canonical()).startsWith("null|" + TAG);
    }
}
