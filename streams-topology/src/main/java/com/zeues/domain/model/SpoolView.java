package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zeues.domain.text.EstadoDetalle;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The spool as every client sees it (contract §3); the value of {@code zeues.spool-state}. {@code fila}, the
 * spool's row in the sheet (listings follow it), is left out when unknown.
 */
public record SpoolView(
        String tagSpool,
        String nv,
        String ot,
        LocalDate fechaMateriales,
        LocalDate fechaArmado,
        LocalDate fechaSoldadura,
        LocalDate fechaQcMetrologia,
        LocalDate fechaRechazo,
        String armador,
        String soldador,
        String ocupadoPor,
        Integer workerIdOcupante,
        Operacion operacionActual,
        Instant fechaOcupacion,
        OpEstado arm,
        OpEstado sold,
        MetrologiaEstado metrologia,
        ReparacionEstado reparacion,
        int ciclo,
        boolean bloqueado,
        String estadoDetalle,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fila) {

    public static SpoolView of(SpoolState s) {
        Occupation occ = s.occupation();
        return new SpoolView(s.tagSpool(), s.nv(), s.ot(), s.fechaMateriales(), s.fechaArmado(),
                s.fechaSoldadura(), s.fechaQcMetrologia(), s.fechaRechazo(),
                s.armador() == null ? null : s.armador().nombre(),
                s.soldador() == null ? null : s.soldador().nombre(),
                occ == null ? null : occ.worker().nombre(),
                occ == null ? null : occ.worker().id(),
                occ == null ? null : occ.operacion(),
                occ == null ? null : occ.since(),
                s.arm(), s.sold(), s.metrologia(), s.reparacion(), s.ciclo(), s.bloqueado(),
                EstadoDetalle.of(s), s.version(), s.fila());
    }

    public boolean occupied() {
        return workerIdOcupante != null;
    }
}
