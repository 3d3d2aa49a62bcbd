package com.zeues.topology;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.rules.ChangeApplier.Applied;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes accepted changes and master-data updates of one task: the state store, the history, the occupied
 * index, the event and the new view. Under exactly-once all of it commits in one transaction with the
 * verdict, so there is never a state change without its event.
 */
final class SpoolChangeWriter {

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, SpoolState> spools;
    private final KeyValueStore<String, SpoolEvent> history;
    private final KeyValueStore<String, Long> occupied;

    SpoolChangeWriter(ProcessorContext<String, Object> context) {
        this.context = context;
        this.spools = context.getStateStore(StoreNames.SPOOLS);
        this.history = context.getStateStore(StoreNames.HISTORY);
        this.occupied = context.getStateStore(StoreNames.OCCUPIED);
    }

    void write(Applied applied) {
        SpoolState state = applied.state();
        SpoolEvent event = applied.event();
        String tag = state.tagSpool();
        spools.put(tag, state);
        history.put(StoreNames.historyKey(tag, event.version()), event);
        indexOccupation(state);
        long ts = event.timestamp().toEpochMilli();
        context.forward(new Record<String, Object>(tag, event, ts, CloudEventHeaders.forEvent(event)),
                ZeuesTopology.EVENTS_SINK);
        context.forward(new Record<String, Object>(tag, applied.view(), ts,
                CloudEventHeaders.forState(event.eventId(), event.timestamp())), ZeuesTopology.STATE_SINK);
    }

    /** A change of master data only: no event, the version stays. */
    void writeMaster(SpoolState state, long timestamp) {
        spools.put(state.tagSpool(), state);
        indexOccupation(state);
        SpoolView view = SpoolView.of(state);
        String id = SpoolEvent.eventId(state.tagSpool(), state.version()) + "-master-" + timestamp;
        context.forward(new Record<String, Object>(state.tagSpool(), view, timestamp,
                CloudEventHeaders.forState(id, java.time.Instant.ofEpochMilli(timestamp))), ZeuesTopology.STATE_SINK);
    }

    private void indexOccupation(SpoolState state) {
        if (state.occupied()) {
            occupied.put(state.tagSpool(), state.occupation().since().toEpochMilli());
        } else {
            occupied.delete(state.tagSpool());
        }
    }
}
