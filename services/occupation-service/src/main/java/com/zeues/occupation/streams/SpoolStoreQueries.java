package com.zeues.occupation.streams;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import com.zeues.topology.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/**
 * Interactive queries on the topology's stores: a spool's state and history, the workers, the sync markers.
 * Throws {@link StoresUnavailableException} while the stores are not queryable (starting, rebalancing).
 */
@Component
public class SpoolStoreQueries {

    private final TopologyRunner runner;

    public SpoolStoreQueries(TopologyRunner runner) {
        this.runner = runner;
    }

    public Optional<SpoolState> spool(String tag) {
        return Optional.ofNullable(store(StoreNames.SPOOLS, SpoolState.class).get(tag));
    }

    public List<SpoolEvent> history(String tag) {
        List<SpoolEvent> events = new ArrayList<>();
        ReadOnlyKeyValueStore<String, SpoolEvent> store = store(StoreNames.HISTORY, SpoolEvent.class);
        try (KeyValueIterator<String, SpoolEvent> it = store.prefixScan(StoreNames.historyPrefix(tag),
                new StringSerializer())) {
            while (it.hasNext()) {
                events.add(it.next().value);
            }
        }
        events.sort(Comparator.comparingLong(SpoolEvent::version));
        return events;
    }

    public Optional<Worker> worker(int id) {
        return Optional.ofNullable(store(StoreNames.WORKERS, Worker.class).get(Integer.toString(id)));
    }

    /** Every worker record (sync marker excluded), by id. */
    public List<Worker> workers() {
        List<Worker> all = new ArrayList<>();
        try (KeyValueIterator<String, Worker> it = store(StoreNames.WORKERS, Worker.class).all()) {
            while (it.hasNext()) {
                KeyValue<String, Worker> kv = it.next();
                if (kv.value != null && !kv.value.isSyncMarker()) {
                    all.add(kv.value);
                }
            }
        }
        all.sort(Comparator.comparingInt(Worker::id));
        return all;
    }

    /** The sync id of the last master-data sync whose workers are loaded. */
    public Optional<Long> workersSync() {
        Worker marker = store(StoreNames.WORKERS, Worker.class).get(Worker.MARKER_KEY);
        return Optional.ofNullable(marker).map(Worker::syncId);
    }

    /** The sync id of the last master-data sync the given partition of zeues.spools has processed. */
    public Optional<Long> spoolsSync(String markerKey) {
        return Optional.ofNullable(store(StoreNames.SYNC_MARKERS, Long.class).get(markerKey));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, Class<V> type) {
        KafkaStreams ks = runner.streams();
        if (ks == null) {
            throw new StoresUnavailableException("the topology has not started");
        }
        try {
            return ks.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException("store " + name + " is not queryable now: " + e.getMessage());
        }
    }
}
