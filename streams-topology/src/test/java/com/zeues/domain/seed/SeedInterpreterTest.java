package com.zeues.domain.seed;

import static com.zeues.domain.Fixtures.MATERIALES;
import static com.zeues.domain.Fixtures.TAG;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.WorkerRef;
import com.zeues.domain.text.EstadoDetalle;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Contract §7: taking over a sheet in use, from realistic Operaciones rows. */
class SeedInterpreterTest {

    private static final LocalDate D_ARM = LocalDate.of(2026, 1, 22);
    private static final LocalDate D_SOLD = LocalDate.of(2026, 1, 26);
    private static final LocalDate D_QC = LocalDate.of(2026, 1, 28);
    private static final Instant OCUPADO_DESDE = Instant.parse("2026-02-02T10:30:00Z");

    private static SpoolState seed(SpoolSeed s) {
        return SeedInterpreter.initial(new SpoolMaster(TAG, "NV-0042", "OT-0815", MATERIALES, s));
    }

    private static SpoolSeed row(String armador, String soldador, LocalDate fArm, LocalDate fSold, LocalDate fQc,
                                 String ocupadoPor, Instant fOcupacion, String estado) {
        return new SpoolSeed(armador, soldador, fArm, fSold, fQc, ocupadoPor, fOcupacion, estado);
    }

    @Test
    void noSeedOrAnEmptySeedIsAFreshSpool() {
        assertThat(seed(null)).isEqualTo(Fixtures.fresh());
        assertThat(seed(row(null, " ", null, null, null, "", null, "  "))).isEqualTo(Fixtures.fresh());
        assertThat(seed(null).version()).isZero();
    }

