package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The state columns of an {@code Operaciones} row as found when the system takes over a sheet in use.
 * Sent once with the spool's master data and applied only to a spool the system has no state for.
 */
public record SpoolSeed(
        String armador,
        String soldador,
        LocalDate fechaArmado,
        LocalDate fechaSoldadura,
        LocalDate fechaQcMetrologia,
        String ocupadoPor,
        Instant fechaOcupacion,
        String estadoDetalle) {

    @JsonIgnore // derived, not a field of the record on the wire
    public boolean isEmpty() {
        return blank(armador) && blank(soldador) && fechaArmado == null && fechaSoldadura == null
                && fechaQcMetrologia == null && blank(ocupadoPor) && blank(estadoDetalle);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
