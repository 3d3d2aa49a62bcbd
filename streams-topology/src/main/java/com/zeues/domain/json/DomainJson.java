package com.zeues.domain.json;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON configuration for the domain's records on Kafka: snake_case names, instants as epoch
 * milliseconds, dates as ISO {@code YYYY-MM-DD}, unknown fields ignored.
 */
public final class DomainJson {

    private static final JsonMapper MAPPER = builder().build();

    private DomainJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The shared settings, for a mapper that only changes how instants are written (the HTTP one). */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(epochMillisModule());
    }

    private static SimpleModule epochMillisModule() {
        SimpleModule module = new SimpleModule("zeues-epoch-millis");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(value.toEpochMilli());
            }
        });
        module.addDeserializer(Instant.class, new ValueDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    return Instant.ofEpochMilli(p.getLongValue());
                }
                return Instant.parse(p.getString());
            }
        });
        return module;
    }
}
