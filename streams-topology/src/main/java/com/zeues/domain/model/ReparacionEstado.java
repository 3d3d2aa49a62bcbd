package com.zeues.domain.model;

/** Repair state of a rejected spool; null on a spool never rejected or approved since. */
public enum ReparacionEstado {
    RECHAZADO, EN_REPARACION, REPARACION_PAUSADA, PENDIENTE_METROLOGIA, BLOQUEADO
}
