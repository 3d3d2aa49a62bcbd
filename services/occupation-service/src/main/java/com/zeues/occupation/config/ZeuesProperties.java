package com.zeues.occupation.config;

import com.zeues.domain.time.BusinessTime;
import com.zeues.topology.TopicRegistry;
import com.zeues.topology.TopologySettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the occupation service is configured with; the defaults run the local default.
 *
 * @param bootstrapServers Kafka; env {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param dataDir          where the Streams state lives; env {@code ZEUES_DATA_DIR}
 * @param environment      shown in /api/health
 * @param businessZone     "today" and every rendered instant
 */
@ConfigurationProperties("zeues")
public record ZeuesProperties(
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("local") String environment,
        @DefaultValue("America/Santiago") ZoneId businessZone,
        @DefaultValue Topics topics,
        @DefaultValue Streams streams,
        @DefaultValue Commands commands,
        @DefaultValue Access access,
        @DefaultValue Cors cors,
        @DefaultValue Views views) {

    /** Topic layout; see {@link TopicRegistry}. */
    public record Topics(@DefaultValue("") String prefix, @DefaultValue("6") int partitions,
                         @DefaultValue("4") int replyPartitions, @DefaultValue("1") short replication) {

        public TopicRegistry.Settings settings() {
            return new TopicRegistry.Settings(prefix, partitions, replyPartitions, replication);
        }
    }

    /**
     * @param commitInterval        bounds verdict latency under exactly-once
     * @param stateDir              defaults to {@code <dataDir>/streams}
     * @param applicationServer     {@code host:port} where the other instances reach this one's HTTP port for
     *                              queries it owns (Kafka Streams' {@code application.server}); env
     *                              {@code ZEUES_STREAMS_APPLICATIONSERVER}; default {@code 127.0.0.1:<server port>}
     * @param standbyReplicas       warm copies of each task's stores on other instances (fast fail-over)
     * @param acceptableRecoveryLag a task moves to an instance only when its copy there is at most this many
     *                              records behind; otherwise it stays put while a warm-up replica catches up
     * @param peerTimeout           how long a query forwarded to the owning instance may take
     */
    public record Streams(@DefaultValue("zeues-occupation") String applicationId,
                          @DefaultValue("10ms") Duration commitInterval,
                          String stateDir,
                          @DefaultValue("8h") Duration lease,
                          @DefaultValue("30s") Duration leaseSweepInterval,
                          @DefaultValue("24h") Duration verdictRetention,
                          @DefaultValue("67108864") long rocksdbTotalBytes,
                          String applicationServer,
                          @DefaultValue("0") int standbyReplicas,
                          @DefaultValue("10000") long acceptableRecoveryLag,
                          @DefaultValue("3s") Duration peerTimeout) {
    }

    /**
     * @param replyTimeout   how long a request waits for its verdict before answering 504
     * @param replyPartition the partition of zeues.replies this instance reads (one per instance)
     * @param breakerOpenFor after a run of failed sends (Kafka unreachable), how long commands are refused with 503
     *                       at once before a few sends probe Kafka again
     */
    public record Commands(@DefaultValue("5s") Duration replyTimeout,
                           @DefaultValue("0") int replyPartition,
                           @DefaultValue("100000") int operationsKept,
                           @DefaultValue("10s") Duration syncTimeout,
                           @DefaultValue("2s") Duration breakerOpenFor) {
    }

    /**
     * Contract §8. A token file, when set, replaces the inline value and is re-read whenever it changes, so a
     * token can be rotated without a restart.
     *
     * @param adminToken       bearer token for /api/admin/**; env {@code ZEUES_ADMIN_TOKEN}; unset = admin closed
     * @param adminTokenFile   a file holding the admin token (first non-blank line); env {@code ZEUES_ADMIN_TOKEN_FILE}
     * @param deviceTokens     when not empty, every POST outside admin needs one in {@code X-Device-Token}; env
     *                         {@code ZEUES_DEVICE_TOKENS} (comma-separated)
     * @param deviceTokensFile a file with one device token per line ({@code #} starts a comment); env
     *                         {@code ZEUES_DEVICE_TOKENS_FILE}
     */
    public record Access(String adminToken, String adminTokenFile, @DefaultValue List<String> deviceTokens,
                         String deviceTokensFile) {
    }

    /**
     * Which browser origins may call the API from another origin (the page's own origin always may). Patterns as
     * in Spring's {@code CorsConfiguration#setAllowedOriginPatterns}, e.g. {@code https://*.plant.example} or
     * {@code http://localhost:[*]}; env {@code ZEUES_CORS_ALLOWED_ORIGINS} (comma-separated) replaces the default.
     *
     * @param allowedOrigins origin patterns; the default admits localhost and 127.0.0.1 on any port
     * @param maxAge         how long a browser may cache a preflight answer
     */
    public record Cors(@DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]", "https://localhost:[*]",
                               "https://127.0.0.1:[*]"}) List<String> allowedOrigins,
                       @DefaultValue("1h") Duration maxAge) {
    }

    /**
     * The read views and their live stream (contract §3 and §5).
     *
     * @param replayWindow        events of the last window are loaded at start and kept for {@code Last-Event-ID}
     *                            replay
     * @param replayMaxEvents     the replay buffer holds at most this many events
     * @param clientBuffer        events buffered per SSE client; a client that falls further behind is disconnected
     * @param heartbeat           a comment line this often on every SSE stream
     * @param retry               the reconnection delay SSE clients are told
     * @param kafkaStatusInterval how often the connection to Kafka is probed for the SSE {@code status} event
     */
    public record Views(@DefaultValue("1h") Duration replayWindow,
                       @DefaultValue("50000") int replayMaxEvents,
                       @DefaultValue("256") int clientBuffer,
                       @DefaultValue("15s") Duration heartbeat,
                       @DefaultValue("3s") Duration retry,
                       @DefaultValue("2s") Duration kafkaStatusInterval) {

        public static Views defaults() {
            return new Views(Duration.ofHours(1), 50_000, 256, Duration.ofSeconds(15), Duration.ofSeconds(3),
                    Duration.ofSeconds(2));
        }
    }

    public BusinessTime businessTime() {
        return new BusinessTime(businessZone);
    }

    public TopicRegistry topicRegistry() {
        return new TopicRegistry(topics.settings());
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(streams.lease, streams.leaseSweepInterval, streams.verdictRetention,
                businessTime());
    }

    public String stateDir() {
        return streams.stateDir != null && !streams.stateDir.isBlank() ? streams.stateDir : dataDir + "/streams";
    }
}
