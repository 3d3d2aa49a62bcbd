package com.zeues.local.faults;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tablets at a steady rate: one lane per spool, each a worker taking the spool (ARM) and pausing it, then the next
 * worker, every command with its own Idempotency-Key. A lane has one command in flight; a 503, a 504 or a
 * connection failure is retried with the same key until a verdict comes, as a tablet would. Every 200 is recorded;
 * anything else a lane could not expect (a 500, a 4xx: each lane is the only client of its spool, so its verdicts
 * are known in advance; an answer slower than the timeout) is an anomaly.
 */
final class OperationLoad implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] ARM_WORKERS = {93, 94, 95, 99, 102, 103};

    /** A command that got 200: its key, what it was, and the verdict's version and body. */
    record Ack(String tag, String path, String key, String requestBody, int workerId, long version, JsonNode body,
               long nanos) {
        String evento() {
            return path.endsWith("tomar") ? "TOMAR_SPOOL" : "PAUSAR_SPOOL";
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final List<Lane> lanes = new ArrayList<>();
    private final ConcurrentLinkedQueue<Lane> idle = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> anomalies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> outcomes = Collections.synchronizedMap(new TreeMap<>());
    private final AtomicLong maxLatencyMs = new AtomicLong();
    private final List<Long> okLatenciesMs = Collections.synchronizedList(new ArrayList<>());
    private final String keyPrefix;
    private volatile boolean stopping;

    private OperationLoad(String base, List<String> tags, String keyPrefix) {
        this.base = base;
        this.keyPrefix = keyPrefix;
        for (int i = 0; i < tags.size(); i++) {
            Lane lane = new Lane(tags.get(i), i);
            lanes.add(lane);
            idle.add(lane);
        }
    }

    /** Starts {@code opsPerSecond} commands per second over {@code tags}, one lane per tag. */
    static OperationLoad start(String base, List<String> tags, int opsPerSecond, String keyPrefix) {
        OperationLoad load = new OperationLoad(base, tags, keyPrefix);
        long periodMicros = 1_000_000L / opsPerSecond;
        load.ticker.scheduleAtFixedRate(load::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        return load;
    }

    private void tick() {
        Lane lane = idle.poll();
        if (lane == null) {
            return; // every lane busy: the rate drops rather than piling up requests
        }
        if (stopping && lane.pending == null) {
            lane.done = true;
            return;
        }
        lane.fire();
    }

    /**
     * Stops starting new commands and waits until every lane's command in flight has its verdict (retrying as
     * needed) or {@code drain} has passed. Returns the lanes' descriptions of commands left without a verdict.
     */
    List<String> stop(Duration drain) {
        stopping = true;
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && lanes.stream().anyMatch(l -> !l.done)) {
            sleep(100);
        }
        ticker.shutdownNow();
        List<String> unresolved = new ArrayList<>();
        for (Lane l : lanes) {
            if (l.pending != null) {
                unresolved.add(l.tag + " " + l.pending.path + " key " + l.pending.key);
            }
        }
        return unresolved;
    }

    @Override
    public void close() {
        stopping = true;
        ticker.shutdownNow();
    }

    List<Ack> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    List<String> anomalies() {
        synchronized (anomalies) {
            return List.copyOf(anomalies);
        }
    }

    /** How many answers of each kind: HTTP status, or the exception's simple name. */
    Map<String, Long> outcomes() {
        synchronized (outcomes) {
            Map<String, Long> copy = new TreeMap<>();
            outcomes.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }

    long maxLatencyMs() {
        return maxLatencyMs.get();
    }

    /** p50 and p99 of the 200s' latencies, for the log. */
    String okLatencies() {
        List<Long> sorted;
        synchronized (okLatenciesMs) {
            sorted = new ArrayList<>(okLatenciesMs);
        }
        if (sorted.isEmpty()) {
            return "no 200";
        }
        Collections.sort(sorted);
        return "200 latency p50 " + sorted.get(sorted.size() / 2) + " ms, p99 "
                + sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) + " ms";
    }

    long count(String outcome) {
        return outcomes().getOrDefault(outcome, 0L);
    }

    private void count(String outcome, long started) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        maxLatencyMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Op(String path, String key, String body, int workerId) {
    }

    /** One spool and the only client of it. */
    private final class Lane {
        final String tag;
        int step;
        int worker;
        volatile Op pending;
        volatile boolean done;

        Lane(String tag, int index) {
            this.tag = tag;
            this.worker = index % ARM_WORKERS.length;
        }

        void fire() {
            if (pending == null) {
                boolean tomar = step % 2 == 0;
                int workerId = ARM_WORKERS[worker];
                String body = "{\"tag_spool\":\"" + tag + "\",\"worker_id\":" + workerId + ",\"operacion\":\"ARM\"}";
                pending = new Op(tomar ? "/api/occupation/tomar" : "/api/occupation/pausar",
                        keyPrefix + "-" + tag + "-" + step, body, workerId);
            }
            Op op = pending;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + op.path)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Idempotency-Key", op.key)
                    .POST(HttpRequest.BodyPublishers.ofString(op.body)).build();
            long started = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, err) -> {
                if (err != null) {
                    Throwable cause = err.getCause() != null ? err.getCause() : err;
                    count(cause.getClass().getSimpleName(), started);
                    if (cause instanceof HttpTimeoutException) {
                        anomalies.add("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: " + tag + " " + op.path
                                + " key " + op.key);
                    } else if (!(cause instanceof ConnectException || cause instanceof java.io.IOException)) {
                        anomalies.add("unexpected failure " + cause + " for " + tag + " " + op.path);
                    }
                    retryLater(500);
                    return;
                }
                count(String.valueOf(r.statusCode()), started);
                switch (r.statusCode()) {
                    case 200 -> {
                        okLatenciesMs.add((System.nanoTime() - started) / 1_000_000);
                        JsonNode node = JSON.readTree(r.body());
                        acks.add(new Ack(tag, op.path, op.key, op.body, op.workerId, node.get("version").asLong(),
                                node, System.nanoTime()));
                        pending = null;
                        step++;
                        if (step % 2 == 0) {
                            worker = (worker + 1) % ARM_WORKERS.length;
                        }
                        release();
                    }
                    case 503, 504 -> retryLater(250);
                    default -> {
                        anomalies.add(r.statusCode() + " for " + tag + " " + op.path + " key " + op.key + ": "
                                + r.body());
                        done = true; // this lane's spool is no longer what it expects: stop it
                    }
                }
            });
        }

        private void retryLater(long ms) {
            ticker.schedule(this::release, ms, TimeUnit.MILLISECONDS);
        }

        private void release() {
            if (stopping && pending == null) {
                done = true;
                return;
            }
            idle.add(this);
        }
    }
}
