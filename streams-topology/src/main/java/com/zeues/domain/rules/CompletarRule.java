package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.Map;

/** Contract §2.4 for ARM, SOLD and REPARACION; METROLOGIA goes to {@link MetrologiaRule}. */
public final class CompletarRule {

    private CompletarRule() {
    }

    public static Decision decide(CommandContext c) {
        if (c.op() == Operacion.METROLOGIA) {
            return MetrologiaRule.decide(c);
        }
        SpoolState s = c.state();
        Operacion op = c.op();
        WorkerRef w = c.requester();
        if (s.bloqueado()) {
            return Rejections.bloqueado(c.tag(), op, w);
        }
        if (op == Operacion.REPARACION) {
            if (s.reparacion() != ReparacionEstado.EN_REPARACION
                    && s.reparacion() != ReparacionEstado.REPARACION_PAUSADA) {
                return Rejections.noIniciada(c.tag(), op, w);
            }
        } else if (s.estadoDe(op) == OpEstado.COMPLETADO) {
            return Rejections.yaCompletada(c.tag(), op, w);
        }
        var owner = OwnershipRule.check(s, op, w);
        if (owner.isPresent()) {
            return owner.get();
        }
        SpoolState.Builder after = s.toBuilder().occupation(null);
        switch (op) {
            case ARM -> after.arm(OpEstado.COMPLETADO).fechaArmado(c.fecha());
            case SOLD -> after.sold(OpEstado.COMPLETADO).fechaSoldadura(c.fecha());
            default -> after.reparacion(ReparacionEstado.PENDIENTE_METROLOGIA); // cycle count kept
        }
        return Decision.accept(new Transition(after.build(), EventoTipo.completar(op), Accion.COMPLETAR, op, w,
                c.fecha(), Map.of(), "Operación " + op + " completada en " + c.tag()));
    }
}
