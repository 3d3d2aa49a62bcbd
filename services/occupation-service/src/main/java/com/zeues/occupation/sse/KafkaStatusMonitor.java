package com.zeues.occupation.sse;

import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.health.KafkaProbe;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Probes the connection to Kafka (the same cluster describe as {@code /api/health}) every
 * {@code zeues.views.kafka-status-interval} and tells {@link SseBroadcaster}, which sends {@code event: status} to
 * every client when it changes. One probe per instance, whatever the number of clients.
 */
@Component
public class KafkaStatusMonitor implements SmartLifecycle {

    private final KafkaProbe probe;
    private final SseBroadcaster broadcaster;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    public KafkaStatusMonitor(KafkaProbe probe, SseBroadcaster broadcaster, ZeuesProperties props) {
        this.probe = probe;
        this.broadcaster = broadcaster;
        this.interval = props.views().kafkaStatusInterval();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "zeues-kafka-status");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            boolean ok = probe.probe() == null;
            if (!running) {
                return; // a probe cut short by the shutdown says nothing about Kafka
            }
            broadcaster.kafkaStatus(ok);
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
