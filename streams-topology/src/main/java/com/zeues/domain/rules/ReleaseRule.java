package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.time.LocalDate;
import java.util.Map;

/**
 * Ends an occupation as a pause does, progress kept. Shared by PAUSAR, the supervisor's liberar and the
 * lease expiry, so all three leave exactly the same state behind.
 */
public final class ReleaseRule {

    private ReleaseRule() {
    }

    /** The pause of the spool's current occupation, reported as done by {@code actor}. */
    public static Transition release(SpoolState s, WorkerRef actor, LocalDate today, Map<String, Object> metadata) {
        Operacion op = s.occupation().operacion();
        SpoolState.Builder after = s.toBuilder().occupation(null);
        if (op == Operacion.REPARACION) {
            after.reparacion(ReparacionEstado.REPARACION_PAUSADA);
        } else {
            after.estado(op, OpEstado.PAUSADO);
        }
        return new Transition(after.build(), EventoTipo.pausar(op), Accion.PAUSAR, op, actor, today, metadata,
                "Trabajo pausado en " + s.tagSpool());
    }
}
