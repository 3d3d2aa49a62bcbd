package com.zeues.bench;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.topology.BoundedMemoryRocksDBConfig;
import com.zeues.topology.StreamsProperties;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import com.zeues.topology.TopologySettings;
import com.zeues.topology.ZeuesTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The topology alone: the service's Kafka Streams topology, with the service's streams settings (exactly-once v2,
 * the same commit interval, one stream thread) on its own topic prefix and application id, fed commands built from
 * the domain's records by a producer set up like the service's, verdicts read {@code read_committed} from its reply
 * topic. Command in → verdict out, no HTTP: the figure the HTTP round trip is compared with.
 * Master data (workers, spools, sync markers) is published into its own topics as the connector does.
 */
final class TopologyFloor implements AutoCloseable {

    private static final int WORKER = 1;

    private final String bootstrap;
    private final long commitIntervalMs;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "zeues-bench-topology-" + runId;
    private final TopicRegistry topics;
    private final Admin admin;
    private final Map<String, CompletableFuture<Verdict>> waiting = new ConcurrentHashMap<>();
    private final ErrorTally errors = new ErrorTally("topology");
    private Path stateDir;
    private KafkaStreams streams;
    private KafkaProducer<String, SpoolCommand> commands;
    private KafkaConsumer<String, Verdict> replies;
    private Thread poller;
    private volatile boolean running = true;

    TopologyFloor(String bootstrap, int partitions, long commitIntervalMs) {
        this.bootstrap = bootstrap;
        this.commitIntervalMs = commitIntervalMs;
        this.topics = new TopicRegistry(new TopicRegistry.Settings("zeues-bench-" + runId + ".", partitions, 1,
                (short) 1));
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(p);
    }

    record Result(Latencies.Summary latency, long errors) {
    }

