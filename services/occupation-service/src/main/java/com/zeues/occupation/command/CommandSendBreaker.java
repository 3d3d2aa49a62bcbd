package com.zeues.occupation.command;

import com.zeues.occupation.config.ZeuesProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether sending a command to Kafka is worth trying now. While the brokers are unreachable each send blocks its
 * thread for the producer's {@code max.block.ms} before failing; under load those blocked sends used to queue up
 * behind each other (and every other blocking task of the service) until callers timed out. After a run of failed
 * sends the breaker opens and commands get their 503 at once; every {@code zeues.commands.breaker-open-for} a few
 * sends probe whether Kafka is back. Only the send is judged (the broker's acknowledgement of the command record),
 * never the verdict: a slow topology is a 504, not a reason to stop sending.
 */
@Component
public class CommandSendBreaker {

    private static final Logger log = LoggerFactory.getLogger(CommandSendBreaker.class);
    static final String NAME = "command-send";

    private final CircuitBreakerRegistry breakers;
    private final CircuitBreaker breaker;

    @Autowired
    public CommandSendBreaker(ZeuesProperties props, MeterRegistry registry) {
        this(props.commands().breakerOpenFor());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    }

    CommandSendBreaker(Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                // the last 10 sends, judged once 5 were made: a single lost send does not refuse the plant
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(3)
                // a send is judged by its outcome, however long it took
                .slowCallDurationThreshold(Duration.ofDays(1))
                .build();
        breakers = CircuitBreakerRegistry.of(config);
        breaker = breakers.circuitBreaker(NAME);
        // one line when sends start failing and one when they work again; the probes in between are debug
        breaker.getEventPublisher().onStateTransition(e -> {
            CircuitBreaker.StateTransition t = e.getStateTransition();
            if (t == CircuitBreaker.StateTransition.CLOSED_TO_OPEN) {
                log.warn("command sends are failing: commands are refused with 503 at once, a few sends probe Kafka"
                        + " every {} ms", openFor.toMillis());
            } else if (t.getToState() == CircuitBreaker.State.CLOSED) {
                log.info("command sends work again ({})", t);
            } else {
                log.debug("command sends: {}", t);
            }
        });
    }

    /** A permit to send now; each granted permit must end in {@link #sent} or {@link #failed}. */
    public boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    public void sent(long startNanos) {
        breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public void failed(long startNanos, Throwable error) {
        breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, error);
    }

    /**
     * Kafka answered the health's probe (a cluster describe): sends are let through again at once instead of after
     * the rest of the wait and three probe sends, so a command made when /api/health says healthy is tried, not
     * refused. If sends still fail, the breaker opens again after the usual run of failures.
     */
    public void kafkaAnswered() {
        CircuitBreaker.State state = breaker.getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
            try {
                breaker.transitionToClosedState();
            } catch (IllegalStateTransitionException e) {
                // another thread closed it first
            }
        }
    }

    /** {@code closed}, {@code open} or {@code half_open}: for /api/health. */
    public String state() {
        return breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
    }
}
