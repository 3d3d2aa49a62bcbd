package com.zeues.domain.model;

/** The operations a spool goes through. */
public enum Operacion {
    ARM, SOLD, METROLOGIA, REPARACION;

    /** ARM and SOLD are the two operations tracked with pendiente / en progreso / pausado / completado. */
    public boolean isProduction() {
        return this == ARM || this == SOLD;
    }
}
