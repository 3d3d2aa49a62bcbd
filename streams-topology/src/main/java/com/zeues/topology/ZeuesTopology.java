package com.zeues.topology;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology (architecture steps 1–3): commands and master data meet in one task per
 * partition around the spool's state; verdicts, events and views leave from it in one transaction.
 *
 * <pre>
 * zeues.commands ─▶ SpoolCommandProcessor ─┬─▶ zeues.replies (partition from the command)
 *                                         ├─▶ zeues.spool-events
 * zeues.spools ──▶ SpoolMasterProcessor ──┴─▶ zeues.spool-state
 *    stores: spools, history, occupied, verdicts (24 h), sync-markers; global: workers
 * </pre>
 */
public final class ZeuesTopology {

    static final String COMMANDS_SOURCE = "commands-source";
    static final String SPOOLS_SOURCE = "spools-source";
    static final String COMMAND_PROCESSOR = "spool-command-processor";
    static final String MASTER_PROCESSOR = "spool-master-processor";
    static final String REPLIES_SINK = "replies-sink";
    static final String EVENTS_SINK = "events-sink";
    static final String STATE_SINK = "state-sink";

    private ZeuesTopology() {
    }

    public static Topology build(TopicRegistry topics, TopologySettings settings) {
        Topology t = new Topology();
        t.addSource(COMMANDS_SOURCE, Serdes.String().deserializer(), topics.commands.valueSerde().deserializer(),
                topics.commands.name());
        t.addSource(SPOOLS_SOURCE, Serdes.String().deserializer(), topics.spools.valueSerde().deserializer(),
                topics.spools.name());
        t.addProcessor(COMMAND_PROCESSOR, () -> new SpoolCommandProcessor(settings), COMMANDS_SOURCE);
        t.addProcessor(MASTER_PROCESSOR, SpoolMasterProcessor::new, SPOOLS_SOURCE);

        String[] both = {COMMAND_PROCESSOR, MASTER_PROCESSOR};
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SPOOLS),
                Serdes.String(), new JsonSerde<>(SpoolState.class)), both);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HISTORY),
                Serdes.String(), new JsonSerde<>(SpoolEvent.class)), both);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OCCUPIED),
                Serdes.String(), Serdes.Long()), both);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SYNC_MARKERS),
                Serdes.String(), Serdes.Long()), MASTER_PROCESSOR);
        Duration retention = settings.verdictRetention();
        t.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.VERDICTS, retention, Duration.ofMillis(1), false),
                Serdes.String(), new JsonSerde<>(Verdict.class)), COMMAND_PROCESSOR);

        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WORKERS),
                        Serdes.String(), new JsonSerde<>(Worker.class)).withLoggingDisabled(),
                "workers-source", Serdes.String().deserializer(), topics.workers.valueSerde().deserializer(),
                topics.workers.name(), "workers-updater", WorkersUpdater::new);

        t.addSink(REPLIES_SINK, topics.replies.name(), Serdes.String().serializer(),
                topics.replies.valueSerde().serializer(), new ReplyPartitioner(), COMMAND_PROCESSOR);
        t.addSink(EVENTS_SINK, topics.spoolEvents.name(), Serdes.String().serializer(),
                topics.spoolEvents.valueSerde().serializer(), COMMAND_PROCESSOR);
        t.addSink(STATE_SINK, topics.spoolState.name(), Serdes.String().serializer(),
                topics.spoolState.valueSerde().serializer(), both);
        return t;
    }
}
