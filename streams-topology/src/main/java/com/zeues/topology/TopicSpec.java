package com.zeues.topology;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/** One topic: its name, layout, configuration and serdes. */
public record TopicSpec<K, V>(String name, int partitions, short replication, Map<String, String> configs,
                              Serde<K> keySerde, Serde<V> valueSerde) {

    public NewTopic newTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.of(replication)).configs(configs);
    }

    public String cleanupPolicy() {
        return configs.getOrDefault("cleanup.policy", "delete");
    }
}
