package com.zeues.occupation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class CommandSendBreakerTest {

    static final TimeoutException NO_METADATA = new TimeoutException("Topic zeues.commands not present in metadata");

    @Test
    void oneFailedSendAmongSuccessfulOnesRefusesNothing() {
        CommandSendBreaker breaker = new CommandSendBreaker(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            assertThat(breaker.tryAcquire()).as("send %d", i).isTrue();
            if (i == 3) {
                breaker.failed(System.nanoTime(), NO_METADATA);
            } else {
                breaker.sent(System.nanoTime());
            }
        }
        assertThat(breaker.state()).isEqualTo("closed");
    }

    @Test
    void aRunOfFailedSendsRefusesAtOnceThenProbesAndClosesWhenKafkaIsBack() throws InterruptedException {
        CommandSendBreaker breaker = new CommandSendBreaker(Duration.ofMillis(300));
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.failed(System.nanoTime(), NO_METADATA);
        }
        assertThat(breaker.state()).isEqualTo("open");
        assertThat(breaker.tryAcquire()).as("refused while open").isFalse();

        Thread.sleep(400);
        // three probes are let through; a fourth waits for their outcome
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo("half_open");
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.sent(System.nanoTime());
        breaker.sent(System.nanoTime());
        breaker.sent(System.nanoTime());
        assertThat(breaker.state()).isEqualTo("closed");
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedProbeOpensAgain() throws InterruptedException {
        CommandSendBreaker breaker = new CommandSendBreaker(Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            breaker.tryAcquire();
            breaker.failed(System.nanoTime(), NO_METADATA);
        }
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.failed(System.nanoTime(), NO_METADATA);
        }
        assertThat(breaker.state()).isEqualTo("open");
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void kafkaAnsweringTheHealthProbeLetsSendsThroughAtOnce() {
        CommandSendBreaker breaker = new CommandSendBreaker(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.failed(System.nanoTime(), NO_METADATA);
        }
        assertThat(breaker.tryAcquire()).as("open: refused for the next minute").isFalse();

        breaker.kafkaAnswered();
        assertThat(breaker.state()).isEqualTo("closed");
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquire()).as("send %d after the probe", i).isTrue();
            breaker.sent(System.nanoTime());
        }
        breaker.kafkaAnswered(); // closed already: nothing changes
        assertThat(breaker.state()).isEqualTo("closed");
    }
}
