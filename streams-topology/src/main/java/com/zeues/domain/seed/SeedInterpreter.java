package com.zeues.domain.seed;

import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sheet row's state columns into a spool's first state when the system takes over a sheet in use
 * (contract §7). The cycle count is read out of {@code Estado_Detalle} only here.
 */
public final class SeedInterpreter {

    private static final Pattern WORKER = Pattern.compile("\\((\\d+)\\)\\s*$");
    private static final Pattern CICLO = Pattern.compile("\\(Ciclo\\s+(\\d+)\\s*/\\s*\\d+\\)");
    /** A legacy name without an id: kept as text, matched by nobody. */
    static final int UNKNOWN_WORKER_ID = -1;

    private SeedInterpreter() {
    }

    public static SpoolState initial(SpoolMaster m) {
        SpoolState.Builder b = SpoolState.fresh(m.tagSpool(), m.nv(), m.ot(), m.fechaMateriales()).toBuilder()
                .fila(m.fila());
        SpoolSeed seed = m.seed();
        if (seed == null || seed.isEmpty()) {
            return b.build();
        }
        String estado = seed.estadoDetalle() == null ? "" : seed.estadoDetalle().strip();
        WorkerRef armador = worker(seed.armador());
        WorkerRef soldador = worker(seed.soldador());
        b.armador(armador).soldador(soldador)
                .fechaArmado(seed.fechaArmado()).fechaSoldadura(seed.fechaSoldadura())
                .fechaQcMetrologia(seed.fechaQcMetrologia());
        OpEstado arm = production(estado, "ARM", seed.fechaArmado() != null, armador != null);
        OpEstado sold = production(estado, "SOLD", seed.fechaSoldadura() != null, soldador != null);

        ReparacionEstado reparacion = null;
        MetrologiaEstado metrologia = MetrologiaEstado.PENDIENTE;
        int ciclo = ciclo(estado);
        if (estado.startsWith("METROLOGIA_APROBADO") || seed.fechaQcMetrologia() != null) {
            metrologia = MetrologiaEstado.APROBADO;
            ciclo = 0;
        } else if (estado.startsWith("BLOQUEADO")) {
            reparacion = ReparacionEstado.BLOQUEADO;
            ciclo = SpoolState.MAX_CICLOS;
        } else {
            for (ReparacionEstado r : new ReparacionEstado[] {ReparacionEstado.EN_REPARACION,
                    ReparacionEstado.REPARACION_PAUSADA, ReparacionEstado.PENDIENTE_METROLOGIA,
                    ReparacionEstado.RECHAZADO}) {
                if (estado.startsWith(r.name())) {
                    reparacion = r;
                    break;
                }
            }
            if (reparacion != null) {
                ciclo = Math.max(ciclo, 1); // PENDIENTE_METROLOGIA does not say its cycle: at least one
            }
        }
        if (reparacion != null || metrologia == MetrologiaEstado.APROBADO) {
            arm = OpEstado.COMPLETADO; // inspection happens only after ARM and SOLD
            sold = OpEstado.COMPLETADO;
            if (reparacion != null) {
                metrologia = MetrologiaEstado.RECHAZADO;
            }
        }

        Occupation occupation = occupation(seed, estado, reparacion);
        if (occupation == null) {
            arm = arm == OpEstado.EN_PROGRESO ? OpEstado.PAUSADO : arm; // free and in progress cannot be
            sold = sold == OpEstado.EN_PROGRESO ? OpEstado.PAUSADO : sold;
            if (reparacion == ReparacionEstado.EN_REPARACION) {
                reparacion = ReparacionEstado.REPARACION_PAUSADA;
            }
        } else if (occupation.operacion().isProduction()) {
            if (occupation.operacion() == Operacion.ARM) {
                arm = OpEstado.EN_PROGRESO;
            } else {
                sold = OpEstado.EN_PROGRESO;
            }
        }
        return b.arm(arm).sold(sold).metrologia(metrologia).reparacion(reparacion).ciclo(ciclo)
                .occupation(occupation).build();
    }

    /** {@code "MR(93)"} → id 93; any other non-blank text keeps its name with an unknown id. */
    public static WorkerRef worker(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        Matcher m = WORKER.matcher(name);
        if (m.find()) {
            try {
                return new WorkerRef(Integer.parseInt(m.group(1)), name);
            } catch (NumberFormatException e) {
                return new WorkerRef(UNKNOWN_WORKER_ID, name);
            }
        }
        return new WorkerRef(UNKNOWN_WORKER_ID, name);
    }

    private static OpEstado production(String estado, String op, boolean dated, boolean started) {
        if (dated || estado.contains(op + " completado")) {
            return OpEstado.COMPLETADO;
        }
        if (estado.contains("trabajando " + op) || estado.contains(op + " en progreso")) {
            return OpEstado.EN_PROGRESO;
        }
        if (estado.contains(op + " pausado") || started) {
            return OpEstado.PAUSADO;
        }
        return OpEstado.PENDIENTE;
    }

    private static int ciclo(String estado) {
        Matcher m = CICLO.matcher(estado);
        if (m.find()) {
            return Math.min(Integer.parseInt(m.group(1)), SpoolState.MAX_CICLOS);
        }
        return 0;
    }

    private static Occupation occupation(SpoolSeed seed, String estado, ReparacionEstado reparacion) {
        WorkerRef occupant = worker(seed.ocupadoPor());
        if (occupant == null || occupant.id() == UNKNOWN_WORKER_ID || seed.fechaOcupacion() == null) {
            return null;
        }
        Operacion op = null;
        if (reparacion == ReparacionEstado.EN_REPARACION) {
            op = Operacion.REPARACION;
        } else if (reparacion == null && estado.contains("trabajando ARM")) {
            op = Operacion.ARM;
        } else if (reparacion == null && estado.contains("trabajando SOLD")) {
            op = Operacion.SOLD;
        }
        return op == null ? null : new Occupation(occupant, op, seed.fechaOcupacion());
    }
}
