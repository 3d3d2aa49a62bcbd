package com.zeues.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link HttpSender} over {@code java.net.http} (HTTP/1.1, keep-alive, asynchronous): cheap enough on two cores
 * for a few thousand requests a second, with a small fixed executor so the generator does not compete with the
 * system under test for threads. Given several base URLs (comma-separated: several service instances), it spreads
 * the requests over them in turn, as a round-robin load balancer in front of the instances would.
 */
final class JdkHttpSender implements HttpSender, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> baseUrls;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient client;
    private final ExecutorService executor;
    private final Duration timeout;

    JdkHttpSender(String baseUrl, Duration timeout) {
        this.baseUrls = urls(baseUrl);
        this.timeout = timeout;
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public CompletableFuture<Reply> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(next() + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Override
    public CompletableFuture<Reply> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(next() + path)).timeout(timeout).GET().build());
    }

    /** The base URLs of a comma-separated list. */
    static List<String> urls(String commaSeparated) {
        List<String> out = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no URL in '" + commaSeparated + "'");
        }
        return out;
    }

    private String next() {
        return baseUrls.size() == 1 ? baseUrls.get(0)
                : baseUrls.get(Math.floorMod(turn.getAndIncrement(), baseUrls.size()));
    }

    /** Blocking GET of a JSON body that must answer 200 (setup reads). */
    JsonNode getJson(String path) {
        Reply r = get(path).join();
        if (r.status() != 200 || r.body() == null) {
            throw new IllegalStateException("GET " + path + " answered " + r.status());
        }
        return r.body();
    }

    private CompletableFuture<Reply> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            long at = System.nanoTime();
            return new Reply(r.statusCode(), parse(r.body()), at);
        });
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
