package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.LUIS;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.completar;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.model.ErrorCode.DEPENDENCIAS_NO_SATISFECHAS;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_DISPONIBLE;
import static com.zeues.domain.model.ErrorCode.OPERACION_YA_COMPLETADA;
import static com.zeues.domain.model.ErrorCode.ROL_NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_OCCUPIED;
import static com.zeues.domain.model.ErrorCode.VALIDATION_ERROR;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.METROLOGIA;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.Worker;
import com.zeues.domain.text.EstadoDetalle;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract §2.7: the instant inspection, its check order and the 3-cycle block. */
class MetrologiaRuleTest {

    private static final LocalDate AYER = TODAY.minusDays(1);

    private static Decision inspect(Flow f, Worker w, Resultado r, LocalDate fecha) {
        return Fixtures.decide(f.state(), w, completar(w.id(), METROLOGIA, fecha, r));
    }

    @Test
    void approvedWritesTheQcDateAndClearsTheCycle() {
        Transition t = accepted(inspect(Flow.fresh().listoParaMetrologia(), LUIS, Resultado.APROBADO, AYER));
        assertThat(t.after().metrologia()).isEqualTo(MetrologiaEstado.APROBADO);
        assertThat(t.after().fechaQcMetrologia()).isEqualTo(AYER);
        assertThat(t.after().fechaRechazo()).isNull();
        assertThat(t.after().reparacion()).isNull();
        assertThat(t.after().ciclo()).isZero();
        assertThat(EstadoDetalle.of(t.after())).isEqualTo("METROLOGIA_APROBADO ✓");
        assertThat(t.tipo()).isEqualTo(EventoTipo.COMPLETAR_METROLOGIA);
        assertThat(t.accion()).isEqualTo(Accion.COMPLETAR);
        assertThat(t.operacion()).isEqualTo(METROLOGIA);
        assertThat(t.worker().nombre()).isEqualTo("LV(97)");
        assertThat(t.fechaOperacion()).isEqualTo(AYER);
        assertThat(t.metadata()).containsEntry("resultado", "APROBADO").containsEntry("ciclo", 0);
    }

    @Test
    void rejectedCountsACycleAndWritesTheRejectionDateOnly() {
        Transition t = accepted(inspect(Flow.fresh().listoParaMetrologia(), LUIS, Resultado.RECHAZADO, null));
        assertThat(t.after().metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.RECHAZADO);
        assertThat(t.after().ciclo()).isEqualTo(1);
        assertThat(t.after().fechaRechazo()).isEqualTo(TODAY);
        assertThat(t.after().fechaQcMetrologia()).as("not written on a rejection").isNull();
        assertThat(t.after().bloqueado()).isFalse();
        assertThat(EstadoDetalle.of(t.after())).isEqualTo("RECHAZADO (Ciclo 1/3) - Pendiente reparación");
        assertThat(t.metadata()).containsEntry("resultado", "RECHAZADO").containsEntry("ciclo", 1);
        assertThat(t.message()).contains(TAG);
    }

