package com.zeues.domain.model;

import java.time.LocalDate;

/**
 * A request to change one spool: the value of {@code zeues.commands}, keyed by tag.
 *
 * @param requestId      the Idempotency-Key, or a server-made UUID
 * @param idempotent     whether the client sent the key (only then is the verdict kept for replays)
 * @param correlationId  unique per HTTP request; matches the verdict to the waiting caller
 * @param replyPartition the partition of {@code zeues.replies} the sending instance reads
 * @param fechaOperacion null means today in the business time zone
 */
public record SpoolCommand(
        String requestId,
        boolean idempotent,
        String correlationId,
        int replyPartition,
        CommandType type,
        String tagSpool,
        int workerId,
        Operacion operacion,
        LocalDate fechaOperacion,
        Resultado resultado,
        String motivo) {

    /**
     * The fields that make two commands "the same" for idempotency: never worker_nombre or unknown fields.
     * Null-safe: it is also computed for malformed commands, to answer them.
     */
    public String canonical() {
        return String.join("|", String.valueOf(type), tagSpool, Integer.toString(workerId), String.valueOf(operacion),
                String.valueOf(fechaOperacion), String.valueOf(resultado));
    }
}
