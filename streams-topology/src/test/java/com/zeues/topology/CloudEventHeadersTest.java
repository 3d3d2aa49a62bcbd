package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/** Contract §4: CloudEvents binary-mode headers and no others. */
class CloudEventHeadersTest {

    private static final Instant TS = Instant.parse("2026-02-02T11:15:00.123Z");

    @Test
    void eventHeaders() {
        SpoolEvent e = new SpoolEvent(1, SpoolEvent.eventId("T", 3), TS, EventoTipo.COMPLETAR_SOLD, "T", 95, "PS(95)",
                Operacion.SOLD, Accion.COMPLETAR, LocalDate.of(2026, 2, 2), 3, Map.of(), "x", null);
        Headers h = CloudEventHeaders.forEvent(e);
        assertThat(Stream.of(h.toArray()).map(Header::key)).containsExactly("ce_id", "ce_type", "ce_source",
                "ce_time", "ce_specversion", "ce_dataschema");
        assertThat(TopologyHarness.header(h, "ce_id")).isEqualTo(e.eventId());
        assertThat(TopologyHarness.header(h, "ce_type")).isEqualTo("com.zeues.spool.COMPLETAR_SOLD");
        assertThat(TopologyHarness.header(h, "ce_source")).isEqualTo("/zeues/occupation-service");
        assertThat(TopologyHarness.header(h, "ce_time")).isEqualTo("2026-02-02T11:15:00.123Z");
        assertThat(TopologyHarness.header(h, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopologyHarness.header(h, "ce_dataschema")).isEqualTo("/api/schemas/spool-event-v1.json");
    }

    @Test
    void stateHeaders() {
        Headers h = CloudEventHeaders.forState("id-1", TS);
        assertThat(h.toArray()).hasSize(6);
        assertThat(TopologyHarness.header(h, "ce_type")).isEqualTo("com.zeues.spool.state");
        assertThat(TopologyHarness.header(h, "ce_dataschema")).isEqualTo("/api/schemas/spool-view-v1.json");
        assertThat(CloudEventHeaders.none().toArray()).isEmpty();
    }

    @Test
    void theSchemaPathsNameTheSchemaFilesShipped() {
        assertThat(CloudEventHeaders.EVENT_SCHEMA).endsWith("/" + EventSchemas.EVENT_RESOURCE.substring("schemas/".length()));
        assertThat(CloudEventHeaders.STATE_SCHEMA).endsWith("/" + EventSchemas.VIEW_RESOURCE.substring("schemas/".length()));
    }
}
