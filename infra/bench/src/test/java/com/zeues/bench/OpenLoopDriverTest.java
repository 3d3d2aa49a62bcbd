package com.zeues.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The drivers on a fake clock: no sleeping, no timing in the assertions. */
class OpenLoopDriverTest {

    /** Time moves only when a step is served or the schedule waits. */
    static final class FakePacer implements Pacer {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }

    /** Answers synchronously after a service time; step number {@code stallAt} takes {@code stallMs}. */
    static final class StallingClient implements LoadClient {
        final FakePacer clock;
        final int stallAt;
        final long stallMs;
        final List<Long> sentAt = new ArrayList<>();
        int steps;

        StallingClient(FakePacer clock, int stallAt, long stallMs) {
            this.clock = clock;
            this.stallAt = stallAt;
            this.stallMs = stallMs;
        }

        @Override
        public CompletableFuture<Outcome> step() {
            sentAt.add(clock.now);
            clock.now += Duration.ofMillis(steps++ == stallAt ? stallMs : 1).toNanos();
            return CompletableFuture.completedFuture(Outcome.at(clock.now));
        }
    }

    @Test
    void aHealthySystemShowsItsServiceTime() throws Exception {
        FakePacer clock = new FakePacer();
        StallingClient client = new StallingClient(clock, -1, 0);
        OpenLoopDriver.Result r = new OpenLoopDriver(clock).run(List.of(client), 100, Duration.ZERO,
                Duration.ofSeconds(2));
        assertThat(r.requests()).isEqualTo(200);
        assertThat(r.latency().p99Ms()).isBetween(0.99, 1.01);
        assertThat(r.late()).isZero();
    }

    @Test
    void aStallIsChargedToEveryStepThatWaitedBehindIt() throws Exception {
        FakePacer clock = new FakePacer();
        // 100 steps/s for 2 s; step 10 takes 1 s, the others 1 ms
        StallingClient client = new StallingClient(clock, 10, 1000);
        OpenLoopDriver.Result r = new OpenLoopDriver(clock).run(List.of(client), 100, Duration.ZERO,
                Duration.ofSeconds(2));

        assertThat(r.requests()).isEqualTo(200);
        // steps 11..~120 were due during the stall and went out late: measured from when they were due, they are
        // slow too, so more than half of all steps are above 100 ms (timing from the send would show one slow step)
        assertThat(r.latency().p50Ms()).isGreaterThan(100);
        assertThat(r.latency().maxMs()).isBetween(999.0, 1001.0);
        assertThat(r.late()).isZero(); // one client, always idle again when the next step is due
        // the schedule did not pause: the steps after the stall were sent back to back, 1 ms apart
        assertThat(client.sentAt.get(12) - client.sentAt.get(11)).isEqualTo(Duration.ofMillis(1).toNanos());
    }

    @Test
    void warmUpStepsAreSentButNotMeasured() throws Exception {
        FakePacer clock = new FakePacer();
        StallingClient client = new StallingClient(clock, 5, 500); // the stall falls in the warm-up
        OpenLoopDriver.Result r = new OpenLoopDriver(clock).run(List.of(client), 100, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(client.steps).isEqualTo(200);
        assertThat(r.requests()).isEqualTo(100);
        assertThat(r.latency().maxMs()).isLessThan(2);
    }

    @Test
    void aClosedLoopMeasuresFromTheActualSend() throws Exception {
        FakePacer clock = new FakePacer();
        StallingClient client = new StallingClient(clock, 10, 1000);
        OpenLoopDriver.Result r = new ClosedLoopDriver(clock).run(List.of(client), Duration.ZERO,
                Duration.ofSeconds(2));
        // 1 s of stall + 1 ms per other step: about 1000 steps in 2 s, only one of them slow
        assertThat(r.requests()).isBetween(995L, 1005L);
        assertThat(r.latency().p99Ms()).isLessThan(2);
        assertThat(r.latency().maxMs()).isBetween(999.0, 1001.0);
    }

    @Test
    void anExhaustedPoolStopsTheRun() throws Exception {
        FakePacer clock = new FakePacer();
        LoadClient empty = () -> CompletableFuture.completedFuture(LoadClient.Outcome.STARVED);
        OpenLoopDriver.Result r = new OpenLoopDriver(clock).run(List.of(empty), 100, Duration.ZERO,
                Duration.ofSeconds(10));
        assertThat(r.starved()).isTrue();
        assertThat(r.steps()).isEqualTo(1);
    }
}
