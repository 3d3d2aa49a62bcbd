package com.zeues.connector.config;

import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connector's settings ({@code zeues.*}); the defaults run the local default (a broker on 127.0.0.1:9092, the
 * sheets emulator on 127.0.0.1:9099). {@code application.properties} maps the environment variables onto them.
 */
@ConfigurationProperties("zeues")
public record ConnectorProperties(
        @DefaultValue Kafka kafka,
        @DefaultValue Topics topics,
        @DefaultValue Sheets sheets,
        @DefaultValue Sync sync,
        @DefaultValue("America/Santiago") ZoneId businessZone) {

    /** {@code KAFKA_BOOTSTRAP_SERVERS}; other client settings come from {@code spring.kafka.*}. */
    public record Kafka(@DefaultValue("127.0.0.1:9092") String bootstrapServers) {
    }

    /** The domain's topic layout: must be the same in every service of one system. */
    public record Topics(
            @DefaultValue("") String prefix,
            @DefaultValue("6") int partitions,
            @DefaultValue("4") int replyPartitions,
            @DefaultValue("1") short replication) {

        public TopicRegistry.Settings settings() {
            return new TopicRegistry.Settings(prefix, partitions, replyPartitions, replication);
        }
    }

    /**
     * The spreadsheet. With {@code credentialsFile} ({@code GOOGLE_APPLICATION_CREDENTIALS}) or
     * {@code credentialsJson} ({@code ZEUES_GOOGLE_CREDENTIALS_JSON}) the connector talks to Google at
     * {@code googleRootUrl}; without, to the emulator at {@code endpoint} ({@code ZEUES_SHEETS_ENDPOINT}).
     */
    public record Sheets(
            @DefaultValue("zeues-local") String spreadsheetId,
            @DefaultValue("http://127.0.0.1:9099/") String endpoint,
            @DefaultValue("https://sheets.googleapis.com/") String googleRootUrl,
            String credentialsFile,
            String credentialsJson,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout) {
    }

    /**
     * Master-data syncs: every {@code interval}; after a failure, retried after {@code retryMin}, doubling up to
     * {@code retryMax} (never longer than the interval).
     */
    public record Sync(
            @DefaultValue("1m") Duration interval,
            @DefaultValue("1s") Duration retryMin,
            @DefaultValue("30s") Duration retryMax) {
    }
}
