package com.zeues.connector.master;

import com.zeues.connector.kafka.KafkaClients;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.Worker;
import com.zeues.topology.TopicRegistry;
import com.zeues.topology.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code zeues.spools} and {@code zeues.workers} from the beginning to their end offsets
 * (committed records only, no consumer group) into a {@link PublishedMasterData}.
 */
public final class PublishedStateLoader {

    private static final Logger log = LoggerFactory.getLogger(PublishedStateLoader.class);

    private final KafkaClients clients;
    private final TopicRegistry topics;
    private final Duration timeout;

    public PublishedStateLoader(KafkaClients clients, TopicRegistry topics, Duration timeout) {
        this.clients = clients;
        this.topics = topics;
        this.timeout = timeout;
    }

    public void load(PublishedMasterData into) throws TimeoutException {
        into.clear();
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < topics.spools.partitions(); p++) {
            partitions.add(new TopicPartition(topics.spools.name(), p));
        }
        for (int p = 0; p < topics.workers.partitions(); p++) {
            partitions.add(new TopicPartition(topics.workers.name(), p));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int records = 0;
        try (Consumer<String, byte[]> consumer = clients.reader("zeues-sheets-connector-loader")) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading back " + topics.spools.name() + " and "
                            + topics.workers.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record, into);
                    records++;
                }
            }
        }
        log.debug("read back {} records: {} spools, {} workers, last sync id {}", records, into.spoolCount(),
                into.workerCount(), into.lastSyncId());
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record, PublishedMasterData into) {
        String key = record.key();
        if (key == null) {
            return;
        }
        try {
            if (record.topic().equals(topics.spools.name())) {
                SpoolMaster m = value(topics.spools, record);
                if (m == null) {
                    into.removeSpool(key);
                } else if (m.isSyncMarker()) {
                    into.syncIdSeen(m.syncId());
                } else {
                    into.putSpool(new SpoolMaster(key, m.nv(), m.ot(), m.fechaMateriales(), m.seed(), null,
                            m.fila()));
                }
            } else {
                Worker w = value(topics.workers, record);
                if (w == null) {
                    if (!key.equals(Worker.MARKER_KEY)) {
                        into.removeWorker(Integer.parseInt(key));
                    }
                } else if (w.isSyncMarker()) {
                    into.syncIdSeen(w.syncId());
                } else {
                    into.putWorker(w);
                }
            }
        } catch (SerializationException | NumberFormatException e) {
            log.warn("{}-{}@{}: unreadable record under key {} skipped: {}", record.topic(), record.partition(),
                    record.offset(), key, e.getMessage());
        }
    }

    private static <V> V value(TopicSpec<String, V> spec, ConsumerRecord<String, byte[]> record) {
        return spec.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
}
