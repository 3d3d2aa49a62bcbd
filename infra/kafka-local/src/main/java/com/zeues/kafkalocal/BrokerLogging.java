package com.zeues.kafkalocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points the broker's logging at its own quiet file, {@code kafka/logs/broker.log}, before any Kafka class logs.
 *
 * <p>In {@code kafka-local.jar} SLF4J and log4j-api end in log4j2 (log4j-core), configured by
 * {@code zeues-kafka-local-log4j2.xml}. When a test starts the broker on its own classpath and that classpath has
 * Logback (a Spring Boot module), the same file is written through {@code zeues-kafka-local-logback.xml}. Each
 * backend reads only its own property, so both are set; a value given on the command line wins.
 */
public final class BrokerLogging {

    public static final String LOG4J2_CONFIG = "zeues-kafka-local-log4j2.xml";
    public static final String LOGBACK_CONFIG = "zeues-kafka-local-logback.xml";

    private BrokerLogging() {
    }

    public static void configure(Path logDir, String level) throws IOException {
        Files.createDirectories(logDir);
        System.setProperty("zeues.kafka.log.dir", logDir.toString());
        System.setProperty("zeues.kafka.log.level", level);
        setIfAbsent("log4j2.configurationFile", LOG4J2_CONFIG);
        setIfAbsent("logback.configurationFile", LOGBACK_CONFIG);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