    @Test
    void approvedRow() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, D_QC, "", null, "METROLOGIA_APROBADO ✓"));
        assertThat(s.arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.sold()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.metrologia()).isEqualTo(MetrologiaEstado.APROBADO);
        assertThat(s.reparacion()).isNull();
        assertThat(s.ciclo()).isZero();
        assertThat(s.armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(s.soldador()).isEqualTo(new WorkerRef(94, "JP(94)"));
        assertThat(s.fechaArmado()).isEqualTo(D_ARM);
        assertThat(s.fechaSoldadura()).isEqualTo(D_SOLD);
        assertThat(s.fechaQcMetrologia()).isEqualTo(D_QC);
        assertThat(s.occupied()).isFalse();
        assertThat(s.version()).as("seeded from the sheet is still version 0").isZero();
        assertThat(EstadoDetalle.of(s)).isEqualTo("METROLOGIA_APROBADO ✓");
    }

    @Test
    void rejectedRowReadsItsCycleFromTheText() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, "", null,
                "RECHAZADO (Ciclo 2/3) - Pendiente reparación"));
        assertThat(s.reparacion()).isEqualTo(ReparacionEstado.RECHAZADO);
        assertThat(s.ciclo()).isEqualTo(2);
        assertThat(s.metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(s.arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.sold()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(EstadoDetalle.of(s)).isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
    }

    @Test
    void blockedRow() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, null, null, "BLOQUEADO - Contactar supervisor"));
        assertThat(s.bloqueado()).isTrue();
        assertThat(s.ciclo()).isEqualTo(3);
        assertThat(s.metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(EstadoDetalle.of(s)).isEqualTo("BLOQUEADO - Contactar supervisor");
    }

    @Test
    void pendingMetrologiaAfterARepair() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, null, null, "PENDIENTE_METROLOGIA"));
        assertThat(s.reparacion()).isEqualTo(ReparacionEstado.PENDIENTE_METROLOGIA);
        assertThat(s.ciclo()).as("the text does not say its cycle: at least one").isEqualTo(1);
        assertThat(s.metrologia()).isEqualTo(MetrologiaEstado.RECHAZADO);
        assertThat(EstadoDetalle.of(s)).isEqualTo("PENDIENTE_METROLOGIA");
    }

    @Test
    void occupiedForArmWithOcupadoPor() {
        SpoolState s = seed(row("MR(93)", null, null, null, null, "MR(93)", OCUPADO_DESDE,
                "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"));
        assertThat(s.occupation()).isEqualTo(new Occupation(new WorkerRef(93, "MR(93)"), Operacion.ARM, OCUPADO_DESDE));
        assertThat(s.arm()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(s.sold()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(s.armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(EstadoDetalle.of(s)).isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        SpoolView v = SpoolView.of(s);
        assertThat(v.ocupadoPor()).isEqualTo("MR(93)");
        assertThat(v.workerIdOcupante()).isEqualTo(93);
        assertThat(v.fechaOcupacion()).isEqualTo(OCUPADO_DESDE);
    }

    @Test
    void occupiedForSoldByACollaborator() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, null, null, "PS(95)", OCUPADO_DESDE,
                "PS(95) trabajando SOLD (ARM completado, SOLD en progreso)"));
        assertThat(s.occupation().worker()).isEqualTo(new WorkerRef(95, "PS(95)"));
        assertThat(s.occupation().operacion()).isEqualTo(Operacion.SOLD);
        assertThat(s.arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.sold()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(s.soldador()).as("the starter stays the soldador").isEqualTo(new WorkerRef(94, "JP(94)"));
    }

    @Test
    void occupiedForRepair() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, "MR(93)", OCUPADO_DESDE,
                "EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)"));
        assertThat(s.reparacion()).isEqualTo(ReparacionEstado.EN_REPARACION);
        assertThat(s.ciclo()).isEqualTo(2);
        assertThat(s.occupation().operacion()).isEqualTo(Operacion.REPARACION);
        assertThat(EstadoDetalle.of(s)).isEqualTo("EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)");
    }

    @Test
    void aRepairInProgressWithoutOccupantIsPaused() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, "", null,
                "EN_REPARACION (Ciclo 1/3) - Ocupado: MR(93)"));
        assertThat(s.reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(s.occupied()).isFalse();
    }

    @Test
    void pausedRows() {
        SpoolState arm = seed(row("MR(93)", null, null, null, null, "", null, "Disponible - ARM pausado, SOLD pendiente"));
        assertThat(arm.arm()).isEqualTo(OpEstado.PAUSADO);
        assertThat(arm.sold()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(EstadoDetalle.of(arm)).isEqualTo("Disponible - ARM pausado, SOLD pendiente");
        SpoolState rep = seed(row("MR(93)", "JP(94)", D_ARM, D_SOLD, null, "", null, "REPARACION_PAUSADA (Ciclo 1/3)"));
        assertThat(rep.reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(rep.ciclo()).isEqualTo(1);
    }

    @Test
    void anOccupationWithoutItsStartTimeIsReadAsPaused() {
        SpoolState s = seed(row("MR(93)", null, null, null, null, "MR(93)", null,
                "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"));
        assertThat(s.occupied()).isFalse();
        assertThat(s.arm()).isEqualTo(OpEstado.PAUSADO);
    }

    @Test
    void legacyNamesWithoutIdAreKeptAsTextAndMatchNobody() {
        SpoolState s = seed(row("Mauricio Rodriguez", null, D_ARM, null, null, "Juan Pérez", OCUPADO_DESDE,
                "Juan Pérez trabajando SOLD (ARM completado, SOLD en progreso)"));
        assertThat(s.armador()).isEqualTo(new WorkerRef(SeedInterpreter.UNKNOWN_WORKER_ID, "Mauricio Rodriguez"));
        assertThat(s.arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.occupied()).as("an occupant nobody can be matched to is not kept").isFalse();
        assertThat(s.sold()).isEqualTo(OpEstado.PAUSADO);
        assertThat(SpoolView.of(s).armador()).isEqualTo("Mauricio Rodriguez");
    }

    @Test
    void aStartedOperationWithoutTextIsPausedAndADatedOneCompleted() {
        SpoolState s = seed(row("MR(93)", "JP(94)", D_ARM, null, null, null, null, null));
        assertThat(s.arm()).isEqualTo(OpEstado.COMPLETADO);
        assertThat(s.sold()).isEqualTo(OpEstado.PAUSADO);
        assertThat(s.metrologia()).isEqualTo(MetrologiaEstado.PENDIENTE);
    }

    @Test
    void workerTexts() {
        assertThat(SeedInterpreter.worker("MR(93)")).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(SeedInterpreter.worker("  JP(94) ")).isEqualTo(new WorkerRef(94, "JP(94)"));
        assertThat(SeedInterpreter.worker("Mauricio Rodriguez").id()).isEqualTo(SeedInterpreter.UNKNOWN_WORKER_ID);
        assertThat(SeedInterpreter.worker("X(99999999999)").id()).isEqualTo(SeedInterpreter.UNKNOWN_WORKER_ID);
        assertThat(SeedInterpreter.worker("")).isNull();
        assertThat(SeedInterpreter.worker(null)).isNull();
    }

    @Test
    void everyTextTheSystemWritesIsReadBackToTheSameText() {
        // What the system itself wrote to a sheet, read back by a new deployment, must say the same thing.
        Flow[] flows = {
            Flow.fresh(),
            Flow.fresh().tomar(Fixtures.MAURICIO, Operacion.ARM),
            Flow.fresh().tomar(Fixtures.MAURICIO, Operacion.ARM).pausar(Fixtures.MAURICIO, Operacion.ARM),
            Flow.fresh().tomar(Fixtures.MAURICIO, Operacion.ARM).completar(Fixtures.MAURICIO, Operacion.ARM),
            Flow.fresh().tomar(Fixtures.MAURICIO, Operacion.ARM).completar(Fixtures.MAURICIO, Operacion.ARM)
                    .tomar(Fixtures.PEDRO, Operacion.SOLD),
            Flow.fresh().tomar(Fixtures.MAURICIO, Operacion.ARM).completar(Fixtures.MAURICIO, Operacion.ARM)
                    .tomar(Fixtures.PEDRO, Operacion.SOLD).pausar(Fixtures.PEDRO, Operacion.SOLD),
            Flow.fresh().listoParaMetrologia(),
            Flow.fresh().listoParaMetrologia().metrologia(Resultado.APROBADO),
            Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO),
            Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(Fixtures.JUAN, Operacion.REPARACION),
            Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(Fixtures.JUAN, Operacion.REPARACION)
                    .pausar(Fixtures.JUAN, Operacion.REPARACION),
            Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(Fixtures.JUAN)
                    .metrologia(Resultado.RECHAZADO),
            Flow.fresh().bloqueado(),
        };
        for (Flow f : flows) {
            SpoolView v = SpoolView.of(f.state());
            SpoolState back = seed(row(v.armador(), v.soldador(), v.fechaArmado(), v.fechaSoldadura(),
                    v.fechaQcMetrologia(), v.ocupadoPor(), v.fechaOcupacion(), v.estadoDetalle()));
            SpoolView w = SpoolView.of(back);
            assertThat(w.estadoDetalle()).as("read back of %s", v.estadoDetalle()).isEqualTo(v.estadoDetalle());
            assertThat(w.arm()).as("arm of %s", v.estadoDetalle()).isEqualTo(v.arm());
            assertThat(w.sold()).as("sold of %s", v.estadoDetalle()).isEqualTo(v.sold());
            assertThat(w.reparacion()).as("reparacion of %s", v.estadoDetalle()).isEqualTo(v.reparacion());
            assertThat(w.ciclo()).as("ciclo of %s", v.estadoDetalle()).isEqualTo(v.ciclo());
            assertThat(w.workerIdOcupante()).as("occupant of %s", v.estadoDetalle()).isEqualTo(v.workerIdOcupante());
        }
    }
}
