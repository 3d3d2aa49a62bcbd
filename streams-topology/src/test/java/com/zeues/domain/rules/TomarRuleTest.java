package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.ANA;
import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.LUIS;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.NOW;
import static com.zeues.domain.Fixtures.PEDRO;
import static com.zeues.domain.Fixtures.ROSA;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.cmd;
import static com.zeues.domain.Fixtures.rejected;
import static com.zeues.domain.model.CommandType.TOMAR;
import static com.zeues.domain.model.ErrorCode.DEPENDENCIAS_NO_SATISFECHAS;
import static com.zeues.domain.model.ErrorCode.OPERACION_NO_DISPONIBLE;
import static com.zeues.domain.model.ErrorCode.OPERACION_YA_COMPLETADA;
import static com.zeues.domain.model.ErrorCode.ROL_NO_AUTORIZADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_BLOQUEADO;
import static com.zeues.domain.model.ErrorCode.SPOOL_OCCUPIED;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.METROLOGIA;
import static com.zeues.domain.model.Operacion.REPARACION;
import static com.zeues.domain.model.Operacion.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract §2.1: TOMAR for ARM, SOLD and REPARACION. */
class TomarRuleTest {

    private static Decision tomar(SpoolState s, Worker w, Operacion op) {
        return Fixtures.decide(s, w, cmd(TOMAR, w.id(), op));
    }

    private static Decision tomar(Flow f, Worker w, Operacion op) {
        return tomar(f.state(), w, op);
    }

