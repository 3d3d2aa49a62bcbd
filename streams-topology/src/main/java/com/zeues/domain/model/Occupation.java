package com.zeues.domain.model;

import java.time.Instant;

/** Who holds a spool, for which operation, since when. */
public record Occupation(WorkerRef worker, Operacion operacion, Instant since) {
}
