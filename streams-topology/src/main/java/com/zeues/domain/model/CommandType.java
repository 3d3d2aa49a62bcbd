package com.zeues.domain.model;

/** What a command asks for; also the scope of an Idempotency-Key together with the tag. */
public enum CommandType {
    TOMAR, PAUSAR, COMPLETAR, CANCELAR, DESBLOQUEAR, LIBERAR
}
