package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.Operacion;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Architecture §2: one registry declares every topic; and the topology built on it. */
class TopicRegistryTest {

    private final TopicRegistry topics = new TopicRegistry(new TopicRegistry.Settings("test.", 6, 4, (short) 3));

    @Test
    void everyTopicIsDeclaredWithThePrefix() {
        assertThat(topics.all()).extracting(TopicSpec::name).containsExactly("test.zeues.commands",
                "test.zeues.replies", "test.zeues.spool-events", "test.zeues.spool-state", "test.zeues.spools",
                "test.zeues.workers", "test.zeues.commands-dlq", "test.zeues.control");
        assertThat(topics.all()).allSatisfy(t -> assertThat(t.replication()).isEqualTo((short) 3));
    }

    @Test
    void coPartitionedTopicsShareThePartitionCount() {
        assertThat(topics.commands.partitions()).isEqualTo(6);
        assertThat(topics.spools.partitions()).isEqualTo(6);
        assertThat(topics.spoolState.partitions()).isEqualTo(6);
        assertThat(topics.spoolEvents.partitions()).isEqualTo(6);
        assertThat(topics.replies.partitions()).isEqualTo(4);
        assertThat(topics.workers.partitions()).isEqualTo(1);
    }

    @Test
    void eventsAreKeptForeverAndStateIsCompacted() {
        assertThat(topics.spoolEvents.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
        assertThat(topics.spoolState.cleanupPolicy()).isEqualTo("compact");
        assertThat(topics.spools.cleanupPolicy()).isEqualTo("compact");
        assertThat(topics.workers.cleanupPolicy()).isEqualTo("compact");
        assertThat(topics.commands.cleanupPolicy()).isEqualTo("delete");
        assertThat(topics.replies.configs()).containsEntry("retention.ms", Long.toString(24 * 3600 * 1000L));
        NewTopic nt = topics.spoolEvents.newTopic();
        assertThat(nt.name()).isEqualTo("test.zeues.spool-events");
        assertThat(nt.numPartitions()).isEqualTo(6);
        assertThat(nt.configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void serdesRoundTrip() {
        SpoolCommand c = new SpoolCommand("r", true, "c", 1, CommandType.TOMAR, "TEST-02", 93, Operacion.ARM, null,
                null, null);
        byte[] bytes = topics.commands.valueSerde().serializer().serialize(topics.commands.name(), c);
        assertThat(topics.commands.valueSerde().deserializer().deserialize(topics.commands.name(), bytes)).isEqualTo(c);
        assertThat(topics.commands.valueSerde().serializer().serialize("t", null)).isNull();
        assertThat(topics.commands.valueSerde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void unreadableBytesAreASerializationExceptionForTheDeadLetterHandler() {
        byte[] garbage = "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        topics.commands.valueSerde().deserializer().deserialize(topics.commands.name(), garbage))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("SpoolCommand");
    }

    @Test
    void streamsPropertiesAreExactlyOnceWithTheHandlers() {
        Properties p = StreamsProperties.of("app", "broker:9092", "/tmp/x", topics, 10);
        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10L)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterHandler.DLQ_TOPIC_CONFIG, "test.zeues.commands-dlq")
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                        BoundedMemoryRocksDBConfig.class.getName())
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        new StreamsConfig(p); // a valid configuration
    }

    @Test
    void theTopologyReadsCommandsAndSpoolsTogetherAndWritesTheThreeOutputs() {
        TopologyDescription d = ZeuesTopology.build(topics, TopologySettings.defaults()).describe();
        assertThat(d.globalStores()).hasSize(1);
        assertThat(d.globalStores().iterator().next().source().topicSet()).containsExactly("test.zeues.workers");
        assertThat(d.subtopologies()).as("commands and master data meet in one task").hasSize(1);
        String text = d.toString();
        assertThat(text).contains("test.zeues.commands").contains("test.zeues.spools")
                .contains("test.zeues.replies").contains("test.zeues.spool-events").contains("test.zeues.spool-state")
                .contains(StoreNames.SPOOLS).contains(StoreNames.HISTORY).contains(StoreNames.OCCUPIED)
                .contains(StoreNames.VERDICTS).contains(StoreNames.SYNC_MARKERS);
    }

    @Test
    void historyKeysSortByVersion() {
        assertThat(StoreNames.historyKey("T", 9)).isLessThan(StoreNames.historyKey("T", 10));
        assertThat(StoreNames.historyKey("T", 1)).startsWith(StoreNames.historyPrefix("T"));
        assertThat(StoreNames.historyKey("T-1", 1)).doesNotStartWith(StoreNames.historyPrefix("T"));
    }
}
