package com.zeues.occupation.health;

import com.zeues.domain.json.DomainJson;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.topology.TopicRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Contract §6's {@code sheets_connection} and {@code sheets_sink}, computed on every call, never cached:
 * <ul>
 * <li>{@code pending_events} and {@code oldest_pending_age_s} from Kafka: the sheet sink group's committed offsets
 * against the end offsets of {@code zeues.spool-events} ({@code read_committed}, AdminClient, 1 s timeout), and the
 * time of the first committed record after the group's offset on each partition that is behind (a group-less
 * consumer, same deadline);</li>
 * <li>{@code sheets_connection}, {@code last_success} and {@code last_error} from the connector that runs the sink
 * ({@code GET <zeues.connector-url>/api/sheets/sink}, 1 s timeout), which knows whether the spreadsheet answers.</li>
 * </ul>
 * A connector that does not answer is an {@code error} when the sink group has committed offsets (a sink runs for
 * this system and is down), and {@code disabled} when it has none (no sink was ever deployed). The sink is behind
 * when its oldest unwritten event is older than {@code zeues.sheets-sink.behind-threshold} (60 s).
 */
@Component
public class SheetSinkStatus implements DisposableBean {

    private static final int TIMEOUT_MS = 1_000;

    /** What health shows: the connection, the {@code sheets_sink} object, whether it degrades, and details. */
    public record Snapshot(String connection, Map<String, Object> sink, boolean degraded,
                           Map<String, Object> details) {
    }

    private record KafkaSide(boolean committed, Long pending, Long oldestAgeS, String error) {
    }

    private record ConnectorSide(boolean answered, String connection, String state, String lastSuccess,
                                 String lastError, String error) {
    }

    private final boolean enabled;
    private final Duration behindThreshold;
    private final URI statusUri;
    private final String connectorUrl;
    private final String groupId;
    private final String topic;
    private final int partitions;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final HttpClient http;

    @Autowired
    public SheetSinkStatus(ZeuesProperties props, TopicRegistry topics,
                           @Value("${zeues.connector-url:http://127.0.0.1:${ZEUES_CONNECTOR_PORT:8081}}")
                           String connectorUrl,
                           @Value("${zeues.sheets-sink.enabled:true}") boolean enabled,
                           @Value("${zeues.sheets-sink.behind-threshold:60s}") Duration behindThreshold) {
        this(props.bootstrapServers(), props.topics().prefix(), topics, props.streams().applicationId()
                + "-sheet-sink-health", connectorUrl, enabled, behindThreshold);
    }