    /** Starts the topology, then runs {@code clients} spools, each alternating TOMAR and PAUSAR, at {@code rate}. */
    Result run(double rate, Duration warmup, Duration duration, int clients) throws Exception {
        TopicProvisioner.ensure(admin, topics.all());
        publishMasterData(clients);
        startStreams();
        startReplies();
        commands = new KafkaProducer<>(producerProps(), new StringSerializer(),
                topics.commands.valueSerde().serializer());
        awaitReady(tag(clients));
        List<LoadClient> spools = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            spools.add(new SpoolCycle(tag(i)));
        }
        OpenLoopDriver.Result r = new OpenLoopDriver(Pacer.SYSTEM).run(spools, rate, warmup, duration);
        return new Result(r.latency(), errors.count());
    }

    private static String tag(int i) {
        return String.format("BENCH-%05d", i);
    }

    private void publishMasterData(int spools) throws Exception {
        Properties p = producerProps();
        long syncId = System.currentTimeMillis();
        try (var w = new KafkaProducer<>(p, new StringSerializer(), topics.workers.valueSerde().serializer());
             var s = new KafkaProducer<>(p, new StringSerializer(), topics.spools.valueSerde().serializer())) {
            w.send(new ProducerRecord<>(topics.workers.name(), Integer.toString(WORKER),
                    new Worker(WORKER, "Banco", "Pruebas", List.of("Armador"), true))).get();
            for (int i = 0; i <= spools; i++) { // one more than the clients: the readiness probe's spool
                s.send(new ProducerRecord<>(topics.spools.name(), tag(i), new SpoolMaster(tag(i), "NV-1000",
                        "OT-10000", LocalDate.of(2026, 1, 5), null, null, i + 2)));
            }
            s.flush();
            for (int part = 0; part < topics.spools.partitions(); part++) {
                s.send(new ProducerRecord<>(topics.spools.name(), part, SpoolMaster.markerKey(part),
                        SpoolMaster.marker(part, syncId))).get();
            }
            w.send(new ProducerRecord<>(topics.workers.name(), Worker.MARKER_KEY, Worker.marker(syncId))).get();
        }
    }

    /** The service's command producer: idempotent, acks=all, no linger. */
    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return p;
    }

    private void startStreams() throws Exception {
        stateDir = Files.createTempDirectory("zeues-bench-streams");
        Properties p = StreamsProperties.of(applicationId, bootstrap, stateDir.toString(), topics, commitIntervalMs);
        // as the service's TopologyRunner: bounded RocksDB memory, one stream thread
        p.put(BoundedMemoryRocksDBConfig.TOTAL_BYTES_CONFIG, Long.toString(64L * 1024 * 1024));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        streams = new KafkaStreams(ZeuesTopology.build(topics, TopologySettings.defaults()), p);
        streams.setUncaughtExceptionHandler(e -> {
            System.err.println("[topology] stream thread failed: " + e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the scratch topology did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    private void startReplies() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, StreamsProperties.FETCH_MAX_WAIT_MS);
        replies = new KafkaConsumer<>(c, new StringDeserializer(), topics.replies.valueSerde().deserializer());
        List<TopicPartition> tps = List.of(new TopicPartition(topics.replies.name(), 0));
        replies.assign(tps);
        replies.seekToEnd(tps);
        tps.forEach(replies::position);
        poller = new Thread(() -> {
            while (running) {
                for (ConsumerRecord<String, Verdict> rec : replies.poll(Duration.ofMillis(50))) {
                    Verdict v = rec.value();
                    CompletableFuture<Verdict> f = v == null ? null : waiting.remove(v.correlationId());
                    if (f != null) {
                        f.complete(v);
                    }
                }
            }
        }, "bench-topology-replies");
        poller.setDaemon(true);
        poller.start();
    }

    /** Waits until TOMAR and PAUSAR on the probe spool get a 200: the master data has been processed. */
    private void awaitReady(String probe) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        CommandType next = CommandType.TOMAR;
        while (true) {
            Verdict v = send(next, probe).get(10, TimeUnit.SECONDS);
            if (v.status() == 200) {
                if (next == CommandType.PAUSAR) {
                    return;
                }
                next = CommandType.PAUSAR;
            } else if (System.nanoTime() > until) {
                throw new IllegalStateException("the scratch topology never accepted a command: " + v.body());
            } else {
                Thread.sleep(200);
            }
        }
    }

    private CompletableFuture<Verdict> send(CommandType type, String tag) {
        String correlation = UUID.randomUUID().toString();
        CompletableFuture<Verdict> f = new CompletableFuture<>();
        waiting.put(correlation, f);
        SpoolCommand cmd = new SpoolCommand(correlation, false, correlation, 0, type, tag, WORKER, Operacion.ARM, null,
                null, null);
        commands.send(new ProducerRecord<>(topics.commands.name(), tag, cmd), (md, e) -> {
            if (e != null) {
                waiting.remove(correlation);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** One spool taken and paused in turn by one worker: every verdict must be a 200. */
    private final class SpoolCycle implements LoadClient {
        private final String tag;
        private boolean held;

        SpoolCycle(String tag) {
            this.tag = tag;
        }

        @Override
        public CompletableFuture<Outcome> step() {
            CommandType type = held ? CommandType.PAUSAR : CommandType.TOMAR;
            return send(type, tag).orTimeout(10, TimeUnit.SECONDS).handle((v, e) -> {
                long arrived = System.nanoTime();
                if (e != null) {
                    errors.record(type + " " + tag + ": " + e);
                } else if (v.status() != 200) {
                    errors.record(type + " " + tag + ": " + v.status() + " " + v.body());
                } else {
                    held = !held;
                }
                return Outcome.at(arrived);
            });
        }
    }

    @Override
    public void close() {
        running = false;
        if (commands != null) {
            commands.close(Duration.ofSeconds(5));
        }
        if (poller != null) {
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            replies.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            streams.cleanUp();
        }
        try {
            // the registry's topics and the application's changelogs
            List<String> scratch = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("zeues-bench-" + runId + ".") || t.startsWith(applicationId + "-"))
                    .toList();
            admin.deleteTopics(scratch).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("could not delete the scratch topology's topics: " + e);
        }
        admin.close(Duration.ofSeconds(5));
        deleteQuietly(stateDir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (Exception ignored) {
            // a temp dir left behind is harmless
        }
    }
}
