package com.zeues.domain.text;

import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolState;

/** The {@code Estado_Detalle} texts exactly as the office knows them (contract §4). */
public final class EstadoDetalle {

    public static final String APROBADO = "METROLOGIA_APROBADO ✓";
    public static final String BLOQUEADO = "BLOQUEADO - Contactar supervisor";
    public static final String PENDIENTE_METROLOGIA = "PENDIENTE_METROLOGIA";

    private EstadoDetalle() {
    }

    public static String of(SpoolState s) {
        if (s.reparacion() != null) {
            return switch (s.reparacion()) {
                case BLOQUEADO -> BLOQUEADO;
                case RECHAZADO -> rechazado(s.ciclo());
                case EN_REPARACION -> "EN_REPARACION " + ciclo(s.ciclo()) + " - Ocupado: " + ocupante(s);
                case REPARACION_PAUSADA -> "REPARACION_PAUSADA " + ciclo(s.ciclo());
                case PENDIENTE_METROLOGIA -> PENDIENTE_METROLOGIA;
            };
        }
        if (s.metrologia() == MetrologiaEstado.APROBADO) {
            return APROBADO;
        }
        Occupation occ = s.occupation();
        String progreso = "ARM " + s.arm().texto() + ", SOLD " + s.sold().texto();
        if (occ != null && occ.operacion().isProduction()) {
            return occ.worker().nombre() + " trabajando " + occ.operacion() + " (" + progreso + ")";
        }
        return "Disponible - " + progreso;
    }

    public static String rechazado(int ciclo) {
        return "RECHAZADO " + ciclo(ciclo) + " - Pendiente reparación";
    }

    private static String ciclo(int n) {
        return "(Ciclo " + n + "/" + SpoolState.MAX_CICLOS + ")";
    }

    private static String ocupante(SpoolState s) {
        return s.occupation() == null ? "-" : s.occupation().worker().nombre();
    }

    /** For messages: the operation a spool is held for, in words. */
    public static String operacion(Operacion op) {
        return op == null ? "-" : op.name();
    }
}
