package com.zeues.occupation.cluster;

import com.zeues.occupation.streams.StoresUnavailableException;
import com.zeues.occupation.streams.TopologyRunner;
import com.zeues.topology.StoreNames;
import com.zeues.topology.TopicRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;

/**
 * Which instance holds the active task of a spool, from Kafka Streams' metadata (every instance advertises its
 * {@code application.server}). Throws {@link StoresUnavailableException} while that is not known (starting,
 * rebalancing).
 */
@Component
public class StoreOwners {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final TopologyRunner runner;
    private final InstanceAddress address;
    private final String spoolsTopic;
    private volatile List<Integer> lastHeld = List.of();
    private volatile Thread refresher;

    public StoreOwners(TopologyRunner runner, InstanceAddress address, TopicRegistry topics) {
        this.runner = runner;
        this.address = address;
        this.spoolsTopic = topics.spools.name();
    }

    /** The other instance that owns {@code tag}'s stores, or empty when this one does. */
    public Optional<HostInfo> remoteOwnerOf(String tag) {
        KeyQueryMetadata md;
        try {
            md = streams().queryMetadataForKey(StoreNames.SPOOLS, tag, KEYS);
        } catch (StreamsException | IllegalStateException e) {
            throw new StoresUnavailableException("no owner known for " + tag + " yet");
        }
        if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE) || md.activeHost().port() < 0) {
            throw new StoresUnavailableException("no owner known for " + tag + " yet");
        }
        return md.activeHost().equals(address.self()) ? Optional.empty() : Optional.of(md.activeHost());
    }

    /** The instance holding each partition of the spools (the co-partitioned tasks); a partition in transit is missing. */
    public Map<Integer, HostInfo> partitionOwners() {
        Map<Integer, HostInfo> owners = new HashMap<>();
        try {
            for (StreamsMetadata m : streams().metadataForAllStreamsClients()) {
                for (TopicPartition tp : m.topicPartitions()) {
                    if (tp.topic().equals(spoolsTopic)) {
                        owners.put(tp.partition(), m.hostInfo());
                    }
                }
            }
        } catch (StreamsException | IllegalStateException e) {
            throw new StoresUnavailableException("the partitions' owners are not known yet");
        }
        return owners;
    }

    /**
     * The partitions held here as last seen by a background refresh (every second): the health check reads this and
     * never waits on Kafka Streams' locks itself, whatever the topology is going through (a broker outage, a thread
     * being replaced).
     */
    public List<Integer> lastHeldHere() {
        if (refresher == null) {
            synchronized (this) {
                if (refresher == null) {
                    refresher = new Thread(this::refreshLoop, "zeues-partitions-held");
                    refresher.setDaemon(true);
                    refresher.start();
                }
            }
        }
        return lastHeld;
    }

    private void refreshLoop() {
        while (true) {
            lastHeld = runner.isTopologyRunning() ? heldHere() : List.of();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The partitions whose active tasks run here (empty while not known). */
    public List<Integer> heldHere() {
        try {
            HostInfo self = address.self();
            return partitionOwners().entrySet().stream().filter(e -> e.getValue().equals(self))
                    .map(Map.Entry::getKey).sorted().toList();
        } catch (StoresUnavailableException | IllegalStateException e) {
            return List.of();
        }
    }

    public boolean isSelf(HostInfo host) {
        return host.equals(address.self());
    }

    private KafkaStreams streams() {
        KafkaStreams ks = runner.streams();
        if (ks == null) {
            throw new StoresUnavailableException("the topology has not started");
        }
        return ks;
    }
}
