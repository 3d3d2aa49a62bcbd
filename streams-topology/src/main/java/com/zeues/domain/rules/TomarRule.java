package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.Map;

/** Contract §2.1: a worker takes a spool for ARM, SOLD or REPARACION. */
public final class TomarRule {

    private TomarRule() {
    }

    public static Decision decide(CommandContext c) {
        SpoolState s = c.state();
        Operacion op = c.op();
        WorkerRef w = c.requester();
        if (op != Operacion.METROLOGIA) {
            var role = RoleRule.check(c.tag(), op, c.worker());
            if (role.isPresent()) {
                return role.get();
            }
        }
        if (s.bloqueado()) {
            return Rejections.bloqueado(c.tag(), op, w);
        }
        switch (op) {
            case ARM -> {
                if (s.fechaMateriales() == null) {
                    return Rejections.dependencias(c.tag(), op, w, "fecha_materiales");
                }
                if (s.arm() == OpEstado.COMPLETADO) {
                    return Rejections.yaCompletada(c.tag(), op, w);
                }
            }
            case SOLD -> {
                if (s.arm() != OpEstado.COMPLETADO) {
                    return Rejections.dependencias(c.tag(), op, w, "ARM");
                }
                if (s.sold() == OpEstado.COMPLETADO) {
                    return Rejections.yaCompletada(c.tag(), op, w);
                }
            }
            case REPARACION -> {
                if (s.reparacion() != ReparacionEstado.RECHAZADO
                        && s.reparacion() != ReparacionEstado.REPARACION_PAUSADA) {
                    return Rejections.noDisponible(s, op, w);
                }
            }
            case METROLOGIA -> {
                return Rejections.noDisponible(s, op, w);
            }
        }
        if (s.occupied()) {
            return Rejections.ocupado(s, op, w);
        }
        SpoolState.Builder after = s.toBuilder().occupation(new Occupation(w, op, c.now()));
        if (op == Operacion.REPARACION) {
            after.reparacion(ReparacionEstado.EN_REPARACION);
        } else {
            after.estado(op, OpEstado.EN_PROGRESO);
            if (s.iniciadorDe(op) == null) {
                after.iniciador(op, w); // a resume never overwrites who started it
            }
        }
        return Decision.accept(new Transition(after.build(), EventoTipo.tomar(op), Accion.TOMAR, op, w, c.today(),
                Map.of(), "Spool " + c.tag() + " tomado por " + w.nombre()));
    }
}
