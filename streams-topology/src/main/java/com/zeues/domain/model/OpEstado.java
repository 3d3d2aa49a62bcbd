package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Progress of ARM or SOLD on one spool. */
public enum OpEstado {
    PENDIENTE("pendiente", "pendiente"),
    EN_PROGRESO("en_progreso", "en progreso"),
    PAUSADO("pausado", "pausado"),
    COMPLETADO("completado", "completado");

    private final String json;
    private final String texto;

    OpEstado(String json, String texto) {
        this.json = json;
        this.texto = texto;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** The words used inside {@code estado_detalle}. */
    public String texto() {
        return texto;
    }

    /** Started and not finished: the states a cancel undoes. */
    public boolean isStarted() {
        return this == EN_PROGRESO || this == PAUSADO;
    }
}