    /** Without Spring: Kafka at {@code bootstrapServers}, the sink group of {@code topicPrefix}. */
    public SheetSinkStatus(String bootstrapServers, String topicPrefix, TopicRegistry topics, String clientId,
                           String connectorUrl, boolean enabled, Duration behindThreshold) {
        this.enabled = enabled;
        this.behindThreshold = behindThreshold;
        this.connectorUrl = connectorUrl.endsWith("/") ? connectorUrl.substring(0, connectorUrl.length() - 1)
                : connectorUrl;
        this.statusUri = URI.create(this.connectorUrl + "/api/sheets/sink");
        // the connector names its sink's group so (ConnectorConfiguration.sinkGroupId)
        this.groupId = topicPrefix + "zeues-sheets-sink";
        this.topic = topics.spoolEvents.name();
        this.partitions = topics.spoolEvents.partitions();
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        this.admin = Admin.create(a);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(TIMEOUT_MS)).build();
    }

    public Snapshot check() {
        if (!enabled) {
            return disabled(Map.of("reason", "zeues.sheets-sink.enabled=false"));
        }
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(statusUri)
                .timeout(Duration.ofMillis(TIMEOUT_MS)).GET().build(), HttpResponse.BodyHandlers.ofString());
        KafkaSide kafka = kafka();
        ConnectorSide connector = connector(answer);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connector_url", connectorUrl);
        details.put("group_id", groupId);
        details.put("sink_state", connector.state());
        details.put("connector_error", connector.error());
        details.put("kafka_error", kafka.error());
        if (!connector.answered() && !kafka.committed() && kafka.error() == null) {
            details.put("reason", "no sheet sink answers and group " + groupId + " never committed: none runs");
            return disabled(details);
        }
        if (connector.answered() && "disabled".equals(connector.connection())) {
            details.put("reason", "the connector's sink is disabled (zeues.sink.enabled=false)");
            return disabled(details);
        }
        String connection = connector.answered() ? connector.connection() : "error";
        String lastError = connector.answered() ? connector.lastError()
                : "sheets connector unreachable at " + connectorUrl + ": " + connector.error();
        Map<String, Object> sink = new LinkedHashMap<>();
        sink.put("pending_events", kafka.pending());
        sink.put("oldest_pending_age_s", kafka.oldestAgeS());
        sink.put("last_success", connector.lastSuccess());
        sink.put("last_error", lastError);
        boolean behind = kafka.oldestAgeS() != null && kafka.oldestAgeS() > behindThreshold.toSeconds();
        details.put("behind", behind);
        return new Snapshot(connection, sink, "error".equals(connection) || behind, details);
    }

    private static Snapshot disabled(Map<String, Object> details) {
        Map<String, Object> sink = new LinkedHashMap<>();
        sink.put("pending_events", null);
        sink.put("oldest_pending_age_s", null);
        sink.put("last_success", null);
        sink.put("last_error", null);
        return new Snapshot("disabled", sink, false, details);
    }

    // ---- the connector ----------------------------------------------------------------------------------------

    private ConnectorSide connector(CompletableFuture<HttpResponse<String>> answer) {
        try {
            HttpResponse<String> r = answer.get(TIMEOUT_MS + 200L, TimeUnit.MILLISECONDS);
            if (r.statusCode() != 200) {
                return unanswered(statusUri + " answered HTTP " + r.statusCode());
            }
            JsonNode body = DomainJson.mapper().readTree(r.body());
            String group = text(body.get("group_id"));
            if (!groupId.equals(group)) {
                return unanswered("the connector at " + connectorUrl + " runs group " + group + ", not " + groupId);
            }
            String state = text(body.get("state"));
            String conn = text(body.get("sheets_connection"));
            String connection = "disabled".equals(conn) || "disabled".equals(state) ? "disabled"
                    : "error".equals(conn) || "stopped".equals(state) ? "error" : "ok";
            return new ConnectorSide(true, connection, state, text(body.get("last_success")),
                    text(body.get("last_error")), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unanswered("interrupted");
        } catch (Exception e) {
            answer.cancel(true);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // words, not the exception's class name: /api/health is an answer like any other
            boolean late = cause instanceof java.net.http.HttpTimeoutException
                    || e instanceof java.util.concurrent.TimeoutException;
            String why = cause instanceof java.net.ConnectException ? "connection refused"
                    : late ? "no answer within " + TIMEOUT_MS + " ms" : "unreachable";
            return unanswered("the connector at " + connectorUrl + " did not answer: " + why);
        }
    }

    private static ConnectorSide unanswered(String error) {
        return new ConnectorSide(false, null, null, null, null, error);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------

    /** The sink group's backlog on zeues.spool-events and the age of its oldest record. One caller at a time. */
    private synchronized KafkaSide kafka() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId,
                            new ListConsumerGroupOffsetsOptions().timeoutMs(TIMEOUT_MS))
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                latest.put(tp, OffsetSpec.latest());
                if (committed.get(tp) == null) {
                    earliest.put(tp, OffsetSpec.earliest());
                }
            }
            ListOffsetsOptions opts = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(TIMEOUT_MS);
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest, opts).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            Map<TopicPartition, Long> start = new HashMap<>();
            if (!earliest.isEmpty()) {
                admin.listOffsets(earliest, opts).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        .forEach((tp, info) -> start.put(tp, info.offset()));
            }
            committed.forEach((tp, o) -> {
                if (o != null && tp.topic().equals(topic)) {
                    start.put(tp, o.offset());
                }
            });
            Map<TopicPartition, Long> behind = new HashMap<>();
            end.forEach((tp, e) -> {
                long s = start.getOrDefault(tp, 0L);
                if (e > s) {
                    behind.put(tp, e - s);
                }
            });
            boolean hasCommits = committed.values().stream().anyMatch(o -> o != null);
            if (behind.isEmpty()) {
                return new KafkaSide(hasCommits, 0L, null, null);
            }
            return oldest(behind, start, end, deadline, hasCommits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KafkaSide(false, null, null, "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new KafkaSide(false, null, null, String.valueOf(cause.getMessage()));
        }
    }

    /**
     * The first committed record after the group's offset on each partition that is behind. A partition whose
     * range holds only transaction markers is not behind; the offsets of the others count as pending (an upper
     * bound of the events: the topology's commit markers take offsets too).
     */
    private KafkaSide oldest(Map<TopicPartition, Long> behind, Map<TopicPartition, Long> start,
                             Map<TopicPartition, Long> end, long deadline, boolean hasCommits) {
        List<TopicPartition> tps = new ArrayList<>(behind.keySet());
        consumer.assign(tps);
        tps.forEach(tp -> consumer.seek(tp, start.get(tp)));
        Set<TopicPartition> open = new HashSet<>(tps);
        Long oldest = null;
        long pending = 0;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(Math.min(left, 200)))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (open.remove(tp) && r.offset() < end.get(tp)) {
                    oldest = oldest == null ? r.timestamp() : Math.min(oldest, r.timestamp());
                    pending += end.get(tp) - r.offset();
                    consumer.pause(List.of(tp));
                }
            }
            for (TopicPartition tp : new ArrayList<>(open)) {
                if (consumer.position(tp, Duration.ofMillis(TIMEOUT_MS)) >= end.get(tp)) {
                    open.remove(tp); // only markers between the group's offset and the end
                }
            }
        }
        for (TopicPartition tp : open) {
            pending += behind.get(tp); // not read in time: counted, age unknown
        }
        consumer.unsubscribe();
        Long age = oldest == null ? null : Math.max(0, (Instant.now().toEpochMilli() - oldest) / 1000);
        return new KafkaSide(hasCommits, pending, age, null);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
        synchronized (this) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
