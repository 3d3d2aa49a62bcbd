package com.zeues.topology;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.seed.SeedInterpreter;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies master data from the sheet to the spools of its partition: a new spool starts from its seed (the
 * sheet's state columns, taken over once), a known spool only gets its master columns (row number included)
 * updated, and a sync marker records that this partition has processed that sync.
 */
public final class SpoolMasterProcessor implements Processor<String, SpoolMaster, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SpoolMasterProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SpoolState> spools;
    private KeyValueStore<String, Long> syncMarkers;
    private SpoolChangeWriter writer;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.spools = context.getStateStore(StoreNames.SPOOLS);
        this.syncMarkers = context.getStateStore(StoreNames.SYNC_MARKERS);
        this.writer = new SpoolChangeWriter(context);
    }

    @Override
    public void process(Record<String, SpoolMaster> record) {
        String tag = record.key();
        SpoolMaster master = record.value();
        if (tag == null || master == null) {
            return; // a spool removed from the sheet keeps its state and history
        }
        try {
            if (master.isSyncMarker()) {
                syncMarkers.put(tag, master.syncId());
                return;
            }
            SpoolState current = spools.get(tag);
            long now = context.currentSystemTimeMs();
            if (current == null) {
                SpoolMaster keyed = new SpoolMaster(tag, master.nv(), master.ot(), master.fechaMateriales(),
                        master.seed(), null, master.fila());
                writer.writeMaster(SeedInterpreter.initial(keyed), now);
            } else if (!Objects.equals(current.nv(), master.nv()) || !Objects.equals(current.ot(), master.ot())
                    || !Objects.equals(current.fechaMateriales(), master.fechaMateriales())
                    || !Objects.equals(current.fila(), master.fila())) {
                writer.writeMaster(current.toBuilder().nv(master.nv()).ot(master.ot())
                        .fechaMateriales(master.fechaMateriales()).fila(master.fila()).build(), now);
            }
        } catch (RuntimeException e) {
            log.error("applying master data of spool {} failed; record skipped", tag, e);
        }
    }
}
