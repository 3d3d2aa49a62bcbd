package com.zeues.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §1: every error code with its HTTP status. */
class ErrorCodeTest {

    @Test
    void statusesAreTheContracts() {
        Map<ErrorCode, Integer> contract = Map.ofEntries(
                Map.entry(ErrorCode.DEPENDENCIAS_NO_SATISFECHAS, 400), Map.entry(ErrorCode.OPERACION_YA_COMPLETADA, 400),
                Map.entry(ErrorCode.OPERACION_NO_INICIADA, 400), Map.entry(ErrorCode.OPERACION_NO_DISPONIBLE, 400),
                Map.entry(ErrorCode.INVALID_STATE_TRANSITION, 400), Map.entry(ErrorCode.NO_AUTORIZADO, 403),
                Map.entry(ErrorCode.ROL_NO_AUTORIZADO, 403), Map.entry(ErrorCode.SPOOL_BLOQUEADO, 403),
                Map.entry(ErrorCode.TOKEN_INVALIDO, 403), Map.entry(ErrorCode.SPOOL_NO_ENCONTRADO, 404),
                Map.entry(ErrorCode.WORKER_NO_ENCONTRADO, 404), Map.entry(ErrorCode.NOT_FOUND, 404),
                Map.entry(ErrorCode.METHOD_NOT_ALLOWED, 405), Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, 413),
                Map.entry(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415), Map.entry(ErrorCode.SPOOL_OCCUPIED, 409),
                Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, 409), Map.entry(ErrorCode.VALIDATION_ERROR, 422),
                Map.entry(ErrorCode.ERROR_INTERNO, 500), Map.entry(ErrorCode.SERVICIO_NO_DISPONIBLE, 503),
                Map.entry(ErrorCode.OPERACION_PENDIENTE, 504));
        assertThat(ErrorCode.values()).hasSize(contract.size());
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(c.status()).as(c.name()).isEqualTo(contract.get(c));
        }
    }

    @Test
    void eventTypesPerOperation() {
        assertThat(EventoTipo.tomar(Operacion.ARM)).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(EventoTipo.tomar(Operacion.REPARACION)).isEqualTo(EventoTipo.TOMAR_REPARACION);
        assertThat(EventoTipo.pausar(Operacion.SOLD)).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(EventoTipo.pausar(Operacion.REPARACION)).isEqualTo(EventoTipo.PAUSAR_REPARACION);
        assertThat(EventoTipo.completar(Operacion.METROLOGIA)).isEqualTo(EventoTipo.COMPLETAR_METROLOGIA);
        assertThat(EventoTipo.cancelar(Operacion.SOLD)).isEqualTo(EventoTipo.CANCELAR_SOLD);
        assertThat(EventoTipo.cancelar(Operacion.REPARACION)).isEqualTo(EventoTipo.CANCELAR_REPARACION);
    }
}
