package com.zeues.topology;

import com.zeues.domain.model.Worker;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global workers store equal to the compacted {@code zeues.workers} topic. */
public final class WorkersUpdater implements Processor<String, Worker, Void, Void> {

    private KeyValueStore<String, Worker> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.WORKERS);
    }

    @Override
    public void process(Record<String, Worker> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
