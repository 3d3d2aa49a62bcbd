package com.zeues.domain.model;

import java.util.Map;

/**
 * The answer to one command, as decided by the topology: the value of {@code zeues.replies}, and what the
 * verdict store keeps for Idempotency-Key replays.
 *
 * @param status the HTTP status to answer with
 * @param body   the exact JSON body to answer with
 */
public record Verdict(String requestId, String correlationId, int replyPartition, String tagSpool,
                      String canonical, int status, Map<String, Object> body) {

    public Verdict {
        body = body == null ? Map.of() : body;
    }

    public Verdict forCorrelation(String newCorrelationId, int newReplyPartition) {
        return new Verdict(requestId, newCorrelationId, newReplyPartition, tagSpool, canonical, status, body);
    }

    public boolean success() {
        return status == 200;
    }
}
