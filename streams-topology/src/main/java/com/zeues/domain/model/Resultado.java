package com.zeues.domain.model;

/** The outcome of an instant metrología inspection. */
public enum Resultado {
    APROBADO, RECHAZADO
}
