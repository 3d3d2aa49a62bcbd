package com.zeues.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open loop: steps are due at a fixed rate whatever the answers do, and each answer's latency is measured from
 * its step's due time. A step is handed to an idle client (a tablet waits for its answer before its next command);
 * when none is idle the schedule does not pause: the next steps go out late, as soon as a client frees up, and
 * their lateness is part of their latency, so queueing shows.
 */
final class OpenLoopDriver {

    /** What a run measured; {@code late} counts steps that waited for an idle client. */
    record Result(Latencies.Summary latency, long requests, long steps, long late, boolean starved, double seconds) {

        double requestsPerSecond() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }

    private final Pacer pacer;

    OpenLoopDriver(Pacer pacer) {
        this.pacer = pacer;
    }

    /**
     * @param warmup steps due before {@code warmup} are sent but not measured
     */
    Result run(List<? extends LoadClient> clients, double ratePerSecond, Duration warmup, Duration duration)
            throws InterruptedException {
        BlockingQueue<LoadClient> idle = new LinkedBlockingQueue<>(clients);
        Latencies latencies = new Latencies();
        AtomicLong requests = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicBoolean starved = new AtomicBoolean();
        double periodNanos = 1e9 / ratePerSecond;
        long start = pacer.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        long steps = 0;
        long late = 0;
        for (long i = 0; !starved.get(); i++) {
            long due = start + (long) (i * periodNanos);
            if (due >= end) {
                break;
            }
            pacer.sleepUntil(due);
            LoadClient client = idle.poll();
            if (client == null) {
                late++;
                client = idle.take();
            }
            boolean measured = due >= measureFrom;
            if (measured) {
                steps++;
            }
            inFlight.incrementAndGet();
            LoadClient c = client;
            client.step().whenComplete((outcome, error) -> {
                if (outcome != null) {
                    if (outcome.starved()) {
                        starved.set(true);
                    }
                    for (long arrived : outcome.arrivedNanos()) {
                        if (measured) {
                            latencies.record(due, arrived);
                            requests.incrementAndGet();
                        }
                    }
                }
                inFlight.decrementAndGet();
                idle.add(c);
            });
        }
        long stopped = Math.min(pacer.nanoTime(), end);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        double seconds = Math.max(0, stopped - measureFrom) / 1e9;
        return new Result(latencies.summary(), requests.get(), steps, late, starved.get(), seconds);
    }
}
