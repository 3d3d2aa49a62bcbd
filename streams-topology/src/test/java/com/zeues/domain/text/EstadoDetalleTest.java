package com.zeues.domain.text;

import static com.zeues.domain.Fixtures.ANA;
import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolState;
import org.junit.jupiter.api.Test;

/** Contract §4: every estado_detalle text exactly as the office knows it, reached through the rules. */
class EstadoDetalleTest {

    private static String of(Flow f) {
        return EstadoDetalle.of(f.state());
    }

    @Test
    void freshSpool() {
        assertThat(of(Flow.fresh())).isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
    }

    @Test
    void occupiedForArm() {
        assertThat(of(Flow.fresh().tomar(MAURICIO, ARM)))
                .isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
    }

    @Test
    void armPaused() {
        assertThat(of(Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM)))
                .isEqualTo("Disponible - ARM pausado, SOLD pendiente");
    }

    @Test
    void resumedByACollaboratorNamesTheOccupant() {
        assertThat(of(Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM).tomar(ANA, ARM)))
                .isEqualTo("AM(96) trabajando ARM (ARM en progreso, SOLD pendiente)");
    }

    @Test
    void armCompleted() {
        assertThat(of(Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM)))
                .isEqualTo("Disponible - ARM completado, SOLD pendiente");
    }

    @Test
    void occupiedForSold() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(JUAN, SOLD);
        assertThat(of(f)).isEqualTo("JP(94) trabajando SOLD (ARM completado, SOLD en progreso)");
        assertThat(of(f.pausar(JUAN, SOLD))).isEqualTo("Disponible - ARM completado, SOLD pausado");
        assertThat(of(f.tomar(PEDRO, SOLD).completar(PEDRO, SOLD)))
                .isEqualTo("Disponible - ARM completado, SOLD completado");
    }

    @Test
    void metrologiaTexts() {
        assertThat(of(Flow.fresh().listoParaMetrologia().metrologia(Resultado.APROBADO)))
                .isEqualTo("METROLOGIA_APROBADO ✓");
        Flow rejected = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        assertThat(of(rejected)).isEqualTo("RECHAZADO (Ciclo 1/3) - Pendiente reparación");
        assertThat(of(rejected.reparar(MAURICIO).metrologia(Resultado.RECHAZADO)))
                .isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        assertThat(of(Flow.fresh().bloqueado())).isEqualTo("BLOQUEADO - Contactar supervisor");
    }

    @Test
    void repairTexts() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(MAURICIO, REPARACION);
        assertThat(of(f)).isEqualTo("EN_REPARACION (Ciclo 1/3) - Ocupado: MR(93)");
        assertThat(of(f.pausar(MAURICIO, REPARACION))).isEqualTo("REPARACION_PAUSADA (Ciclo 1/3)");
        assertThat(of(f.tomar(PEDRO, REPARACION).completar(PEDRO, REPARACION))).isEqualTo("PENDIENTE_METROLOGIA");
        assertThat(of(f.metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION)))
                .isEqualTo("EN_REPARACION (Ciclo 2/3) - Ocupado: JP(94)");
        assertThat(of(f.pausar(JUAN, REPARACION))).isEqualTo("REPARACION_PAUSADA (Ciclo 2/3)");
    }

    @Test
    void approvedAfterRepairsIsTheApprovedText() {
        Flow f = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO)
                .metrologia(Resultado.APROBADO);
        assertThat(of(f)).isEqualTo(EstadoDetalle.APROBADO).isEqualTo("METROLOGIA_APROBADO ✓");
    }

    @Test
    void constantsAndHelpers() {
        assertThat(EstadoDetalle.BLOQUEADO).isEqualTo("BLOQUEADO - Contactar supervisor");
        assertThat(EstadoDetalle.PENDIENTE_METROLOGIA).isEqualTo("PENDIENTE_METROLOGIA");
        assertThat(EstadoDetalle.rechazado(2)).isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        assertThat(EstadoDetalle.operacion(null)).isEqualTo("-");
        assertThat(EstadoDetalle.operacion(SOLD)).isEqualTo("SOLD");
    }

    @Test
    void aSpoolHeldForRepairWithoutOccupantDoesNotFail() {
        SpoolState s = Flow.fresh().state().toBuilder()
                .reparacion(com.zeues.domain.model.ReparacionEstado.EN_REPARACION).ciclo(1).build();
        assertThat(EstadoDetalle.of(s)).isEqualTo("EN_REPARACION (Ciclo 1/3) - Ocupado: -");
    }
}
