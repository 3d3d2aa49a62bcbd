package com.zeues.domain.model;

/** The error codes of the contract with their HTTP status. */
public enum ErrorCode {
    DEPENDENCIAS_NO_SATISFECHAS(400),
    OPERACION_YA_COMPLETADA(400),
    OPERACION_NO_INICIADA(400),
    OPERACION_NO_DISPONIBLE(400),
    INVALID_STATE_TRANSITION(400),
    NO_AUTORIZADO(403),
    ROL_NO_AUTORIZADO(403),
    SPOOL_BLOQUEADO(403),
    TOKEN_INVALIDO(403),
    SPOOL_NO_ENCONTRADO(404),
    WORKER_NO_ENCONTRADO(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    SPOOL_OCCUPIED(409),
    IDEMPOTENCY_KEY_REUSED(409),
    VALIDATION_ERROR(422),
    ERROR_INTERNO(500),
    SERVICIO_NO_DISPONIBLE(503),
    OPERACION_PENDIENTE(504);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
