package com.zeues.connector.sink;

import com.zeues.connector.kafka.KafkaClients;
import com.zeues.domain.model.SpoolView;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the compacted {@code zeues.spool-state} from the beginning to its end offsets: the current view of every spool. */
final class SpoolStateReader {

    private static final Logger log = LoggerFactory.getLogger(SpoolStateReader.class);

    private final KafkaClients clients;
    private final TopicRegistry topics;

    SpoolStateReader(KafkaClients clients, TopicRegistry topics) {
        this.clients = clients;
        this.topics = topics;
    }

    Map<String, SpoolView> read(Duration timeout) throws TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < topics.spoolState.partitions(); p++) {
            partitions.add(new TopicPartition(topics.spoolState.name(), p));
        }
        Map<String, SpoolView> views = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Consumer<String, byte[]> consumer = clients.reader("zeues-sheets-sink-resync")) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topics.spoolState.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    try {
                        SpoolView v = topics.spoolState.valueSerde().deserializer().deserialize(r.topic(), r.value());
                        if (v == null) {
                            views.remove(r.key());
                        } else {
                            views.put(r.key(), v);
                        }
                    } catch (SerializationException e) {
                        log.warn("{}-{}@{}: unreadable spool state skipped: {}", r.topic(), r.partition(), r.offset(),
                                e.getMessage());
                    }
                }
            }
        }
        return views;
    }
}
