package com.zeues.kafkalocal;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Waits until a Kafka cluster answers an AdminClient {@code describeCluster} with the brokers expected (at least one,
 * a given node, or a given number), and, when a cluster id is expected, with that id: so another broker already
 * listening on the port never passes for ours. {@code describeCluster} lists the brokers that are registered and not
 * fenced, so a node listed there has caught up with the metadata and serves.
 */
public final class BrokerReadiness {

    private static final long POLL_MS = 200;

    private BrokerReadiness() {
    }

    /** Thrown when the cluster did not answer in time, or the process it was waiting for ended. */
    public static final class NotReady extends Exception {
        NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Waits for any cluster at {@code bootstrapServers} (an external one, say). */
    public static void await(String bootstrapServers, Duration timeout, BooleanSupplier stillAlive) throws NotReady {
        await(bootstrapServers, timeout, stillAlive, id -> true, "any", nodes -> !nodes.isEmpty(), "a broker");
    }

    /**
     * Waits for the cluster whose id {@code expectedClusterId} gives (read at each try: a local broker writes it as
     * it starts; while it is empty no answer counts); gives up after {@code timeout}, or as soon as
     * {@code stillAlive} says the broker process has ended.
     */
    public static void awaitCluster(String bootstrapServers, Duration timeout, BooleanSupplier stillAlive,
            Supplier<Optional<String>> expectedClusterId) throws NotReady {
        await(bootstrapServers, timeout, stillAlive, sameId(expectedClusterId), "the one of this data directory",
                nodes -> !nodes.isEmpty(), "a broker");
    }

    /** As {@link #awaitCluster}, until the broker with node id {@code nodeId} is among the cluster's brokers. */
    public static void awaitBroker(String bootstrapServers, int nodeId, Duration timeout, BooleanSupplier stillAlive,
            Supplier<Optional<String>> expectedClusterId) throws NotReady {
        await(bootstrapServers, timeout, stillAlive, sameId(expectedClusterId), "the one of this data directory",
                nodes -> nodes.stream().anyMatch(n -> n.id() == nodeId), "broker " + nodeId);
    }

    /** As {@link #awaitCluster}, until the cluster has at least {@code brokers} brokers registered and serving. */
    public static void awaitBrokers(String bootstrapServers, int brokers, Duration timeout, BooleanSupplier stillAlive,
            Supplier<Optional<String>> expectedClusterId) throws NotReady {
        await(bootstrapServers, timeout, stillAlive, sameId(expectedClusterId), "the one of this cluster",
                nodes -> nodes.size() >= brokers, brokers + " brokers");
    }

    private static Predicate<String> sameId(Supplier<Optional<String>> expectedClusterId) {
        return id -> expectedClusterId.get().map(id::equals).orElse(false);
    }

    private static void await(String bootstrapServers, Duration timeout, BooleanSupplier stillAlive,
            Predicate<String> acceptsClusterId, String expected, Predicate<Collection<Node>> enough,
            String brokersExpected) throws NotReady {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        try (Admin admin = Admin.create(adminProperties(bootstrapServers))) {
            while (true) {
                if (!stillAlive.getAsBoolean()) {
                    throw new NotReady("the broker process ended", last);
                }
                try {
                    DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
                    Collection<Node> nodes = cluster.nodes().get();
                    String clusterId = cluster.clusterId().get();
                    if (!acceptsClusterId.test(clusterId)) {
                        last = new IllegalStateException(bootstrapServers + " is answered by a cluster with id "
                                + clusterId + ", expected " + expected);
                    } else if (enough.test(nodes)) {
                        return;
                    } else {
                        last = new IllegalStateException("waiting for " + brokersExpected + ", the cluster has "
                                + nodes);
                    }
                } catch (ExecutionException e) {
                    last = e.getCause();
                }
                if (System.nanoTime() > deadline) {
                    throw new NotReady(bootstrapServers + " did not answer describeCluster within " + timeout.toSeconds()
                            + " s" + (last == null ? "" : " (last error: " + last + ")"), last);
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while waiting for " + bootstrapServers, e);
        }
    }

    private static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "zeues-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        props.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        return props;
    }
}
