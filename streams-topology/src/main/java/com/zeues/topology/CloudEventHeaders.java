package com.zeues.topology;

import com.zeues.domain.model.SpoolEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents Kafka binary-mode headers, and only those: records the topology writes never inherit
 * the request headers of the command that caused them.
 */
public final class CloudEventHeaders {

    public static final String SOURCE = "/zeues/occupation-service";
    public static final String EVENT_SCHEMA = "/api/schemas/spool-event-v1.json";
    public static final String STATE_SCHEMA = "/api/schemas/spool-view-v1.json";
    public static final String STATE_TYPE = "com.zeues.spool.state";
    /** The schemas themselves, as classpath resources of this jar (the build copies them from docs/schemas). */
    public static final String EVENT_SCHEMA_RESOURCE = "schemas/spool-event-v1.json";
    public static final String STATE_SCHEMA_RESOURCE = "schemas/spool-view-v1.json";

    private CloudEventHeaders() {
    }

    public static String eventType(SpoolEvent event) {
        return "com.zeues.spool." + event.eventoTipo().name();
    }

    public static Headers forEvent(SpoolEvent event) {
        return headers(event.eventId(), eventType(event), event.timestamp(), EVENT_SCHEMA);
    }

    public static Headers forState(String id, Instant time) {
        return headers(id, STATE_TYPE, time, STATE_SCHEMA);
    }

    public static Headers none() {
        return new RecordHeaders();
    }

    private static Headers headers(String id, String type, Instant time, String schema) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_id", bytes(id));
        h.add("ce_type", bytes(type));
        h.add("ce_source", bytes(SOURCE));
        h.add("ce_time", bytes(DateTimeFormatter.ISO_INSTANT.format(time)));
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_dataschema", bytes(schema));
        return h;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
