package com.zeues.occupation;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same API contract on Testcontainers' Kafka; skipped cleanly where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaOccupationApiTest extends OccupationApiContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
