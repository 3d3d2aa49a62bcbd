package com.zeues.topology;

import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.SyncRequest;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the system, declared once: name, partitions, replication, cleanup policy, retention and
 * serdes. Services create missing topics from here before anything produces.
 *
 * <p>{@code commands}, {@code spools} and {@code spoolState} share one partition count: commands and master
 * data for a spool must meet in the same task (co-partitioning), and the state topic follows the same keys.
 */
public final class TopicRegistry {

    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");
    private static final String FOREVER = "-1";

    public final TopicSpec<String, SpoolCommand> commands;
    public final TopicSpec<String, Verdict> replies;
    public final TopicSpec<String, SpoolEvent> spoolEvents;
    public final TopicSpec<String, SpoolView> spoolState;
    public final TopicSpec<String, SpoolMaster> spools;
    public final TopicSpec<String, Worker> workers;
    public final TopicSpec<byte[], byte[]> commandsDlq;
    public final TopicSpec<String, SyncRequest> control;

    public TopicRegistry(Settings s) {
        Serde<String> key = Serdes.String();
        commands = new TopicSpec<>(s.prefix + "zeues.commands", s.partitions, s.replication,
                retention(Duration.ofDays(7)), key, new JsonSerde<>(SpoolCommand.class));
        replies = new TopicSpec<>(s.prefix + "zeues.replies", s.replyPartitions, s.replication,
                retention(Duration.ofDays(1)), key, new JsonSerde<>(Verdict.class));
        spoolEvents = new TopicSpec<>(s.prefix + "zeues.spool-events", s.partitions, s.replication,
                Map.of("cleanup.policy", "delete", "retention.ms", FOREVER, "retention.bytes", FOREVER), key,
                new JsonSerde<>(SpoolEvent.class));
        spoolState = new TopicSpec<>(s.prefix + "zeues.spool-state", s.partitions, s.replication, COMPACT, key,
                new JsonSerde<>(SpoolView.class));
        spools = new TopicSpec<>(s.prefix + "zeues.spools", s.partitions, s.replication, COMPACT, key,
                new JsonSerde<>(SpoolMaster.class));
        workers = new TopicSpec<>(s.prefix + "zeues.workers", 1, s.replication, COMPACT, key,
                new JsonSerde<>(Worker.class));
        commandsDlq = new TopicSpec<>(s.prefix + "zeues.commands-dlq", 1, s.replication,
                retention(Duration.ofDays(30)), Serdes.ByteArray(), Serdes.ByteArray());
        control = new TopicSpec<>(s.prefix + "zeues.control", 1, s.replication, retention(Duration.ofDays(1)), key,
                new JsonSerde<>(SyncRequest.class));
    }

    public List<TopicSpec<?, ?>> all() {
        return List.of(commands, replies, spoolEvents, spoolState, spools, workers, commandsDlq, control);
    }

    private static Map<String, String> retention(Duration d) {
        return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(d.toMillis()));
    }

    /**
     * @param prefix         put before every name (tests isolate themselves with it; empty in production)
     * @param partitions     of commands, spools, spool-state and spool-events
     * @param replyPartitions one per service instance at most
     */
    public record Settings(String prefix, int partitions, int replyPartitions, short replication) {

        public static Settings defaults() {
            return new Settings("", 6, 4, (short) 1);
        }
    }
}
