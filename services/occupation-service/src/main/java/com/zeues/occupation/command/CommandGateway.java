package com.zeues.occupation.command;

import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.Verdict;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command keyed by its tag and waits for the topology's verdict. 503 only when the command provably
 * never left (not ready, or the producer refused it synchronously); any failure after that is a 504 whose
 * verdict stays available through {@link OperationRegistry}.
 */
@Component
public class CommandGateway {

    private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

    private final KafkaTemplate<String, SpoolCommand> template;
    private final TopicRegistry topics;
    private final ReplyListener replies;
    private final OperationRegistry operations;
    private final CommandReadiness readiness;
    private final CommandSendBreaker breaker;
    private final Duration replyTimeout;

    public CommandGateway(KafkaTemplate<String, SpoolCommand> commandTemplate, TopicRegistry topics,
                          ReplyListener replies, OperationRegistry operations, CommandReadiness readiness,
                          CommandSendBreaker breaker, ZeuesProperties props) {
        this.template = commandTemplate;
        this.topics = topics;
        this.replies = replies;
        this.operations = operations;
        this.readiness = readiness;
        this.breaker = breaker;
        this.replyTimeout = props.commands().replyTimeout();
    }

    public int replyPartition() {
        return replies.replyPartition();
    }

    public Mono<CommandOutcome> submit(SpoolCommand cmd) {
        Optional<String> blocker = readiness.blocker();
        if (blocker.isPresent()) {
            return Mono.just(new CommandOutcome.NotSent(blocker.get()));
        }
        return Mono.defer(() -> {
            if (!breaker.tryAcquire()) {
                return Mono.just((CommandOutcome) new CommandOutcome.NotSent(
                        "Kafka no está disponible: los últimos envíos fallaron; se reintenta en unos segundos"));
            }
            long start = System.nanoTime();
            CompletableFuture<Verdict> verdict = replies.expect(cmd.correlationId());
            operations.sent(cmd.requestId());
            try {
                // the send itself may block up to max.block.ms on metadata: never on an event-loop thread
                template.send(new ProducerRecord<>(topics.commands.name(), cmd.tagSpool(), cmd))
                        .whenComplete((ok, err) -> {
                            if (err == null) {
                                breaker.sent(start);
                            } else {
                                breaker.failed(start, err);
                                log.warn("command {} {} for spool {} (request {}) may not have been delivered: {}",
                                        cmd.type(), cmd.operacion(), cmd.tagSpool(), cmd.requestId(), err.getMessage());
                                verdict.completeExceptionally(err);
                            }
                        });
            } catch (RuntimeException e) {
                breaker.failed(start, e);
                replies.forget(cmd.correlationId());
                operations.forget(cmd.requestId());
                log.warn("command {} for spool {} not sent: {}", cmd.type(), cmd.tagSpool(), e.getMessage());
                return Mono.just((CommandOutcome) new CommandOutcome.NotSent("Kafka no está disponible: "
                        + e.getMessage()));
            }
            return Mono.fromFuture(verdict)
                    .timeout(replyTimeout)
                    .<CommandOutcome>map(CommandOutcome.Decided::new)
                    .onErrorResume(e -> {
                        replies.forget(cmd.correlationId());
                        if (!(e instanceof TimeoutException)) {
                            log.warn("no verdict for {} on spool {} (request {}): {}", cmd.type(), cmd.tagSpool(),
                                    cmd.requestId(), e.getMessage());
                        }
                        return Mono.just(new CommandOutcome.Pending(cmd.requestId()));
                    });
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
