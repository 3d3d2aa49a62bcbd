package com.zeues.occupation.views;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.sse.SseBroadcaster;
import com.zeues.topology.StreamsProperties;
import com.zeues.topology.TopicRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The one Kafka consumer of this instance's read views (architecture step 6): no group, {@code assign()} of every
 * partition of {@code zeues.spool-state} (from the beginning) and {@code zeues.spool-events} (from the start of the
 * replay window, or of today when that is earlier, found with {@code offsetsForTimes}), committed records only.
 * Every state record and every event's view goes into {@link SpoolViewStore}; every event counts for
 * {@link EventsPerDay}; once the views have caught up with the end offsets seen at start, every new event goes to
 * {@link SseBroadcaster}. The connection count to Kafka is this one consumer whatever the number of SSE clients.
 */
@Component
public class ViewConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ZeuesProperties props;
    private final TopicRegistry topics;
    private final SpoolViewStore store;
    private final EventsPerDay eventsPerDay;
    private final SseBroadcaster broadcaster;
    private final Deserializer<SpoolView> stateDeserializer;
    private final Deserializer<SpoolEvent> eventDeserializer;
    private final Sinks.Empty<Void> ready = Sinks.empty();

    // consumer thread only
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private Map<TopicPartition, Long> endAtStart;
    private long eventsFromMs;
    private long startedNanos;

    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long lag;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ViewConsumer(ZeuesProperties props, TopicRegistry topics, SpoolViewStore store, EventsPerDay eventsPerDay,
                        SseBroadcaster broadcaster, MeterRegistry registry) {
        this.props = props;
        this.topics = topics;
        this.store = store;
        this.eventsPerDay = eventsPerDay;
        this.broadcaster = broadcaster;
        this.stateDeserializer = topics.spoolState.valueSerde().deserializer();
        this.eventDeserializer = topics.spoolEvents.valueSerde().deserializer();
        Gauge.builder("zeues.views.lag", this, c -> c.lag)
                .description("Records of zeues.spool-state and zeues.spool-events the read views have not read yet")
                .register(registry);
        Gauge.builder("zeues.views.spools", store, SpoolViewStore::size)
                .description("Spools held by the read views").register(registry);
        Gauge.builder("zeues.views.caught_up", this, c -> c.caughtUp ? 1 : 0)
                .description("1 once the read views have caught up with the end offsets seen at start")
                .register(registry);
    }

    /** Whether the views hold everything that was on the topics when this instance started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Completes once the views have caught up (at once if they have). */
    public Mono<Void> whenCaughtUp() {
        return ready.asMono();
    }

    /** Records not read yet, as of the last poll. */
    public long lag() {
        return lag;
    }

    @Override
    public void start() {
        running = true;
        startedNanos = System.nanoTime();
        Instant now = Instant.now();
        Instant window = now.minus(props.views().replayWindow());
        Instant today = eventsPerDay.startOfToday(now);
        eventsFromMs = (window.isBefore(today) ? window : today).toEpochMilli();
        thread = new Thread(this::run, "zeues-views");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                List<TopicPartition> partitions = awaitPartitions(c);
                if (partitions.isEmpty()) {
                    continue; // stopping
                }
                c.assign(partitions);
                seek(c, partitions);
                if (endAtStart == null) {
                    endAtStart = c.endOffsets(partitions, Duration.ofSeconds(10));
                }
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    for (ConsumerRecord<String, byte[]> r : records) {
                        handle(r);
                        nextOffsets.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    }
                    if (!caughtUp) {
                        checkCaughtUp(c);
                    }
                    lag = lag(c, partitions);
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("read views consumer failed ({}); reconnecting", e.toString());
                    sleep(1_000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    /** Every partition of both topics, once the topology has created them. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
        while (running) {
            try {
                List<TopicPartition> all = new ArrayList<>();
                boolean complete = true;
                for (String topic : List.of(topics.spoolState.name(), topics.spoolEvents.name())) {
                    List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                    if (infos == null || infos.isEmpty()) {
                        complete = false;
                        break;
                    }
                    infos.forEach(pi -> all.add(new TopicPartition(pi.topic(), pi.partition())));
                }
                if (complete) {
                    return all;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Kafka not reachable yet: try again
            }
            sleep(500);
        }
        return List.of();
    }

    /** Where each partition starts: where it stopped before a reconnect, else the beginning / the window's start. */
    private void seek(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> byTime = new HashMap<>();
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = nextOffsets.get(tp);
            if (next != null) {
                c.seek(tp, next);
            } else if (tp.topic().equals(topics.spoolState.name())) {
                fromBeginning.add(tp);
            } else {
                byTime.put(tp, eventsFromMs);
            }
        }
        c.seekToBeginning(fromBeginning);
        if (!byTime.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(byTime, Duration.ofSeconds(10));
            List<TopicPartition> toEnd = new ArrayList<>();
            for (TopicPartition tp : byTime.keySet()) {
                OffsetAndTimestamp at = found.get(tp);
                if (at == null) {
                    toEnd.add(tp); // nothing that recent: only new events
                } else {
                    c.seek(tp, at.offset());
                }
            }
            c.seekToEnd(toEnd);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            if (r.topic().equals(topics.spoolState.name())) {
                store.applyState(stateDeserializer.deserialize(r.topic(), r.value()));
                return;
            }
            SpoolEvent event = eventDeserializer.deserialize(r.topic(), r.value());
            if (event == null) {
                return;
            }
            eventsPerDay.count(event.timestamp());
            store.applyEvent(event.spool());
            if (caughtUp) {
                broadcaster.publish(event);
            }
        } catch (RuntimeException e) {
            log.warn("{}-{}@{} (key {}) skipped by the read views: {}", r.topic(), r.partition(), r.offset(), r.key(),
                    e.toString());
        }
    }

    private void checkCaughtUp(KafkaConsumer<String, byte[]> c) {
        try {
            for (Map.Entry<TopicPartition, Long> e : endAtStart.entrySet()) {
                if (c.position(e.getKey(), Duration.ofSeconds(1)) < e.getValue()) {
                    return;
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return;
        }
        caughtUp = true;
        ready.tryEmitEmpty();
        log.info("read views caught up: {} spools in {} ms", store.size(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static long lag(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        long sum = 0;
        for (TopicPartition tp : partitions) {
            OptionalLong l = c.currentLag(tp);
            if (l.isPresent()) {
                sum += l.getAsLong();
            }
        }
        return sum;
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, StreamsProperties.FETCH_MAX_WAIT_MS);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, props.streams().applicationId() + "-views");
        return p;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
