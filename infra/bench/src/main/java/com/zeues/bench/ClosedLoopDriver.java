package com.zeues.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: each client sends its next step as soon as the previous one is answered, with no pause, so the
 * number of clients bounds the concurrency and the answer rate is the system's maximum at that concurrency.
 * Latency is measured from each step's actual send.
 */
final class ClosedLoopDriver {

    private final Pacer pacer;

    ClosedLoopDriver(Pacer pacer) {
        this.pacer = pacer;
    }

    OpenLoopDriver.Result run(List<? extends LoadClient> clients, Duration warmup, Duration duration)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong requests = new AtomicLong();
        AtomicLong steps = new AtomicLong();
        AtomicBoolean starved = new AtomicBoolean();
        long start = pacer.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (LoadClient client : clients) {
            Thread t = new Thread(() -> {
                while (!starved.get()) {
                    long sent = pacer.nanoTime();
                    if (sent >= end) {
                        return;
                    }
                    LoadClient.Outcome o = client.step().exceptionally(e -> LoadClient.Outcome.at()).join();
                    if (o.starved()) {
                        starved.set(true);
                        return;
                    }
                    if (sent >= measureFrom) {
                        steps.incrementAndGet();
                        for (long arrived : o.arrivedNanos()) {
                            latencies.record(sent, arrived);
                            requests.incrementAndGet();
                        }
                    }
                }
            }, "bench-closed-loop");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = Math.max(0, Math.min(pacer.nanoTime(), end) - measureFrom) / 1e9;
        return new OpenLoopDriver.Result(latencies.summary(), requests.get(), steps.get(), 0, starved.get(), seconds);
    }
}
