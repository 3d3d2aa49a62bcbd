package com.zeues.occupation.streams;

import com.zeues.occupation.cluster.InstanceAddress;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.topology.BoundedMemoryRocksDBConfig;
import com.zeues.topology.StreamsProperties;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import com.zeues.topology.ZeuesTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hosts the topology: provisions the topics, then starts Kafka Streams, retrying in the background while
 * Kafka is unreachable so the service comes up (and says so in /api/health) instead of crashing.
 */
@Component
public class TopologyRunner implements SmartLifecycle, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopologyRunner.class);

    private final ZeuesProperties props;
    private final TopicRegistry topics;
    private final ObjectProvider<MeterRegistry> meters;
    private final InstanceAddress address;
    private final StoreRestoration restoration;
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    private volatile boolean running;
    private volatile String lastError;
    private Thread starter;
    private volatile MeterRegistry registry;

    public TopologyRunner(ZeuesProperties props, TopicRegistry topics, ObjectProvider<MeterRegistry> meters,
                          InstanceAddress address, StoreRestoration restoration) {
        this.props = props;
        this.topics = topics;
        this.meters = meters;
        this.address = address;
        this.restoration = restoration;
    }

    /**
     * Starts the topology as soon as this bean exists, not when the context has finished: topic checks, the group
     * join and the restoration then overlap the rest of the service's start-up (several seconds on two cores)
     * instead of following it.
     */
    @Override
    public void afterPropertiesSet() {
        registry = meters.getIfAvailable(); // here, on the thread creating the beans, not on the starter's
        start();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        starter = new Thread(this::startWithRetry, "zeues-topology-starter");
        starter.setDaemon(true);
        starter.start();
    }

    /** A context that fails to start after this bean was created still closes the topology. */
    @Override
    public void destroy() {
        stop();
    }

    private void startWithRetry() {
        long backoffMs = 500;
        while (running && streams.get() == null) {
            if (address.known().isEmpty()) {
                sleep(50); // a random port: the web server is about to take it
                continue;
            }
            try {
                try (Admin admin = Admin.create(adminProps())) {
                    TopicProvisioner.ensure(admin, topics.all());
                }
                KafkaStreams ks = new KafkaStreams(ZeuesTopology.build(topics, props.topologySettings()),
                        streamsProps());
                ks.setUncaughtExceptionHandler(e -> {
                    log.error("stream thread failed; replacing it", e);
                    return StreamThreadExceptionResponse.REPLACE_THREAD;
                });
                ks.setStateListener((now, before) -> log.info("topology state {} -> {}", before, now));
                restoration.reset();
                ks.setGlobalStateRestoreListener(restoration);
                // Streams' own metrics on /actuator/prometheus: among them the records the dead-letter handler
                // took out of the stream (kafka_stream_task_dropped_records_total), to alert on
                if (registry != null) {
                    new KafkaStreamsMetrics(ks).bindTo(registry);
                }
                ks.start();
                streams.set(ks);
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                log.warn("cannot start the topology yet ({}); retrying in {} ms", e.getMessage(), backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 2_000); // Kafka starting beside us: look again soon
            }
        }
    }

    private Properties adminProps() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return p;
    }

    private Properties streamsProps() {
        ZeuesProperties.Streams s = props.streams();
        Properties p = StreamsProperties.of(s.applicationId(), props.bootstrapServers(), props.stateDir(), topics,
                s.commitInterval().toMillis());
        p.put(BoundedMemoryRocksDBConfig.TOTAL_BYTES_CONFIG, Long.toString(s.rocksdbTotalBytes()));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // several instances: each advertises where it answers queries for the spools it owns
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, InstanceAddress.text(address.self()));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, s.standbyReplicas());
        // a task moves to an instance whose copy is at most this far behind; a farther one warms up first
        // (docs/operations.md, "Scaling out")
        p.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, s.acceptableRecoveryLag());
        // static membership: a restarted instance takes its partitions back at once instead of waiting for the
        // broker to expire its previous incarnation (session timeout)
        p.put(StreamsConfig.mainConsumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                s.applicationId() + "-" + props.commands().replyPartition());
        return p;
    }

    /** The running instance, or null while it has not started yet. */
    public KafkaStreams streams() {
        return streams.get();
    }

    public KafkaStreams.State state() {
        KafkaStreams ks = streams.get();
        return ks == null ? KafkaStreams.State.CREATED : ks.state();
    }

    public boolean isTopologyRunning() {
        return state() == KafkaStreams.State.RUNNING;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void stop() {
        running = false;
        KafkaStreams ks = streams.getAndSet(null);
        if (ks != null) {
            // leave the group: a restarted or replacing instance gets the partitions now, not after the
            // session timeout (45 s) expires the old member
            ks.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stops after the web server has drained its requests
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
