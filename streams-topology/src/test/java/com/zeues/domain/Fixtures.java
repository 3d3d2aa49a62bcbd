package com.zeues.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import com.zeues.domain.rules.ChangeApplier;
import com.zeues.domain.rules.CommandDecider;
import com.zeues.domain.rules.Decision;
import com.zeues.domain.rules.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Workers, spools and commands of a realistic shop floor, for the rule tests. */
public final class Fixtures {

    /** 08:15 in Santiago (UTC-3 in February). */
    public static final Instant NOW = Instant.parse("2026-02-02T11:15:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    public static final LocalDate MATERIALES = LocalDate.of(2026, 1, 20);
    public static final String TAG = "MK-1335-CW-25238-011";

    public static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    public static final Worker JUAN = new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador", "Soldador"), true);
    public static final Worker PEDRO = new Worker(95, "Pedro", "Soto", List.of("Soldador"), true);
    public static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);
    public static final Worker LUIS = new Worker(97, "Luis", "Vera", List.of("Metrologia"), true);
    public static final Worker ROSA = new Worker(98, "Rosa", "Díaz", List.of("Pintura", "Despacho"), true);
    public static final Worker INACTIVO = new Worker(99, "Ignacio", "Ibarra", List.of("Armador", "Soldador"), false);

    private Fixtures() {
    }

    public static SpoolState fresh() {
        return SpoolState.fresh(TAG, "NV-0042", "OT-0815", MATERIALES);
    }

    public static SpoolCommand cmd(CommandType type, int workerId, Operacion op) {
        return new SpoolCommand(UUID.randomUUID().toString(), false, UUID.randomUUID().toString(), 0, type, TAG,
                workerId, op, null, null, null);
    }

    public static SpoolCommand completar(int workerId, Operacion op, LocalDate fecha, Resultado resultado) {
        return new SpoolCommand(UUID.randomUUID().toString(), false, UUID.randomUUID().toString(), 0,
                CommandType.COMPLETAR, TAG, workerId, op, fecha, resultado, null);
    }

    public static SpoolCommand supervisor(CommandType type, String motivo) {
        return new SpoolCommand(UUID.randomUUID().toString(), false, UUID.randomUUID().toString(), 0, type, TAG, 0,
                null, null, null, motivo);
    }

    public static Decision decide(SpoolState s, Worker w, SpoolCommand c) {
        return CommandDecider.decide(s, w, c, NOW, TODAY);
    }

    public static Decision.Rejected rejected(Decision d, ErrorCode code) {
        assertThat(d).as("decision").isInstanceOf(Decision.Rejected.class);
        Decision.Rejected r = (Decision.Rejected) d;
        assertThat(r.code()).as("error code of: %s", r.message()).isEqualTo(code);
        return r;
    }

    public static Transition accepted(Decision d) {
        assertThat(d).as("decision").isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted) d).transition();
    }

    /**
     * A spool walked through the rules command by command, as the processor does: each step must be accepted
     * and is numbered by {@link ChangeApplier}.
     */
    public static final class Flow {
        private SpoolState state;

        public Flow(SpoolState start) {
            this.state = start;
        }

        public static Flow fresh() {
            return new Flow(Fixtures.fresh());
        }

        public SpoolState state() {
            return state;
        }

        public Decision decide(Worker w, SpoolCommand c) {
            return Fixtures.decide(state, w, c);
        }

        public Flow step(Worker w, SpoolCommand c) {
            Transition t = accepted(decide(w, c));
            state = ChangeApplier.apply(state, t, NOW).state();
            return this;
        }

        public Flow tomar(Worker w, Operacion op) {
            return step(w, cmd(CommandType.TOMAR, w.id(), op));
        }

        public Flow pausar(Worker w, Operacion op) {
            return step(w, cmd(CommandType.PAUSAR, w.id(), op));
        }

        public Flow completar(Worker w, Operacion op) {
            return step(w, Fixtures.completar(w.id(), op, null, null));
        }

        public Flow cancelar(Worker w, Operacion op) {
            return step(w, cmd(CommandType.CANCELAR, w.id(), op));
        }

        public Flow metrologia(Resultado r) {
            return step(LUIS, Fixtures.completar(LUIS.id(), Operacion.METROLOGIA, null, r));
        }

        public Flow desbloquear(String motivo) {
            return step(null, supervisor(CommandType.DESBLOQUEAR, motivo));
        }

        /** ARM and SOLD done, ready for inspection. */
        public Flow listoParaMetrologia() {
            return tomar(MAURICIO, Operacion.ARM).completar(MAURICIO, Operacion.ARM)
                    .tomar(PEDRO, Operacion.SOLD).completar(PEDRO, Operacion.SOLD);
        }

        /** One repair, from RECHAZADO to PENDIENTE_METROLOGIA. */
        public Flow reparar(Worker w) {
            return tomar(w, Operacion.REPARACION).completar(w, Operacion.REPARACION);
        }

        /** Rejected three times: blocked. */
        public Flow bloqueado() {
            return listoParaMetrologia().metrologia(Resultado.RECHAZADO).reparar(MAURICIO)
                    .metrologia(Resultado.RECHAZADO).reparar(PEDRO).metrologia(Resultado.RECHAZADO);
        }
    }
}
