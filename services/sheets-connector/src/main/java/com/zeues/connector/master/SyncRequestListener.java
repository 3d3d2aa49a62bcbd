package com.zeues.connector.master;

import com.zeues.connector.kafka.KafkaClients;
import com.zeues.domain.model.SyncRequest;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@link SyncRequest}s from {@code zeues.control} (group {@code <prefix>zeues-sheets-connector}, from the
 * latest offset when the group has none) and asks {@link MasterDataSync} for a sync carrying each request's id.
 * It subscribes once the topics exist; an unreachable broker only delays it.
 */
public final class SyncRequestListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncRequestListener.class);

    private final KafkaClients clients;
    private final TopicRegistry topics;
    private final String groupId;
    private final MasterDataSync sync;
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public SyncRequestListener(KafkaClients clients, TopicRegistry topics, String groupId, MasterDataSync sync) {
        this.clients = clients;
        this.topics = topics;
        this.groupId = groupId;
        this.sync = sync;
    }

    /** True once the control partition is assigned and its start offset resolved: requests are not missed. */
    public boolean isAssigned() {
        return assigned;
    }

    public String groupId() {
        return groupId;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "zeues-sync-requests");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        t.interrupt();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        try {
            while (running && !awaitTopics()) {
                // waiting for the first sync to provision the topics
            }
            while (running) {
                try {
                    consume();
                } catch (WakeupException | InterruptException e) {
                    return;
                } catch (KafkaException e) {
                    assigned = false;
                    log.warn("reading {} failed, resubscribing in 1 s: {}", topics.control.name(), e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private boolean awaitTopics() throws InterruptedException {
        try {
            sync.topicsProvisioned().get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void consume() {
        try (Consumer<String, byte[]> c = clients.groupConsumer("zeues-sheets-connector-control", groupId)) {
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(List.of(topics.control.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // resolve the start offsets now, so a request produced after this point is never skipped
                    partitions.forEach(c::position);
                    assigned = !partitions.isEmpty();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    assigned = false;
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    c.commitAsync();
                }
            }
        } finally {
            consumer = null;
            assigned = false;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        SyncRequest request;
        try {
            request = topics.control.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.warn("{}-{}@{}: unreadable sync request skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (request == null) {
            return;
        }
        log.debug("sync request {} from {}", request.syncId(), request.requestedBy());
        sync.requestSync(request.syncId() > 0 ? request.syncId() : null,
                request.requestedBy() == null ? "zeues.control" : request.requestedBy());
    }
}
