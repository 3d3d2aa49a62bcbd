package com.zeues.occupation.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zeues.domain.model.Verdict;
import com.zeues.occupation.config.ZeuesProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The requests of the last 24 h, so a client that got a 504 can ask {@code GET /api/operations/{request_id}} for the
 * verdict that came later: pending or decided for the requests this instance sent, decided for those of the other
 * instances (their verdicts are read too). Bounded by count.
 */
@Component
public class OperationRegistry {

    /** What is known of one request: {@code verdict} null while it is awaited. */
    public record Operation(String requestId, Verdict verdict) {
        public boolean pending() {
            return verdict == null;
        }
    }

    private final Cache<String, Operation> operations;

    public OperationRegistry(ZeuesProperties props) {
        operations = Caffeine.newBuilder()
                .maximumSize(props.commands().operationsKept())
                .expireAfterWrite(Duration.ofHours(24))
                .build();
    }

    public void sent(String requestId) {
        operations.asMap().putIfAbsent(requestId, new Operation(requestId, null));
    }

    /** Drops a request that never left the service. */
    public void forget(String requestId) {
        operations.asMap().computeIfPresent(requestId, (id, op) -> op.pending() ? null : op);
    }

    /** Records a verdict, of a request this instance or another one sent. */
    public void decided(Verdict verdict) {
        operations.put(verdict.requestId(), new Operation(verdict.requestId(), verdict));
    }

    public Optional<Operation> find(String requestId) {
        return Optional.ofNullable(operations.getIfPresent(requestId));
    }
}
