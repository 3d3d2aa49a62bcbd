package com.zeues.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SseFanoutBenchmarkTest {

    @Test
    void theVersionIsTheEventsOwnNotTheSchemasNorTheNestedViews() {
        String data = "{\"schema_version\":1,\"event_id\":\"e\",\"tag_spool\":\"TEST-20\",\"version\":42,"
                + "\"metadata\":{},\"spool\":{\"tag_spool\":\"TEST-20\",\"version\":7},\"event_type\":\"TOMAR_SPOOL\"}";
        assertThat(SseFanoutBenchmark.version(data)).isEqualTo(42);
        assertThat(SseFanoutBenchmark.version("{\"version\": 9}")).isEqualTo(9);
    }

    @Test
    void anEventWithoutAVersionIsAnError() {
        assertThatThrownBy(() -> SseFanoutBenchmark.version("{\"schema_version\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
