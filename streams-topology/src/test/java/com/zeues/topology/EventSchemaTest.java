package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.zeues.domain.json.DomainJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published schemas: valid draft 2020-12, the same files as docs/schemas, the event self-contained with the
 * same view, and strict enough to refuse what the contract does not allow. (That every event the topology
 * produces conforms is checked by {@link TopologyHarness} on every record of every topology test.)
 */
class EventSchemaTest {

    private static final String EVENT = """
            {"schema_version":1,"event_id":"21cfc7df-0f5d-38bf-a406-263280e73865","timestamp":1770030900000,
             "evento_tipo":"TOMAR_SPOOL","tag_spool":"TEST-02","worker_id":93,"worker_nombre":"MR(93)",
             "operacion":"ARM","accion":"TOMAR","fecha_operacion":"2026-02-02","version":1,"metadata":{},
             "estado_detalle":"MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)",
             "spool":{"tag_spool":"TEST-02","nv":"NV","ot":"OT","fecha_materiales":"2026-01-20","fecha_armado":null,
              "fecha_soldadura":null,"fecha_qc_metrologia":null,"fecha_rechazo":null,"armador":"MR(93)",
              "soldador":null,"ocupado_por":"MR(93)","worker_id_ocupante":93,"operacion_actual":"ARM",
              "fecha_ocupacion":1770030900000,"arm":"en_progreso","sold":"pendiente","metrologia":"pendiente",
              "reparacion":null,"ciclo":0,"bloqueado":false,
              "estado_detalle":"MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)","version":1}}""";

    private static ObjectNode event() {
        return (ObjectNode) DomainJson.mapper().readTree(EVENT);
    }

    private static boolean valid(JsonNode event) {
        return EventSchemas.eventErrors(event.toString()).isEmpty();
    }

    @Test
    void theSchemasAreValidDraft202012() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var meta = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        for (String resource : new String[] {EventSchemas.EVENT_RESOURCE, EventSchemas.VIEW_RESOURCE}) {
            String text = EventSchemas.text(resource);
            assertThat(meta.validate(text, InputFormat.JSON)).as(resource).isEmpty();
            assertThat(DomainJson.mapper().readTree(text).get("$schema").asString())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void theClasspathCopiesAreTheFilesInDocs() throws Exception {
        Path docs = Path.of("..", "docs", "schemas");
        assertThat(EventSchemas.text(EventSchemas.EVENT_RESOURCE))
                .isEqualTo(Files.readString(docs.resolve("spool-event-v1.json")));
        assertThat(EventSchemas.text(EventSchemas.VIEW_RESOURCE))
                .isEqualTo(Files.readString(docs.resolve("spool-view-v1.json")));
    }

    @Test
    void theEventEmbedsExactlyTheViewSchema() {
        JsonNode event = DomainJson.mapper().readTree(EventSchemas.text(EventSchemas.EVENT_RESOURCE));
        ObjectNode view = (ObjectNode) DomainJson.mapper().readTree(EventSchemas.text(EventSchemas.VIEW_RESOURCE));
        view.remove("$schema");
        assertThat(event.get("$defs").get("spool_view")).isEqualTo(view);
        assertThat(event.get("properties").get("spool").get("$ref").asString()).isEqualTo(view.get("$id").asString());
        assertThat(event.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void aContractEventIsValid() {
        assertThat(EventSchemas.eventErrors(EVENT)).isEmpty();
    }

    @Test
    void unknownOrMissingFieldsAreRefused() {
        ObjectNode extra = event();
        extra.put("kafka_correlationId", "x");
        assertThat(valid(extra)).isFalse();
        ObjectNode missing = event();
        missing.remove("fecha_operacion");
        assertThat(valid(missing)).isFalse();
        ObjectNode viewExtra = event();
        ((ObjectNode) viewExtra.get("spool")).put("occupied", true);
        assertThat(valid(viewExtra)).isFalse();
        ObjectNode viewMissing = event();
        ((ObjectNode) viewMissing.get("spool")).remove("version");
        assertThat(valid(viewMissing)).isFalse();
    }

    @Test
    void enumsAreTheContracts() {
        ObjectNode e = event();
        e.put("evento_tipo", "TOMAR");
        assertThat(valid(e)).isFalse();
        e = event();
        e.put("accion", "tomar");
        assertThat(valid(e)).isFalse();
        e = event();
        ((ObjectNode) e.get("spool")).put("arm", "EN_PROGRESO");
        assertThat(valid(e)).as("arm is lower case").isFalse();
        e = event();
        ((ObjectNode) e.get("spool")).put("arm", "en progreso");
        assertThat(valid(e)).as("en_progreso, not the estado_detalle words").isFalse();
        e = event();
        ((ObjectNode) e.get("spool")).put("metrologia", "APROBADO");
        assertThat(valid(e)).isFalse();
        e = event();
        ((ObjectNode) e.get("spool")).put("reparacion", "en_reparacion");
        assertThat(valid(e)).isFalse();
    }

    @Test
    void typesAndFormats() {
        ObjectNode e = event();
        e.put("timestamp", "2026-02-02T08:15:00-03:00");
        assertThat(valid(e)).as("instants are epoch millis").isFalse();
        e = event();
        e.put("fecha_operacion", "02-02-2026");
        assertThat(valid(e)).as("dates are ISO").isFalse();
        e = event();
        e.put("fecha_operacion", "2026-02-30");
        assertThat(valid(e)).as("a real date").isFalse();
        e = event();
        e.put("version", 0);
        assertThat(valid(e)).as("an event produces version 1 or more").isFalse();
        e = event();
        e.put("event_id", "not-a-uuid");
        assertThat(valid(e)).isFalse();
        e = event();
        ((ObjectNode) e.get("spool")).put("ciclo", 4);
        assertThat(valid(e)).isFalse();
    }

    @Test
    void theEventTypeDecidesTheAccionAndOperacion() {
        ObjectNode e = event();
        e.put("accion", "PAUSAR");
        assertThat(valid(e)).isFalse();
        e = event();
        e.put("operacion", "REPARACION");
        assertThat(valid(e)).as("TOMAR_SPOOL is ARM or SOLD").isFalse();
        e = event();
        e.put("evento_tipo", "COMPLETAR_METROLOGIA");
        e.put("accion", "COMPLETAR");
        e.put("operacion", "METROLOGIA");
        assertThat(valid(e)).as("metrología needs resultado and ciclo").isFalse();
        ((ObjectNode) e.get("metadata")).put("resultado", "RECHAZADO").put("ciclo", 1);
        assertThat(valid(e)).isTrue();
        ((ObjectNode) e.get("metadata")).put("resultado", "rechazado");
        assertThat(valid(e)).isFalse();
        e = event();
        e.put("evento_tipo", "SUPERVISOR_OVERRIDE");
        e.put("accion", "OVERRIDE");
        e.put("operacion", "METROLOGIA");
        ((ObjectNode) e.get("metadata")).put("accion", "desbloquear").putNull("motivo");
        assertThat(valid(e)).as("an override is by worker 0 SYSTEM").isFalse();
        e.put("worker_id", 0);
        e.put("worker_nombre", "SYSTEM");
        assertThat(valid(e)).isTrue();
    }

    @Test
    void aViewIsValidOnItsOwn() {
        String view = event().get("spool").toString();
        assertThat(EventSchemas.viewErrors(view)).isEmpty();
        assertThat(EventSchemas.viewErrors("{}")).isNotEmpty();
    }
}