    @Test
    void theThirdRejectionBlocks() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO);
        Transition second = accepted(inspect(f, LUIS, Resultado.RECHAZADO, null));
        assertThat(second.after().ciclo()).isEqualTo(2);
        assertThat(EstadoDetalle.of(second.after())).isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        f.metrologia(Resultado.RECHAZADO).reparar(PEDRO);
        Transition third = accepted(inspect(f, LUIS, Resultado.RECHAZADO, null));
        assertThat(third.after().ciclo()).isEqualTo(3);
        assertThat(third.after().reparacion()).isEqualTo(ReparacionEstado.BLOQUEADO);
        assertThat(third.after().bloqueado()).isTrue();
        assertThat(third.after().metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(EstadoDetalle.of(third.after())).isEqualTo("BLOQUEADO - Contactar supervisor");
        assertThat(third.metadata()).containsEntry("ciclo", 3);
    }

    @Test
    void approvalAfterRepairsClearsRepairAndCycle() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO)
                .metrologia(Resultado.RECHAZADO).reparar(JUAN);
        Transition t = accepted(inspect(f, LUIS, Resultado.APROBADO, null));
        assertThat(t.after().reparacion()).isNull();
        assertThat(t.after().ciclo()).isZero();
        assertThat(t.after().metrologia()).isEqualTo(MetrologiaEstado.APROBADO);
        assertThat(t.after().fechaRechazo()).as("the last rejection date stays").isEqualTo(TODAY);
        assertThat(t.metadata()).containsEntry("resultado", "APROBADO");
    }

    @Test
    void needsTheMetrologiaRole() {
        Decision.Rejected r = rejected(inspect(Flow.fresh().listoParaMetrologia(), MAURICIO, Resultado.APROBADO, null),
                ROL_NO_AUTORIZADO);
        assertThat(r.data()).containsEntry("rol_requerido", List.of("Metrologia"))
                .containsEntry("roles_actuales", List.of("Armador"));
    }

    @Test
    void aBlockedSpoolIsBlocked() {
        rejected(inspect(Flow.fresh().bloqueado(), LUIS, Resultado.APROBADO, null), SPOOL_BLOQUEADO);
    }

    @Test
    void needsArmAndSoldCompleted() {
        Decision.Rejected noArm = rejected(inspect(Flow.fresh(), LUIS, Resultado.APROBADO, null),
                DEPENDENCIAS_NO_SATISFECHAS);
        assertThat(noArm.data()).containsEntry("tag_spool", TAG).containsEntry("operacion", "METROLOGIA")
                .containsEntry("dependencia_faltante", "ARM");
        Flow soldPending = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        assertThat(rejected(inspect(soldPending, LUIS, Resultado.APROBADO, null), DEPENDENCIAS_NO_SATISFECHAS).data())
                .containsEntry("dependencia_faltante", "SOLD");
        // SOLD held by a welder is a missing dependency, not an occupied spool
        rejected(inspect(soldPending.tomar(PEDRO, SOLD), LUIS, Resultado.APROBADO, null), DEPENDENCIAS_NO_SATISFECHAS);
    }

    @Test
    void alreadyApproved() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.APROBADO);
        rejected(inspect(f, LUIS, Resultado.APROBADO, null), OPERACION_YA_COMPLETADA);
        rejected(inspect(f, LUIS, Resultado.RECHAZADO, null), OPERACION_YA_COMPLETADA);
    }

    @Test
    void rejectedAndNotYetRepairedIsNotAvailable() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        Decision.Rejected r = rejected(inspect(f, LUIS, Resultado.APROBADO, null), OPERACION_NO_DISPONIBLE);
        assertThat(r.data()).containsEntry("estado_actual", "RECHAZADO (Ciclo 1/3) - Pendiente reparación");
        f.tomar(MAURICIO, REPARACION).pausar(MAURICIO, REPARACION);
        assertThat(rejected(inspect(f, LUIS, Resultado.APROBADO, null), OPERACION_NO_DISPONIBLE).data())
                .containsEntry("estado_actual", "REPARACION_PAUSADA (Ciclo 1/3)");
    }

    @Test
    void aRepairHoldingTheSpoolIsSpoolOccupied() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION);
        Decision.Rejected r = rejected(inspect(f, LUIS, Resultado.APROBADO, null), SPOOL_OCCUPIED);
        assertThat(r.data()).containsEntry("owner_id", 94).containsEntry("owner_name", "JP(94)");
    }

    @Test
    void resultadoIsRequired() {
        rejected(inspect(Flow.fresh().listoParaMetrologia(), LUIS, null, null), VALIDATION_ERROR);
    }

    @Test
    void checkOrderRoleThenBlockedThenDependencies() {
        Flow blocked = Flow.fresh().bloqueado();
        rejected(inspect(blocked, MAURICIO, Resultado.APROBADO, null), ROL_NO_AUTORIZADO);
        rejected(inspect(Flow.fresh(), MAURICIO, Resultado.APROBADO, null), ROL_NO_AUTORIZADO);
    }
}
