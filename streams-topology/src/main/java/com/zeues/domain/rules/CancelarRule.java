package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.Map;

/** Contract §2.5: undo a started operation. */
public final class CancelarRule {

    private CancelarRule() {
    }

    public static Decision decide(CommandContext c) {
        SpoolState s = c.state();
        Operacion op = c.op();
        WorkerRef w = c.requester();
        if (s.bloqueado()) {
            return Rejections.bloqueado(c.tag(), op, w);
        }
        if (op == Operacion.METROLOGIA) {
            return Rejections.noDisponible(s, op, w);
        }
        SpoolState.Builder after = s.toBuilder().occupation(null);
        if (op == Operacion.REPARACION) {
            if (s.reparacion() != ReparacionEstado.EN_REPARACION
                    && s.reparacion() != ReparacionEstado.REPARACION_PAUSADA) {
                return Rejections.noIniciada(c.tag(), op, w);
            }
            var who = s.occupied() ? OwnershipRule.check(s, op, w) : RoleRule.check(c.tag(), op, c.worker());
            if (who.isPresent()) {
                return who.get();
            }
            after.reparacion(ReparacionEstado.RECHAZADO); // cycle kept
        } else {
            if (!s.estadoDe(op).isStarted()) {
                return Rejections.noIniciada(c.tag(), op, w);
            }
            if (s.occupied()) {
                var owner = OwnershipRule.check(s, op, w);
                if (owner.isPresent()) {
                    return owner.get();
                }
            } else {
                WorkerRef starter = s.iniciadorDe(op);
                if (starter == null || starter.id() != w.id()) {
                    return Rejections.noAutorizado(c.tag(), op, starter, w);
                }
            }
            after.estado(op, OpEstado.PENDIENTE).iniciador(op, null);
        }
        return Decision.accept(new Transition(after.build(), EventoTipo.cancelar(op), Accion.CANCELAR, op, w,
                c.today(), Map.of(), "Operación " + op + " cancelada en " + c.tag()));
    }
}
