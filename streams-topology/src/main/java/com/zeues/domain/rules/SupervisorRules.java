package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Contract §2.9: the supervisor's desbloquear and liberar, both acted as worker 0 {@code SYSTEM}. */
public final class SupervisorRules {

    /** After an unblock one more repair is allowed: the spool goes back to its second cycle. */
    static final int CICLO_TRAS_DESBLOQUEO = SpoolState.MAX_CICLOS - 1;

    private SupervisorRules() {
    }

    public static Decision desbloquear(CommandContext c) {
        SpoolState s = c.state();
        if (!s.bloqueado()) {
            return Rejections.transicionInvalida(c.tag(), Operacion.METROLOGIA, WorkerRef.SYSTEM,
                    "el spool no está bloqueado");
        }
        SpoolState after = s.toBuilder().reparacion(ReparacionEstado.RECHAZADO).ciclo(CICLO_TRAS_DESBLOQUEO).build();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("accion", "desbloquear");
        metadata.put("motivo", c.command().motivo());
        return Decision.accept(new Transition(after, EventoTipo.SUPERVISOR_OVERRIDE, Accion.OVERRIDE,
                Operacion.METROLOGIA, WorkerRef.SYSTEM, c.today(), metadata, "Spool " + c.tag() + " desbloqueado"));
    }

    public static Decision liberar(CommandContext c) {
        SpoolState s = c.state();
        if (!s.occupied()) {
            return Rejections.noIniciada(c.tag(), null, WorkerRef.SYSTEM);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("motivo", c.command().motivo());
        return Decision.accept(ReleaseRule.release(s, WorkerRef.SYSTEM, c.today(), metadata));
    }
}
