package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Contract §2.7: the instant inspection, with the third rejection blocking the spool. */
public final class MetrologiaRule {

    private MetrologiaRule() {
    }

    public static Decision decide(CommandContext c) {
        SpoolState s = c.state();
        Operacion op = Operacion.METROLOGIA;
        WorkerRef w = c.requester();
        Resultado resultado = c.command().resultado();
        if (resultado == null) {
            return Rejections.validacion(c.tag(), op, "resultado es obligatorio para METROLOGIA");
        }
        var role = RoleRule.check(c.tag(), op, c.worker());
        if (role.isPresent()) {
            return role.get();
        }
        if (s.bloqueado()) {
            return Rejections.bloqueado(c.tag(), op, w);
        }
        if (s.arm() != OpEstado.COMPLETADO) {
            return Rejections.dependencias(c.tag(), op, w, "ARM");
        }
        if (s.sold() != OpEstado.COMPLETADO) {
            return Rejections.dependencias(c.tag(), op, w, "SOLD");
        }
        if (s.metrologia() == MetrologiaEstado.APROBADO) {
            return Rejections.yaCompletada(c.tag(), op, w);
        }
        if (s.reparacion() == ReparacionEstado.RECHAZADO || s.reparacion() == ReparacionEstado.REPARACION_PAUSADA) {
            return Rejections.noDisponible(s, op, w);
        }
        if (s.occupied()) {
            return Rejections.ocupado(s, op, w);
        }
        SpoolState.Builder after = s.toBuilder();
        int ciclo;
        if (resultado == Resultado.APROBADO) {
            ciclo = s.ciclo();
            after.metrologia(MetrologiaEstado.APROBADO).fechaQcMetrologia(c.fecha()).reparacion(null).ciclo(0);
        } else {
            ciclo = s.ciclo() + 1;
            after.metrologia(MetrologiaEstado.RECHAZADO).fechaRechazo(c.fecha()).ciclo(ciclo)
                    .reparacion(ciclo >= SpoolState.MAX_CICLOS ? ReparacionEstado.BLOQUEADO : ReparacionEstado.RECHAZADO);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resultado", resultado.name());
        metadata.put("ciclo", ciclo);
        return Decision.accept(new Transition(after.build(), EventoTipo.COMPLETAR_METROLOGIA, Accion.COMPLETAR, op, w,
                c.fecha(), metadata, "Metrología " + resultado + " en " + c.tag()));
    }
}
