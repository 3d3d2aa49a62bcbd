package com.zeues.domain.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One accepted change (contract §4): the value of {@code zeues.spool-events}, keyed by tag. */
public record SpoolEvent(
        int schemaVersion,
        String eventId,
        Instant timestamp,
        EventoTipo eventoTipo,
        String tagSpool,
        int workerId,
        String workerNombre,
        Operacion operacion,
        Accion accion,
        LocalDate fechaOperacion,
        long version,
        Map<String, Object> metadata,
        String estadoDetalle,
        SpoolView spool) {

    public static final int SCHEMA_VERSION = 1;

    public SpoolEvent {
        metadata = metadata == null ? Map.of() : metadata;
    }

    /** Tag and version identify an event; deriving the id from them keeps it stable across retries. */
    public static String eventId(String tagSpool, long version) {
        return UUID.nameUUIDFromBytes((tagSpool + "#" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
