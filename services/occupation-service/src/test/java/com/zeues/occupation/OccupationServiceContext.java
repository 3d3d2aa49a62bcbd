package com.zeues.occupation;

import static org.awaitility.Awaitility.await;

import com.zeues.topology.TopicRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the occupation service as a real application on a free port against a given broker, isolated by
 * topic prefix, application id and data dir; can be stopped and started again on the same state.
 */
public final class OccupationServiceContext implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final String bootstrap;
    private final String id;
    private final Path dataDir;
    private final List<String> extra = new ArrayList<>();
    /** A peer runs on Netty resources of its own, so that stopping it leaves the first instance's server alone. */
    private boolean ownNettyResources;
    private ConfigurableApplicationContext context;

    public OccupationServiceContext(String bootstrap, String... extraProperties) {
        this(bootstrap, "it" + UUID.randomUUID().toString().substring(0, 8), extraProperties);
    }

    private OccupationServiceContext(String bootstrap, String id, String... extraProperties) {
        this.bootstrap = bootstrap;
        this.id = id;
        this.extra.addAll(List.of(extraProperties));
        try {
            this.dataDir = Files.createTempDirectory("zeues-" + id);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another instance of the same service (same application id and topics, its own data dir and the given reply
     * partition): the two share the topology's partitions.
     */
    public OccupationServiceContext peer(int replyPartition, String... extraProperties) {
        List<String> props = new ArrayList<>(List.of(extraProperties));
        props.add("zeues.commands.reply-partition=" + replyPartition);
        OccupationServiceContext peer = new OccupationServiceContext(bootstrap, id, props.toArray(String[]::new));
        peer.ownNettyResources = true;
        return peer;
    }

    public TopicRegistry topics() {
        return new TopicRegistry(new TopicRegistry.Settings(prefix(), 3, 2, (short) 1));
    }

    public String prefix() {
        return id + ".";
    }

    public String bootstrap() {
        return bootstrap;
    }

    public OccupationServiceContext start() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--zeues.bootstrap-servers=" + bootstrap,
                "--zeues.data-dir=" + dataDir,
                "--zeues.topics.prefix=" + prefix(),
                "--zeues.topics.partitions=3",
                "--zeues.topics.reply-partitions=2",
                "--zeues.streams.application-id=" + id,
                "--zeues.access.admin-token=" + ADMIN_TOKEN));
        extra.forEach(p -> args.add("--" + p));
        SpringApplicationBuilder app = ownNettyResources
                ? new SpringApplicationBuilder(OccupationServiceApplication.class, IsolatedNettyResources.class)
                : new SpringApplicationBuilder(OccupationServiceApplication.class);
        context = app.run(args.toArray(String[]::new));
        return this;
    }

    /**
     * The demo master data published, the service started, and waited for until {@code /api/health} says
     * operational: what most API tests need before their first request. Returns a client of the service.
     */
    public ApiClient startOperational() {
        MasterDataFixture.publish(bootstrap, topics(), 1_000L);
        start();
        ApiClient api = new ApiClient(port());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/health").body().get("operational").asBoolean());
        return api;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
