package com.zeues.occupation.command;

import com.zeues.domain.model.Verdict;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.topology.StreamsProperties;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the replies (committed records only, so a verdict of an aborted transaction is never seen) and hands each
 * verdict to the request waiting for it by correlation id.
 *
 * <p>A hand-written waiter rather than ReplyingKafkaTemplate: one consumer with no group, started at the end. The
 * verdicts for this instance's requests arrive on its own reply partition; it reads the others' partitions too, so
 * that {@code GET /api/operations/{id}} answers on every instance, whichever one sent the command.
 */
@Component
public class ReplyListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);

    private final ZeuesProperties props;
    private final TopicRegistry topics;
    private final OperationRegistry operations;
    private final Map<String, CompletableFuture<Verdict>> waiters = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, Verdict> consumer;
    private Thread thread;

    public ReplyListener(ZeuesProperties props, TopicRegistry topics, OperationRegistry operations) {
        this.props = props;
        this.topics = topics;
        this.operations = operations;
    }

    /** Registers interest in a verdict before its command is sent, so a fast verdict is never missed. */
    public CompletableFuture<Verdict> expect(String correlationId) {
        CompletableFuture<Verdict> f = new CompletableFuture<>();
        waiters.put(correlationId, f);
        return f;
    }

    public void forget(String correlationId) {
        waiters.remove(correlationId);
    }

    /** Whether the consumer holds its partition and knows where to read from. */
    public boolean assigned() {
        return assigned;
    }

    public int replyPartition() {
        return props.commands().replyPartition();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "zeues-reply-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, Verdict> c = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                    topics.replies.valueSerde().deserializer())) {
                consumer = c;
                List<TopicPartition> all = new ArrayList<>();
                for (int p = 0; p < topics.replies.partitions(); p++) {
                    all.add(new TopicPartition(topics.replies.name(), p));
                }
                c.assign(all);
                c.seekToEnd(all);
                for (TopicPartition tp : all) {
                    c.position(tp, Duration.ofSeconds(30)); // resolve the end now: a verdict sent after this is seen
                }
                assigned = true;
                while (running) {
                    for (ConsumerRecord<String, Verdict> r : c.poll(Duration.ofMillis(500))) {
                        deliver(r.value());
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                assigned = false;
                if (running) {
                    log.warn("reply consumer failed ({}); reconnecting", e.getMessage());
                    sleep(1_000);
                }
            } finally {
                consumer = null;
            }
        }
        assigned = false;
    }

    private void deliver(Verdict verdict) {
        if (verdict == null) {
            return;
        }
        operations.decided(verdict);
        CompletableFuture<Verdict> f = waiters.remove(verdict.correlationId());
        if (f != null) {
            f.complete(verdict);
        }
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, StreamsProperties.FETCH_MAX_WAIT_MS);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, props.streams().applicationId() + "-replies-" + replyPartition());
        return p;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, Verdict> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
