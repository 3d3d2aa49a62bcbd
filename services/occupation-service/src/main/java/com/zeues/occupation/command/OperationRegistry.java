package com.zeues.occupation.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zeues.domain.model.Verdict;
import com.zeues.occupation.config.ZeuesProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The requests this instance sent in the last 24 h, pending or decided, so a client that got a 504 can ask
 * {@code GET /api/operations/{request_id}} for the verdict that came later. Bounded by count.
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

    /** Records a verdict for a request this instance sent; verdicts of unknown requests are ignored. */
    public void decided(Verdict verdict) {
        operations.asMap().computeIfPresent(verdict.requestId(), (id, op) -> new Operation(id, verdict));
    }

    public Optional<Operation> find(String requestId) {
        return Optional.ofNullable(operations.getIfPresent(requestId));
    }
}
