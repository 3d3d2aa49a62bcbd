package com.zeues.occupation.sse;

import com.zeues.domain.model.Operacion;

/**
 * One event as every SSE client gets it, rendered once: its place in this instance's sequence, the tag and
 * operation the filters look at, and the frame itself (shared by every client).
 *
 * @param seq       position in this instance's sequence; 0 for events outside it ({@code status})
 * @param tagSpool  null for events about no spool
 * @param operacion null for events about no operation
 * @param atMillis  when it was published, for the replay buffer's age limit
 */
public record SseEvent(long seq, String tagSpool, Operacion operacion, long atMillis, SseFrame frame) {

    public static final String SPOOL_UPDATE = "spool_update";
    public static final String SNAPSHOT = "snapshot";
    public static final String STATUS = "status";

    /** Whether a client filtering on {@code tag} and {@code op} (either null: any) gets this event. */
    public boolean matches(String tag, Operacion op) {
        return (tag == null || tagSpool == null || tag.equals(tagSpool))
                && (op == null || operacion == null || op == operacion);
    }
}
