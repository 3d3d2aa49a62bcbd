package com.zeues.occupation.command;

import com.zeues.domain.model.SyncRequest;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.cluster.MasterDataReadiness;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/admin/sync}: asks the sheets connector for a sync through the control topic and answers
 * once that sync's records are visible to commands (its markers have been processed).
 */
@Component
public class MasterDataSync {

    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaTemplate<String, SyncRequest> control;
    private final TopicRegistry topics;
    private final MasterDataReadiness readiness;
    private final Duration timeout;
    private final AtomicLong lastId = new AtomicLong();

    public MasterDataSync(KafkaTemplate<String, SyncRequest> controlTemplate, TopicRegistry topics,
                          MasterDataReadiness readiness, ZeuesProperties props) {
        this.control = controlTemplate;
        this.topics = topics;
        this.readiness = readiness;
        this.timeout = props.commands().syncTimeout();
    }

    /** Emits the sync id once visible; errors with the id on timeout, or when the request cannot be sent. */
    public Mono<Long> requestAndAwait(String requestedBy) {
        long syncId = lastId.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis()));
        return Mono.fromFuture(() -> control.send(topics.control.name(), "sync", new SyncRequest(syncId, requestedBy)))
                .subscribeOn(Schedulers.boundedElastic())
                .thenMany(Flux.interval(POLL).onBackpressureDrop()
                        .concatMap(tick -> readiness.visible(syncId).onErrorReturn(false), 1))
                .filter(Boolean::booleanValue)
                .next()
                .map(visible -> syncId)
                .timeout(timeout, Mono.error(new SyncTimeoutException(syncId)));
    }

    /** The sync was requested but did not become visible in time. */
    public static class SyncTimeoutException extends RuntimeException {
        private final long syncId;

        public SyncTimeoutException(long syncId) {
            super("sync " + syncId + " not visible in time");
            this.syncId = syncId;
        }

        public long syncId() {
            return syncId;
        }
    }
}
