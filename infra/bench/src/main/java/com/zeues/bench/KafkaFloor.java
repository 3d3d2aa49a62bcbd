package com.zeues.bench;

import com.zeues.topology.StreamsProperties;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bare Kafka floor: a transactional produce (one transaction per message, committed at once) to a scratch
 * topic laid out like {@code zeues.commands}, consumed {@code read_committed} as the reply consumer does, at the
 * scenario's rate in an open loop. Nothing of ZEUES in between: what Kafka itself does on this machine right now.
 */
final class KafkaFloor implements AutoCloseable {

    private final String bootstrap;
    private final String topic = "zeues-bench-floor-" + UUID.randomUUID();
    private final int partitions;
    private final Admin admin;
    private final Map<Long, CompletableFuture<LoadClient.Outcome>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ErrorTally errors = new ErrorTally("floor");
    private final List<Sender> senders = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;
    private volatile boolean running = true;

    KafkaFloor(String bootstrap, int partitions) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(p);
    }

    /** Runs the floor; {@code clients} transactional producers share the schedule (one transaction each at a time). */
    Result run(double rate, Duration warmup, Duration duration, int clients) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        startConsumer();
        for (int i = 0; i < clients; i++) {
            senders.add(new Sender(i));
        }
        OpenLoopDriver.Result r = new OpenLoopDriver(Pacer.SYSTEM).run(senders, rate, warmup, duration);
        return new Result(r.latency(), errors.count());
    }

    record Result(Latencies.Summary latency, long errors) {
    }

    private void startConsumer() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, StreamsProperties.FETCH_MAX_WAIT_MS); // as the topology's consumer
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> tps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            tps.add(new TopicPartition(topic, i));
        }
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        tps.forEach(consumer::position); // resolve the end now, before anything is produced
        poller = new Thread(() -> {
            while (running) {
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(50))) {
                    long arrived = System.nanoTime();
                    CompletableFuture<LoadClient.Outcome> f = waiting.remove(ByteBuffer.wrap(rec.value()).getLong());
                    if (f != null) {
                        f.complete(LoadClient.Outcome.at(arrived));
                    }
                }
            }
        }, "bench-floor-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    /** One transactional producer: a step is one message in its own committed transaction. */
    private final class Sender implements LoadClient {
        private final KafkaProducer<String, byte[]> producer;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-floor-producer");
            t.setDaemon(true);
            return t;
        });

        Sender(int n) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.putAll(StreamsProperties.PRODUCER); // as the topology's producer
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-" + n);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }

        @Override
        public CompletableFuture<Outcome> step() {
            long id = ids.incrementAndGet();
            CompletableFuture<Outcome> done = new CompletableFuture<>();
            waiting.put(id, done);
            thread.execute(() -> {
                try {
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, "spool-" + (id % 997),
                            ByteBuffer.allocate(8).putLong(id).array()));
                    producer.commitTransaction();
                } catch (RuntimeException e) {
                    errors.record("transaction " + id + ": " + e);
                    waiting.remove(id);
                    done.complete(Outcome.at(System.nanoTime()));
                    try {
                        producer.abortTransaction();
                    } catch (RuntimeException ignored) {
                        // a fenced or failed producer: the error is counted above
                    }
                }
            });
            return done.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
                errors.record("message " + id + " not consumed within 10 s");
                waiting.remove(id);
                return Outcome.at(System.nanoTime());
            });
        }

        void close() {
            thread.shutdown();
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        senders.forEach(Sender::close);
        if (poller != null) {
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(2));
        }
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("could not delete scratch topic " + topic + ": " + e);
        }
        admin.close(Duration.ofSeconds(5));
    }
}
