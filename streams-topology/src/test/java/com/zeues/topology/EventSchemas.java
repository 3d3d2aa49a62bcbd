package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published JSON Schemas of {@code docs/schemas} (on the classpath under {@code schemas/}, copied there by
 * the build), and assertions that a record on the wire conforms. Every topology test runs every event and
 * every view it sees through here; other modules can use it from the test-jar.
 */
public final class EventSchemas {

    public static final String EVENT_RESOURCE = CloudEventHeaders.EVENT_SCHEMA_RESOURCE;
    public static final String VIEW_RESOURCE = CloudEventHeaders.STATE_SCHEMA_RESOURCE;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema EVENT = load(EVENT_RESOURCE);
    private static final Schema VIEW = load(VIEW_RESOURCE);

    private EventSchemas() {
    }

    public static String text(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the build copies docs/schemas");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String resource) {
        Schema schema = REGISTRY.getSchema(text(resource), InputFormat.JSON);
        schema.initializeValidators(); // resolve every $ref now, not on the first event
        return schema;
    }

    public static List<Error> eventErrors(String json) {
        return EVENT.validate(json, InputFormat.JSON);
    }

    public static List<Error> viewErrors(String json) {
        return VIEW.validate(json, InputFormat.JSON);
    }

    public static void assertValidEvent(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(eventErrors(text)).as("spool-event-v1 errors of %s", text).isEmpty();
    }

    public static void assertValidView(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(viewErrors(text)).as("spool-view-v1 errors of %s", text).isEmpty();
    }
}
