package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.resent;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.Worker;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.TestDriverRecords;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replies sink is routed by {@link ReplyPartitioner} (the other sinks by key). The driver knows one partition
 * per topic, so what this can show is that a partition was chosen for each verdict by the partitioner, and not
 * for events or views; {@link ReplyPartitionerTest} shows which one.
 */
class ReplyRoutingTopologyTest {

    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        h.worker(new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true));
        h.spool("TEST-02", LocalDate.of(2026, 1, 20));
        h.discardViews();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void verdictsArePartitionedByThePartitionerEventsAndViewsByKey() {
        SpoolCommand c = resent(tomar("TEST-02", 93, Operacion.ARM), 3);
        TestInputTopic<String, SpoolCommand> in = h.driver.createInputTopic(h.topics.commands.name(),
                new StringSerializer(), h.topics.commands.valueSerde().serializer());
        in.pipeInput(c.tagSpool(), c, h.now());

        ProducerRecord<byte[], byte[]> reply = TestDriverRecords.next(h.driver, h.topics.replies.name());
        assertThat(reply).isNotNull();
        assertThat(reply.partition()).as("chosen by the sink's partitioner (3 mod the driver's 1 partition)")
                .isEqualTo(0);
        assertThat(h.topics.replies.valueSerde().deserializer().deserialize("r", reply.value()).replyPartition())
                .isEqualTo(3);
        ProducerRecord<byte[], byte[]> event = TestDriverRecords.next(h.driver, h.topics.spoolEvents.name());
        assertThat(event.partition()).as("left to the producer's default partitioner (by key)").isNull();
        EventSchemas.assertValidEvent(event.value());
        ProducerRecord<byte[], byte[]> view = TestDriverRecords.next(h.driver, h.topics.spoolState.name());
        assertThat(view.partition()).isNull();
        EventSchemas.assertValidView(view.value());
    }
}
