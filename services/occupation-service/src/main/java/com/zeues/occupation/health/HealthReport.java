package com.zeues.occupation.health;

import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.command.CommandSendBreaker;
import com.zeues.occupation.command.ReplyListener;
import com.zeues.occupation.cluster.MasterDataReadiness;
import com.zeues.occupation.cluster.StoreOwners;
import com.zeues.occupation.streams.StoreRestoration;
import com.zeues.occupation.streams.TopologyRunner;
import com.zeues.occupation.views.ViewConsumer;
import com.zeues.domain.time.BusinessTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Contract §6: computed fresh on every call (never a stale cache). Operational means Kafka answers a probe,
 * the topology is RUNNING with no store restoring, the master data is loaded, the read views have caught up and the
 * reply consumer holds its partition.
 */
@Component
public class HealthReport {

    private final KafkaProbe kafka;
    private final TopologyRunner runner;
    private final MasterDataReadiness masterData;
    private final ReplyListener replies;
    private final ViewConsumer views;
    private final SheetSinkStatus sheetSink;
    private final StoreOwners owners;
    private final StoreRestoration restoration;
    private final CommandSendBreaker sends;
    private final ZeuesProperties props;
    private final BusinessTime time;
    private final String version;

    public HealthReport(KafkaProbe kafka, TopologyRunner runner, MasterDataReadiness masterData, ReplyListener replies,
                        ViewConsumer views, SheetSinkStatus sheetSink, StoreOwners owners, StoreRestoration restoration,
                        CommandSendBreaker sends, ZeuesProperties props, BusinessTime time, ObjectProvider<BuildProperties> build) {
        this.kafka = kafka;
        this.runner = runner;
        this.masterData = masterData;
        this.replies = replies;
        this.views = views;
        this.sheetSink = sheetSink;
        this.owners = owners;
        this.restoration = restoration;
        this.sends = sends;
        this.props = props;
        this.time = time;
        BuildProperties b = build.getIfAvailable();
        this.version = b != null ? b.getVersion() : "dev";
    }

    /** How long a health check may take before it answers unhealthy without waiting for its probes. */
    static final java.time.Duration MAX_TIME = java.time.Duration.ofSeconds(5);

    /** The answer when {@link #compute} did not finish within {@link #MAX_TIME}: not operational, and why. */
    public Map<String, Object> unfinished() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "unhealthy");
        body.put("operational", false);
        body.put("timestamp", time.iso(Instant.now()));
        body.put("environment", props.environment());
        body.put("version", version);
        body.put("kafka_connection", "unknown");
        body.put("streams_state", runner.state().name());
        body.put("sheets_connection", "unknown");
        body.put("sheets_sink", "unknown");
        body.put("details", Map.of("error", "the health check did not finish within " + MAX_TIME.toSeconds() + " s"));
        return body;
    }

    public Map<String, Object> compute() {
        String kafkaError = kafka.probe();
        boolean topology = runner.isTopologyRunning();
        boolean master = topology && masterData.loaded();
        boolean assigned = replies.assigned();
        boolean viewsCaughtUp = views.caughtUp();
        int restoring = restoration.restoring();
        boolean operational = kafkaError == null && topology && master && assigned && viewsCaughtUp && restoring == 0;

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kafka_error", kafkaError);
        details.put("topology_error", runner.lastError());
        details.put("master_data_loaded", master);
        details.put("reply_consumer_assigned", assigned);
        details.put("reply_partition", replies.replyPartition());
        details.put("partitions_held", topology ? owners.lastHeldHere() : List.of());
        details.put("stores_restoring", restoring);
        details.put("views_caught_up", viewsCaughtUp);
        details.put("views_lag", views.lag());
        details.put("command_sends", sends.state());
        details.put("bootstrap_servers", props.bootstrapServers());

        SheetSinkStatus.Snapshot sheets = sheetSink.check();
        details.put("sheets_sink", sheets.details());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !operational ? "unhealthy" : sheets.degraded() ? "degraded" : "healthy");
        body.put("operational", operational);
        body.put("timestamp", time.iso(Instant.now()));
        body.put("environment", props.environment());
        body.put("version", version);
        body.put("kafka_connection", kafkaError == null ? "ok" : "error");
        body.put("streams_state", runner.state().name());
        body.put("sheets_connection", sheets.connection());
        body.put("sheets_sink", sheets.sink());
        body.put("details", details);
        return body;
    }
}
