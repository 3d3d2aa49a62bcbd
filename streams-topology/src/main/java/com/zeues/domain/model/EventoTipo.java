package com.zeues.domain.model;

/** The type of an accepted change, as analysts and the Metadata sheet know it. */
public enum EventoTipo {
    TOMAR_SPOOL, PAUSAR_SPOOL, COMPLETAR_ARM, COMPLETAR_SOLD, CANCELAR_ARM, CANCELAR_SOLD,
    COMPLETAR_METROLOGIA, TOMAR_REPARACION, PAUSAR_REPARACION, COMPLETAR_REPARACION, CANCELAR_REPARACION,
    SUPERVISOR_OVERRIDE;

    public static EventoTipo tomar(Operacion op) {
        return op == Operacion.REPARACION ? TOMAR_REPARACION : TOMAR_SPOOL;
    }

    public static EventoTipo pausar(Operacion op) {
        return op == Operacion.REPARACION ? PAUSAR_REPARACION : PAUSAR_SPOOL;
    }

    public static EventoTipo completar(Operacion op) {
        return switch (op) {
            case ARM -> COMPLETAR_ARM;
            case SOLD -> COMPLETAR_SOLD;
            case METROLOGIA -> COMPLETAR_METROLOGIA;
            case REPARACION -> COMPLETAR_REPARACION;
        };
    }

    public static EventoTipo cancelar(Operacion op) {
        return switch (op) {
            case ARM -> CANCELAR_ARM;
            case SOLD -> CANCELAR_SOLD;
            case REPARACION -> CANCELAR_REPARACION;
            case METROLOGIA -> throw new IllegalArgumentException("METROLOGIA cannot be cancelled");
        };
    }
}
