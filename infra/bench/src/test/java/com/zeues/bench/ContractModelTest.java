package com.zeues.bench;

import static com.zeues.bench.BenchFixtures.CREW;
import static com.zeues.bench.BenchFixtures.json;
import static com.zeues.bench.BenchFixtures.readyForArm;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractModelTest {

    private final ContractModel model = new ContractModel(CREW);

    private ExpectedSpool apply(ExpectedSpool s, String kind, String op, int worker) {
        ContractModel.Prediction p = model.predict(s, new BenchRequest(kind, op, s.tag, worker, null));
        assertThat(p.expected().status()).as(kind + " " + op + " by " + worker).isEqualTo(200);
        return p.after();
    }

    @Test
    void armCycleFollowsTheContractsTexts() {
        ExpectedSpool s = readyForArm("TEST-01");
        s = apply(s, "TOMAR", "ARM", 93);
        assertThat(s.estadoDetalle()).isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        assertThat(s.version).isEqualTo(1);
        s = apply(s, "PAUSAR", "ARM", 93);
        assertThat(s.estadoDetalle()).isEqualTo("Disponible - ARM pausado, SOLD pendiente");
        s = apply(s, "TOMAR", "ARM", 94); // any worker with the role resumes a paused spool
        assertThat(s.estadoDetalle()).isEqualTo("JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)");
        s = apply(s, "COMPLETAR", "ARM", 94);
        assertThat(s.estadoDetalle()).isEqualTo("Disponible - ARM completado, SOLD pendiente");
        assertThat(s.version).isEqualTo(4);
        assertThat(s.nextOperation()).isEqualTo("SOLD");
    }

    @Test
    void secondTakerGets409NamingTheOccupantEvenTheSameWorker() {
        ExpectedSpool held = apply(readyForArm("TEST-02"), "TOMAR", "ARM", 93);
        for (int worker : new int[]{94, 93}) {
            VerdictChecker.Expected e = model.predict(held, new BenchRequest("TOMAR", "ARM", held.tag, worker, null))
                    .expected();
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.error()).isEqualTo("SPOOL_OCCUPIED");
            assertThat(e.ownerId()).isEqualTo(93);
        }
    }

    @Test
    void checkOrderRoleBeforeOccupancyAndOwnership() {
        ExpectedSpool held = apply(readyForArm("TEST-03"), "TOMAR", "ARM", 93);
        assertThat(model.predict(held, new BenchRequest("TOMAR", "ARM", held.tag, 96, null)).expected().error())
                .isEqualTo("ROL_NO_AUTORIZADO");
        assertThat(model.predict(held, new BenchRequest("PAUSAR", "ARM", held.tag, 94, null)).expected().error())
                .isEqualTo("NO_AUTORIZADO");
        assertThat(model.predict(held, new BenchRequest("PAUSAR", "SOLD", held.tag, 93, null)).expected().error())
                .isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(model.predict(readyForArm("TEST-04"), new BenchRequest("PAUSAR", "ARM", "TEST-04", 93, null))
                .expected().error()).isEqualTo("OPERACION_NO_INICIADA");
        assertThat(model.predict(readyForArm("TEST-05"), new BenchRequest("TOMAR", "SOLD", "TEST-05", 96, null))
                .expected().error()).isEqualTo("DEPENDENCIAS_NO_SATISFECHAS");
    }

    @Test
    void inspectionRepairAndThirdRejectionBlocks() {
        ExpectedSpool s = readyForArm("TEST-06");
        s = apply(apply(s, "TOMAR", "ARM", 94), "COMPLETAR", "ARM", 94);
        s = apply(apply(s, "TOMAR", "SOLD", 96), "COMPLETAR", "SOLD", 96);
        assertThat(s.nextOperation()).isEqualTo("METROLOGIA");
        for (int ciclo = 1; ciclo <= 2; ciclo++) {
            s = model.predict(s, new BenchRequest("METROLOGIA", null, s.tag, 98, "RECHAZADO")).after();
            assertThat(s.estadoDetalle()).isEqualTo("RECHAZADO (Ciclo " + ciclo + "/3) - Pendiente reparación");
            s = apply(s, "TOMAR", "REPARACION", 96);
            assertThat(s.estadoDetalle()).isEqualTo("EN_REPARACION (Ciclo " + ciclo + "/3) - Ocupado: JN(96)");
            s = apply(s, "PAUSAR", "REPARACION", 96);
            assertThat(s.estadoDetalle()).isEqualTo("REPARACION_PAUSADA (Ciclo " + ciclo + "/3)");
            s = apply(apply(s, "TOMAR", "REPARACION", 94), "COMPLETAR", "REPARACION", 94);
            assertThat(s.estadoDetalle()).isEqualTo("PENDIENTE_METROLOGIA");
        }
        s = model.predict(s, new BenchRequest("METROLOGIA", null, s.tag, 98, "RECHAZADO")).after();
        assertThat(s.estadoDetalle()).isEqualTo("BLOQUEADO - Contactar supervisor");
        assertThat(s.nextOperation()).isNull();
        assertThat(model.predict(s, new BenchRequest("TOMAR", "REPARACION", s.tag, 94, null)).expected().error())
                .isEqualTo("SPOOL_BLOQUEADO");
    }

    @Test
    void approvalEndsTheSpoolsWork() {
        ExpectedSpool s = ExpectedSpool.fromView(json("{\"tag_spool\":\"MK-1\",\"arm\":\"completado\","
                + "\"sold\":\"completado\",\"metrologia\":\"pendiente\",\"reparacion\":null,\"ciclo\":0,"
                + "\"bloqueado\":false,\"version\":7}"));
        assertThat(model.predict(s, new BenchRequest("METROLOGIA", null, s.tag, 94, "APROBADO")).expected().error())
                .isEqualTo("ROL_NO_AUTORIZADO");
        ContractModel.Prediction p = model.predict(s, new BenchRequest("METROLOGIA", null, s.tag, 93, "APROBADO"));
        assertThat(p.expected()).isEqualTo(VerdictChecker.Expected.ok("MK-1", "METROLOGIA_APROBADO ✓", 8));
        assertThat(p.after().nextOperation()).isNull();
    }

    @Test
    void cancelReturnsTheOperationToPending() {
        ExpectedSpool s = apply(apply(readyForArm("TEST-07"), "TOMAR", "ARM", 93), "CANCELAR", "ARM", 93);
        assertThat(s.estadoDetalle()).isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
        assertThat(s.nextOperation()).isEqualTo("ARM");
    }
}
