package com.zeues.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.kafkalocal.KafkaLocalCluster;
import com.zeues.local.PieceByPieceStack;
import com.zeues.local.e2e.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: the local default's processes (emulator, connector, occupation service) on a local cluster of three
 * brokers, every topic with three replicas ({@code ZEUES_TOPICS_REPLICATION=3}, Kafka Streams' internal topics
 * follow it). Under load, the broker that coordinates the topology's transactions is killed with SIGKILL; the load
 * goes on, and afterwards every acknowledged command is in {@code zeues.spool-events} exactly once, no answer was a
 * 500 (503 and 504 are retried with the same key until the verdict comes), a retry with the same Idempotency-Key gets
 * the first verdict, and the service is healthy. The killed broker
 * is then restarted and rejoins: every partition has its three replicas in sync again. Durations are printed.
 */
class BrokerClusterIT {

    static final int OPS_PER_SECOND = 100;
    static final List<String> SPOOLS = FaultsIT.READY_FOR_ARM.subList(0, 40);
    static final Duration BEFORE_KILL = Duration.ofSeconds(8);
    static final Duration MAX_BEFORE_KILL = Duration.ofSeconds(40);
    /** Load on two brokers: the failover (a session timeout of 4 s, new leaders, a new coordinator) and after. */
    static final Duration ON_TWO_BROKERS = Duration.ofSeconds(15);
    /** The occupation service's default application.id: its transactional ids start with it. */
    static final String TOPOLOGY_TRANSACTIONS = "zeues-occupation";

    Path dir;
    KafkaLocalCluster cluster;
    PieceByPieceStack stack;
    OperationLoad load;

