package com.zeues.occupation;

/** The API contract against the embedded KRaft broker (always runs). */
class EmbeddedKafkaOccupationApiTest extends OccupationApiContract {

    @Override
    String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }
}
