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
        @DefaultValue Sink sink,
        @DefaultValue("America/Santiago") ZoneId businessZone,
        String adminToken) {

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

    /**
     * The sheet sink: events of {@code zeues.spool-events} into the Operaciones cells and the Metadata log.
     *
     * @param enabled           false: the connector only carries master data
     * @param minWriteInterval  at least this long between two write requests to the spreadsheet (Google allows 60
     *                          a minute per service account): every write request, retries and resyncs included
     * @param linger            a flush waits this long after its first event for more
     * @param maxBatchEvents    events per flush at most (the consumer pauses when the buffer holds this many)
     * @param metadataMaxRows   data rows per Metadata tab (the header excluded) before the log goes on in
     *                          {@code Metadata_2}, {@code Metadata_3}, …
     * @param metadataGrowRows  rows added at a time when a Metadata tab's grid is full
     * @param retryMin          first back-off after a 429, 5xx or unanswered request (doubled, with jitter)
     * @param retryMax          longest back-off (Google suggests 32 to 64 s)
     * @param verifyInterval    the Operaciones header and TAG_SPOOL column are re-read before a write when the last
     *                          read is older than this (and whenever a tag is not found)
     * @param probeInterval     an idle sink checks that the spreadsheet answers this often; also the wait before
     *                          re-reading a Metadata header that lacks a column
     * @param resyncTimeout     how long {@code POST /api/admin/sheets/resync} waits for the rewrite to finish
     * @param resyncChunkRows   Operaciones rows a resync adds to one write request
     */
    public record Sink(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration minWriteInterval,
            @DefaultValue("250ms") Duration linger,
            @DefaultValue("5000") int maxBatchEvents,
            @DefaultValue("200000") int metadataMaxRows,
            @DefaultValue("20000") int metadataGrowRows,
            @DefaultValue("1s") Duration retryMin,
            @DefaultValue("32s") Duration retryMax,
            @DefaultValue("2s") Duration verifyInterval,
            @DefaultValue("30s") Duration probeInterval,
            @DefaultValue("2m") Duration resyncTimeout,
            @DefaultValue("2000") int resyncChunkRows) {

        public Sink {
            if (maxBatchEvents < 1 || metadataMaxRows < 1 || metadataGrowRows < 1 || resyncChunkRows < 1) {
                throw new IllegalArgumentException("zeues.sink: counts must be positive");
            }
        }

        /** The defaults, for code that builds a sink without Spring. */
        public static Sink defaults() {
            return new Sink(true, Duration.ofSeconds(1), Duration.ofMillis(250), 5000, 200_000, 20_000,
                    Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(2), Duration.ofSeconds(30),
                    Duration.ofMinutes(2), 2000);
        }
    }
}
