package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Inspection state; stays {@code rechazado} through repair until approved. */
public enum MetrologiaEstado {
    PENDIENTE, APROBADO, RECHAZADO;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
