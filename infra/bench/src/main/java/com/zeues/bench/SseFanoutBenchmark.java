package com.zeues.bench;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient.ResponseReceiver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * SSE fan-out: N clients hold {@code /api/sse/stream} open; then TOMAR/PAUSAR pairs go through the API one at a
 * time, and for each 200 the time until every client has received that change's {@code spool_update} is recorded
 * (per client and per change). Reports p50/p99/max delivery, clients that missed an event, and connection errors.
 */
final class SseFanoutBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param warmupChanges changes made (and waited for) before recording: the first ones also measure the JIT
     *                      compiling the delivery path, in the service and in this client
     */
    record Settings(String baseUrl, int clients, int changes, int warmupChanges, String tag, int worker,
                    Duration connectTimeout) {
    }

    record Result(int clients, int connected, int changes, long deliveries, long missed, double p50Ms, double p99Ms,
                  double maxMs, int errors) {

        String line() {
            return String.format("scenario=sse clients=%d connected=%d changes=%d deliveries=%d missed=%d p50_ms=%.1f "
                    + "p99_ms=%.1f max_ms=%.1f errors=%d", clients, connected, changes, deliveries, missed, p50Ms, p99Ms,
                    maxMs, errors);
        }
    }

    private final Settings settings;
    /** version of a change → nanoTime its 200 arrived. */
    private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    /** version → clients that have seen it. */
    private final Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final AtomicInteger errors = new AtomicInteger();

    SseFanoutBenchmark(Settings settings) {
        this.settings = settings;
    }

    Result run() throws Exception {
        int n = settings.clients();
        LoopResources loops = LoopResources.create("bench-sse", Math.max(2, Runtime.getRuntime().availableProcessors()), true);
        ConnectionProvider provider = ConnectionProvider.builder("bench-sse").maxConnections(n + 10)
                .pendingAcquireMaxCount(n * 2).build();
        reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(provider)
                .runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .baseUrl(settings.baseUrl());
        CountDownLatch snapshots = new CountDownLatch(n);
        List<Disposable> streams = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            streams.add(open(client, snapshots));
            // a gentle ramp: at most 500 clients waiting for their snapshot, so the listen queue never overflows
            // (the connection rate is not the thing under test)
            long waitingUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((i + 1) - (n - snapshots.getCount()) - errors.get() > 500 && System.nanoTime() < waitingUntil) {
                Thread.sleep(5);
            }
        }
        boolean all = snapshots.await(60 + n / 100, TimeUnit.SECONDS);
        int connected = n - (int) snapshots.getCount();
        if (!all) {
            System.err.println("only " + connected + " of " + n + " clients got their snapshot");
        }
        long missed = 0;
        long deliveries = 0;
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int warmup = settings.warmupChanges() + settings.warmupChanges() % 2; // whole TOMAR/PAUSAR pairs
        for (int i = 0; i < warmup + settings.changes(); i++) {
            if (i == warmup) {
                latency.reset();
            }
            String path = i % 2 == 0 ? "/api/occupation/tomar" : "/api/occupation/pausar";
            long start = System.nanoTime();
            long version = post(api, path);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            AtomicInteger count = seen.computeIfAbsent(version, v -> new AtomicInteger());
            while (count.get() < connected && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            System.err.printf("%s change %d: %d of %d clients in %d ms%n", i < warmup ? "warm-up" : "measured",
                    i + 1, count.get(), connected, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            if (i >= warmup) {
                deliveries += count.get();
                missed += Math.max(0, connected - count.get());
            }
        }
        var histogram = latency.getIntervalHistogram();
        streams.forEach(Disposable::dispose);
        provider.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
        return new Result(n, connected, settings.changes(), deliveries, missed,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                histogram.getMaxValue() / 1e6, errors.get());
    }

    private Disposable open(reactor.netty.http.client.HttpClient client, CountDownLatch snapshots) {
        boolean[] gotSnapshot = {false};
        SseLineParser parser = new SseLineParser(e -> {
            if ("snapshot".equals(e.type()) && !gotSnapshot[0]) {
                gotSnapshot[0] = true;
                snapshots.countDown();
            } else if ("spool_update".equals(e.type())) {
                onUpdate(e.data());
            }
        });
        ResponseReceiver<?> receiver = client.headers(h -> h.add("Accept", "text/event-stream"))
                .get().uri("/api/sse/stream?tag_spool=" + settings.tag());
        return receiver.responseContent().asString(StandardCharsets.UTF_8)
                .subscribe(parser::feed, err -> {
                    if (errors.incrementAndGet() <= 3) {
                        System.err.println("SSE client failed: " + err);
                    }
                });
    }

    private void onUpdate(String data) {
        long now = System.nanoTime();
        long version = version(data);
        Long ack = acknowledged.get(version);
        seen.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
        if (ack != null) {
            latency.recordValue(Math.max(0, now - ack));
        }
    }

    /**
     * The event's {@code version}, read without parsing the whole event: ten thousand clients share the service's
     * two cores, and a full JSON parse per client and event would be this tool measuring itself.
     */
    static long version(String data) {
        int at = data.indexOf("\"version\":");
        if (at < 0) {
            throw new IllegalArgumentException("spool_update without a version: " + data);
        }
        int i = at + "\"version\":".length();
        while (i < data.length() && data.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < data.length() && Character.isDigit(data.charAt(i))) {
            i++;
        }
        return Long.parseLong(data.substring(start, i));
    }

    /** One command; returns the version it produced. Timing starts when its 200 arrives. */
    private long post(HttpClient api, String path) throws Exception {
        String body = "{\"tag_spool\":\"" + settings.tag() + "\",\"worker_id\":" + settings.worker()
                + ",\"operacion\":\"ARM\"}";
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long at = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        long version = JSON.readTree(r.body()).get("version").asLong();
        acknowledged.put(version, at);
        return version;
    }
}