    @Test
    void firstTakeOfArmOccupiesAndRecordsTheArmador() {
        Transition t = accepted(tomar(Fixtures.fresh(), MAURICIO, ARM));
        SpoolState after = t.after();
        assertThat(after.arm()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(after.sold()).isEqualTo(OpEstado.PENDIENTE);
        assertThat(after.armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(after.occupation()).isEqualTo(new Occupation(new WorkerRef(93, "MR(93)"), ARM, NOW));
        assertThat(t.tipo()).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(t.accion()).isEqualTo(Accion.TOMAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.worker()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.fechaOperacion()).as("TOMAR carries today").isEqualTo(TODAY);
        assertThat(t.metadata()).isEmpty();
        assertThat(t.message()).isEqualTo("Spool " + TAG + " tomado por MR(93)");
    }

    @Test
    void ayudanteMayTakeArmAndSold() {
        assertThat(accepted(tomar(Fixtures.fresh(), ANA, ARM)).after().armador().nombre()).isEqualTo("AM(96)");
        Flow armDone = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        assertThat(accepted(tomar(armDone, ANA, SOLD)).after().soldador().nombre()).isEqualTo("AM(96)");
    }

    @Test
    void armNeedsArmadorOrAyudante() {
        Decision.Rejected r = rejected(tomar(Fixtures.fresh(), PEDRO, ARM), ROL_NO_AUTORIZADO);
        assertThat(r.data()).contains(entry("tag_spool", TAG), entry("operacion", "ARM"),
                entry("rol_requerido", List.of("Armador", "Ayudante")), entry("roles_actuales", List.of("Soldador")));
        assertThat(r.message()).contains(TAG).contains("ARM").contains("PS(95)");
    }

    @Test
    void soldNeedsSoldadorOrAyudante() {
        Flow armDone = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        Decision.Rejected r = rejected(tomar(armDone, MAURICIO, SOLD), ROL_NO_AUTORIZADO);
        assertThat(r.data()).contains(entry("rol_requerido", List.of("Soldador", "Ayudante")),
                entry("roles_actuales", List.of("Armador")));
    }

    @Test
    void reparacionNeedsArmadorSoldadorOrAyudante() {
        Flow rechazado = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        for (Worker w : List.of(MAURICIO, PEDRO, ANA, JUAN)) {
            accepted(tomar(rechazado, w, REPARACION));
        }
        Decision.Rejected r = rejected(tomar(rechazado, LUIS, REPARACION), ROL_NO_AUTORIZADO);
        assertThat(r.data()).contains(entry("rol_requerido", List.of("Armador", "Soldador", "Ayudante")),
                entry("roles_actuales", List.of("Metrologia")));
        rejected(tomar(rechazado, ROSA, REPARACION), ROL_NO_AUTORIZADO);
    }

    @Test
    void armWithoutMaterialsIsAMissingDependency() {
        SpoolState sinMateriales = SpoolState.fresh(TAG, "NV", "OT", null);
        Decision.Rejected r = rejected(tomar(sinMateriales, MAURICIO, ARM), DEPENDENCIAS_NO_SATISFECHAS);
        assertThat(r.data()).contains(entry("tag_spool", TAG), entry("operacion", "ARM"),
                entry("dependencia_faltante", "fecha_materiales"));
        assertThat(r.message()).contains(TAG).contains("ARM").contains("MR(93)");
    }

    @Test
    void armAlreadyCompleted() {
        Flow armDone = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        Decision.Rejected r = rejected(tomar(armDone, ANA, ARM), OPERACION_YA_COMPLETADA);
        assertThat(r.message()).contains(TAG).contains("ARM");
    }

    @Test
    void soldBeforeArmIsCompletedIsAMissingDependency() {
        rejected(tomar(Fixtures.fresh(), PEDRO, SOLD), DEPENDENCIAS_NO_SATISFECHAS);
        Flow armPaused = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM);
        Decision.Rejected r = rejected(tomar(armPaused, PEDRO, SOLD), DEPENDENCIAS_NO_SATISFECHAS);
        assertThat(r.data()).contains(entry("tag_spool", TAG), entry("operacion", "SOLD"),
                entry("dependencia_faltante", "ARM"));
    }

    @Test
    void soldFirstTakeRecordsTheSoldador() {
        Flow armDone = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM);
        SpoolState after = accepted(tomar(armDone, PEDRO, SOLD)).after();
        assertThat(after.sold()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(after.soldador()).isEqualTo(new WorkerRef(95, "PS(95)"));
        assertThat(after.armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(after.occupation().operacion()).isEqualTo(SOLD);
    }

    @Test
    void soldAlreadyCompleted() {
        rejected(tomar(Flow.fresh().listoParaMetrologia(), PEDRO, SOLD), OPERACION_YA_COMPLETADA);
    }

    @Test
    void reparacionOnlyWhenRejectedOrRepairPaused() {
        Decision.Rejected r = rejected(tomar(Fixtures.fresh(), MAURICIO, REPARACION), OPERACION_NO_DISPONIBLE);
        assertThat(r.data()).contains(entry("tag_spool", TAG), entry("operacion", "REPARACION"),
                entry("estado_actual", "Disponible - ARM pendiente, SOLD pendiente"));

        Flow pendiente = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO);
        assertThat(rejected(tomar(pendiente, MAURICIO, REPARACION), OPERACION_NO_DISPONIBLE).data())
                .containsEntry("estado_actual", "PENDIENTE_METROLOGIA");

        Flow aprobado = Flow.fresh().listoParaMetrologia().metrologia(Resultado.APROBADO);
        assertThat(rejected(tomar(aprobado, MAURICIO, REPARACION), OPERACION_NO_DISPONIBLE).data())
                .containsEntry("estado_actual", "METROLOGIA_APROBADO ✓");
    }

    @Test
    void reparacionTakeOfARejectedSpool() {
        Flow rechazado = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO);
        Transition t = accepted(tomar(rechazado, MAURICIO, REPARACION));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.EN_REPARACION);
        assertThat(t.after().ciclo()).isEqualTo(1);
        assertThat(t.after().occupation().operacion()).isEqualTo(REPARACION);
        assertThat(t.after().armador()).as("repair never touches armador").isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.tipo()).isEqualTo(EventoTipo.TOMAR_REPARACION);
        assertThat(t.accion()).isEqualTo(Accion.TOMAR);
        assertThat(t.operacion()).isEqualTo(REPARACION);
    }

    @Test
    void aPausedRepairMayBeResumedByAnotherRepairWorker() {
        Flow pausada = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO)
                .tomar(MAURICIO, REPARACION).pausar(MAURICIO, REPARACION);
        Transition t = accepted(tomar(pausada, PEDRO, REPARACION));
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.EN_REPARACION);
        assertThat(t.after().occupation().worker().id()).isEqualTo(95);
    }

    @Test
    void metrologiaCannotBeTakenItIsInstant() {
        Decision.Rejected r = rejected(tomar(Flow.fresh().listoParaMetrologia(), LUIS, METROLOGIA),
                OPERACION_NO_DISPONIBLE);
        assertThat(r.data()).containsKey("estado_actual");
        assertThat(r.message()).contains("METROLOGIA").contains(TAG);
    }

    @Test
    void occupiedByAnotherWorkerIsSpoolOccupiedNamingTheOccupant() {
        Flow held = Flow.fresh().tomar(MAURICIO, ARM);
        Decision.Rejected r = rejected(tomar(held, ANA, ARM), SPOOL_OCCUPIED);
        assertThat(r.data()).contains(entry("tag_spool", TAG), entry("owner_id", 93), entry("owner_name", "MR(93)"));
        assertThat(r.message()).contains(TAG).contains("MR(93)").contains("AM(96)");
    }

    @Test
    void theSameWorkerTakingTwiceIsAlsoSpoolOccupied() {
        Flow held = Flow.fresh().tomar(MAURICIO, ARM);
        Decision.Rejected r = rejected(tomar(held, MAURICIO, ARM), SPOOL_OCCUPIED);
        assertThat(r.data()).contains(entry("owner_id", 93), entry("owner_name", "MR(93)"));
    }

    @Test
    void aRepairInProgressIsNotAvailableBeforeOccupancyIsChecked() {
        Flow held = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO)
                .tomar(MAURICIO, REPARACION).pausar(MAURICIO, REPARACION).tomar(JUAN, REPARACION);
        // REPARACION_PAUSADA → EN_REPARACION: a second take finds EN_REPARACION, which is a state rule first
        rejected(tomar(held, PEDRO, REPARACION), OPERACION_NO_DISPONIBLE);
    }

    @Test
    void collaborationASecondWorkerWithTheRoleResumesAPausedSpoolAndTheArmadorStays() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM);
        Transition t = accepted(tomar(f, ANA, ARM));
        assertThat(t.after().arm()).isEqualTo(OpEstado.EN_PROGRESO);
        assertThat(t.after().armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.after().occupation().worker()).isEqualTo(new WorkerRef(96, "AM(96)"));
        assertThat(t.tipo()).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(t.message()).isEqualTo("Spool " + TAG + " tomado por AM(96)");

        // and back: the first worker resumes after the collaborator paused, still the same armador
        f.tomar(ANA, ARM).pausar(ANA, ARM).tomar(MAURICIO, ARM);
        assertThat(f.state().armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
    }

    @Test
    void collaborationOnSold() {
        Flow f = Flow.fresh().tomar(MAURICIO, ARM).completar(MAURICIO, ARM).tomar(PEDRO, SOLD).pausar(PEDRO, SOLD);
        Transition t = accepted(tomar(f, JUAN, SOLD));
        assertThat(t.after().soldador()).isEqualTo(new WorkerRef(95, "PS(95)"));
        assertThat(t.after().occupation().worker().id()).isEqualTo(94);
    }

    @Test
    void blockedSpoolCannotBeTaken() {
        Flow blocked = Flow.fresh().bloqueado();
        Decision.Rejected r = rejected(tomar(blocked, MAURICIO, REPARACION), SPOOL_BLOQUEADO);
        assertThat(r.data()).containsEntry("tag_spool", TAG);
        assertThat(r.message()).contains(TAG).contains("supervisor");
        rejected(tomar(blocked, MAURICIO, ARM), SPOOL_BLOQUEADO);
        rejected(tomar(blocked, PEDRO, SOLD), SPOOL_BLOQUEADO);
    }
}