    @Test
    void aBrokerKilledUnderLoadLosesNothingAcknowledgedAndRejoins() throws Exception {
        long t0 = System.nanoTime();
        dir = Files.createTempDirectory("zeues-cluster");
        Path data = dir.resolve("data");
        cluster = PieceByPieceStack.cluster(data).build().start();
        say("3 brokers ready in %d ms at %s", ms(t0), cluster.bootstrapServers());
        long t1 = System.nanoTime();
        stack = PieceByPieceStack.startOn(data, cluster.bootstrapServers(), Map.of("ZEUES_TOPICS_REPLICATION", "3"));
        say("stack on the cluster operational in %d ms (logs in %s)", ms(t1), stack.logDir());
        Http api = new Http(stack.serviceUrl());
        AcknowledgedChangesAudit audit = new AcknowledgedChangesAudit(cluster.bootstrapServers(), stack.serviceUrl());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            // every topic, the system's, Kafka Streams' and the brokers' own, has its three replicas in sync
            awaitInSync(admin, Duration.ofSeconds(30));
            Set<String> topics = topics(admin);
            assertThat(topics).contains("zeues.commands", AcknowledgedChangesAudit.EVENTS, "__consumer_offsets",
                    "__transaction_state").anyMatch(t -> t.startsWith(TOPOLOGY_TRANSACTIONS) && t.endsWith("-changelog"));
            say("%d topics, every partition on 3 brokers, 3 in sync", topics.size());

            load = OperationLoad.start(stack.serviceUrl(), SPOOLS, OPS_PER_SECOND, "cluster");
            // at least BEFORE_KILL and one command per spool: a loaded machine reaches the rate later
            long loadedAt = System.nanoTime();
            Thread.sleep(BEFORE_KILL.toMillis());
            while (load.acks().size() < SPOOLS.size() && System.nanoTime() - loadedAt < MAX_BEFORE_KILL.toNanos()) {
                Thread.sleep(500);
            }
            int before = load.acks().size();
            assertThat(before).as("the load reached the service").isGreaterThanOrEqualTo(SPOOLS.size());
            int victim = victim(admin);
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            say("%d operations acknowledged in %d ms (%s, outcomes %s); kill -9 of broker %d", before, ms(loadedAt),
                    load.okLatencies(), load.outcomes(), victim);

            List<String> healthDuring = new ArrayList<>();
            while (System.nanoTime() - killedAt < ON_TWO_BROKERS.toNanos()) {
                Http.Response h = api.get("/api/health");
                assertThat(h.status()).as("/api/health always answers 200").isEqualTo(200);
                healthDuring.add(h.body().get("status").asString());
                Thread.sleep(1_000);
            }
            say("on 2 brokers for %d s: /api/health said %s; %s", ON_TWO_BROKERS.toSeconds(), healthDuring,
                    load.outcomes());
            assertThat(load.acks().stream().filter(a -> a.nanos() > killedAt + Duration.ofSeconds(8).toNanos()))
                    .as("acknowledged on two brokers, after the failover").isNotEmpty();

            long restartAt = System.nanoTime();
            cluster.start(victim);
            say("broker %d restarted and registered in %d ms", victim, ms(restartAt));
            awaitInSync(admin, Duration.ofSeconds(60));
            say("every partition has 3 replicas in sync again %d ms after the restart", ms(restartAt));
            long rejoinedAt = System.nanoTime();
            Thread.sleep(3_000);
            List<String> unresolved = load.stop(Duration.ofSeconds(30));

            say("outcomes %s, max latency %d ms, %s, %d acknowledged", load.outcomes(), load.maxLatencyMs(),
                    load.okLatencies(), load.acks().size());
            assertThat(load.anomalies()).as("wrong verdicts, 500s or hangs").isEmpty();
            assertThat(unresolved).as("commands left without a verdict").isEmpty();
            // 503/504 in the failover; on a loaded 2-core machine a 504 also before it (three copies of every write
            // make the transactions slower than on one broker): each one resolved by a retry with its key
            assertThat(load.outcomes().keySet()).as("answers: 200, 503 or 504, never a 500")
                    .allMatch(k -> k.equals("200") || k.equals("503") || k.equals("504"));
            assertThat(load.acks().stream().filter(a -> a.nanos() > rejoinedAt))
                    .as("acknowledged with the three brokers back").isNotEmpty();

            long back = System.nanoTime();
            awaitHealth(api, Duration.ofSeconds(60));
            say("/api/health healthy %d ms after the load stopped", ms(back));

            long t2 = System.nanoTime();
            audit.verify(SPOOLS, load.acks(), Set.of(), Duration.ofSeconds(60));
            say("audit of %d spools in %d ms", SPOOLS.size(), ms(t2));
            // the commands answered on two brokers, the failover's among them: each that got a 503 or a 504 first
            // was retried by OperationLoad with its key until its verdict came; now once more
            long t3 = System.nanoTime();
            long onThreeAgain = killedAt + ON_TWO_BROKERS.toNanos();
            List<OperationLoad.Ack> onTwo = load.acks().stream()
                    .filter(a -> a.nanos() > killedAt && a.nanos() < onThreeAgain).toList();
            audit.verifyRetries(SPOOLS, onTwo);
            say("%d retries with the same key of the commands acknowledged on two brokers answered the first verdict"
                    + " in %d ms; test %d ms", onTwo.size(), ms(t3), ms(t0));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (load != null) {
            load.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (cluster != null) {
            long t = System.nanoTime();
            cluster.close();
            say("cluster stopped in %d ms", ms(t));
        }
        // the bulk (the brokers' data, state stores) goes; the logs stay for a post-mortem
        for (String bulk : dir == null ? List.<String>of()
                : List.of("data/kafka-1/data", "data/kafka-2/data", "data/kafka-3/data", "data/streams")) {
            Path p = dir.resolve(bulk);
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * The broker to kill: the coordinator of the topology's transactions (its loss tests exactly-once the hardest),
     * else the active KRaft controller. Printed with what else it leads.
     */
    private static int victim(Admin admin) throws Exception {
        int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
        List<String> ids = new ArrayList<>();
        for (TransactionListing t : admin.listTransactions().all().get()) {
            if (t.transactionalId().startsWith(TOPOLOGY_TRANSACTIONS)) {
                ids.add(t.transactionalId());
            }
        }
        Map<Integer, Integer> coordinated = new TreeMap<>();
        if (!ids.isEmpty()) {
            for (TransactionDescription d : admin.describeTransactions(ids).all().get().values()) {
                coordinated.merge(d.coordinatorId(), 1, Integer::sum);
            }
        }
        int victim = coordinated.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(controller);
        long leads = describe(admin, List.of("zeues.commands")).get("zeues.commands").partitions().stream()
                .filter(p -> p.leader() != null && p.leader().id() == victim).count();
        say("victim: broker %d, coordinator of %d of the topology's %d transactional ids %s, leader of %d partitions of"
                + " zeues.commands; the active controller is broker %d", victim, coordinated.getOrDefault(victim, 0),
                ids.size(), coordinated, leads, controller);
        return victim;
    }

    private static Set<String> topics(Admin admin) {
        try {
            return new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every partition of every topic has three replicas, all three in sync. */
    private static void awaitInSync(Admin admin, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> off = notInSync(admin);
        while (!off.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("partitions without three replicas in sync after " + timeout.toSeconds()
                        + " s: " + off);
            }
            Thread.sleep(250);
            off = notInSync(admin);
        }
    }

    private static List<String> notInSync(Admin admin) {
        List<String> off = new ArrayList<>();
        describe(admin, topics(admin)).forEach((name, d) -> {
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.replicas().size() != 3 || p.isr().size() != 3) {
                    off.add(name + "-" + p.partition() + " replicas " + p.replicas() + " isr " + p.isr());
                }
            }
        });
        return off;
    }

    private static void awaitHealth(Http api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/health").body();
            if (last != null && "healthy".equals(last.get("status").asString())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/api/health not healthy within " + timeout.toSeconds() + " s: " + last);
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void say(String format, Object... args) {
        System.out.printf("[BrokerClusterIT] " + format + "%n", args);
    }
}
