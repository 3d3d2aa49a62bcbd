package com.zeues.domain.history;

import com.zeues.domain.model.Operacion;
import java.time.Instant;

/** One stretch of work by one worker on one operation; an open session has null end and duration. */
public record WorkSession(String workerNombre, int workerId, Operacion operacion, Instant startTime, Instant endTime,
                          String duration) {
}
