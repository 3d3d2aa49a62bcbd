package com.zeues.occupation.config;

import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SyncRequest;
import com.zeues.domain.time.BusinessTime;
import com.zeues.topology.TopicRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The topic registry and the producers of the service, built from {@link ZeuesProperties}. */
@Configuration(proxyBeanMethods = false)
public class KafkaClientsConfig {

    @Bean
    TopicRegistry topicRegistry(ZeuesProperties props) {
        return props.topicRegistry();
    }

    @Bean
    BusinessTime businessTime(ZeuesProperties props) {
        return props.businessTime();
    }

    /**
     * Commands: idempotent, acks=all, and quick to give up before sending (max.block.ms 1 s) so a request
     * that could not leave is a clear 503; delivery is bounded by the reply timeout.
     */
    @Bean
    KafkaTemplate<String, SpoolCommand> commandTemplate(ZeuesProperties props, TopicRegistry topics) {
        return template(props, topics.commands.valueSerde().serializer());
    }

    @Bean
    KafkaTemplate<String, SyncRequest> controlTemplate(ZeuesProperties props, TopicRegistry topics) {
        return template(props, topics.control.valueSerde().serializer());
    }

    private static <V> KafkaTemplate<String, V> template(ZeuesProperties props,
                                                         org.apache.kafka.common.serialization.Serializer<V> ser) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        // delivery.timeout.ms must cover request.timeout.ms; below 2 s of reply timeout the floor wins
        long timeout = Math.max(2_000, props.commands().replyTimeout().toMillis());
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout - 500));
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        DefaultKafkaProducerFactory<String, V> pf = new DefaultKafkaProducerFactory<>(cfg, new StringSerializer(), ser);
        return new KafkaTemplate<>(pf);
    }
}
