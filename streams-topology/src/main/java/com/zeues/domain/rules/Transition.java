package com.zeues.domain.rules;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An accepted change before it is numbered: the state after it (version not yet incremented) and what
 * its event says.
 */
public record Transition(SpoolState after, EventoTipo tipo, Accion accion, Operacion operacion, WorkerRef worker,
                         LocalDate fechaOperacion, Map<String, Object> metadata, String message) {

    public Transition {
        // not Map.copyOf: a supervisor's motivo may be null, and the event keeps the metadata's order
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
