package com.zeues.occupation.streams;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which store partitions are being restored from their changelogs right now. Kafka Streams reports RUNNING while a
 * task it just received restores in the background; until that ends the instance is not ready (readiness false), so
 * a load balancer does not send it commands that would wait on the restore.
 */
@Component
public class StoreRestoration implements StateRestoreListener {

    private static final Logger log = LoggerFactory.getLogger(StoreRestoration.class);

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    public int restoring() {
        return restoring.size();
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        restoring.add(key(changelog, store));
        if (endingOffset - startingOffset > 10_000) {
            log.info("restoring store {} from {} ({} records)", store, changelog, endingOffset - startingOffset);
        }
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long numRestored) {
        // progress is visible in Kafka Streams' restore metrics
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(changelog, store));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(changelog, store)); // the task moved to another instance mid-restore
    }

    /** A new KafkaStreams instance starts with nothing restoring. */
    void reset() {
        restoring.clear();
    }

    private static String key(TopicPartition changelog, String store) {
        return store + "@" + changelog;
    }
}
