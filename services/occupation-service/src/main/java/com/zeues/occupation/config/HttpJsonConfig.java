package com.zeues.occupation.config;

import com.zeues.domain.time.BusinessTime;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * HTTP JSON: the domain's snake_case records, with instants rendered in the business time zone with its
 * real offset ({@code 2026-02-02T08:15:00-03:00}) instead of Kafka's epoch milliseconds.
 */
@Configuration(proxyBeanMethods = false)
public class HttpJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer zeuesHttpJson(BusinessTime time) {
        SimpleModule module = new SimpleModule("zeues-business-time");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(time.iso(value));
            }
        });
        return builder -> builder.addModule(module)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
