package com.zeues.domain.model;

public enum Accion {
    TOMAR, PAUSAR, COMPLETAR, CANCELAR, OVERRIDE
}
