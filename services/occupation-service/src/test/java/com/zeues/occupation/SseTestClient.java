package com.zeues.occupation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SSE client for the integration tests: one HTTP/1.1 connection read line by line on its own thread,
 * every frame (event, id, data, retry, comments) kept in arrival order.
 */
public final class SseTestClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One SSE frame: the fields of one blank-line-terminated block. */
    public record Frame(String event, String id, String data, String retry, List<String> comments) {

        public JsonNode json() {
            return JSON.readTree(data);
        }

        public boolean isComment() {
            return event == null && data == null && !comments.isEmpty();
        }

        /** The sequence part of {@code {epoch}-{sequence}}. */
        public long seq() {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        }

        public String epoch() {
            return id.substring(0, id.lastIndexOf('-'));
        }
    }

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile boolean ended;
    private volatile Throwable failure;

    public SseTestClient(int port, String query, String lastEventId) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sse/stream"
                + (query == null || query.isEmpty() ? "" : "?" + query))).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseTestClient connect(int port) {
        return new SseTestClient(port, null, null);
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = null;
            String retry = null;
            List<String> comments = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null || id != null || data != null || retry != null || !comments.isEmpty()) {
                        frames.add(new Frame(event, id, data == null ? null : data.toString(), retry,
                                List.copyOf(comments)));
                    }
                    event = null;
                    id = null;
                    data = null;
                    retry = null;
                    comments.clear();
                } else if (line.startsWith(":")) {
                    comments.add(value(line.substring(1)));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : value(line.substring(colon + 1));
                    switch (field) {
                        case "event" -> event = value;
                        case "id" -> id = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { /* ignored, as the SSE spec says */ }
                    }
                }
            }
        } catch (IOException e) {
            if (!ended) {
                failure = e;
            }
        } finally {
            ended = true;
        }
    }

    private static String value(String raw) {
        return raw.startsWith(" ") ? raw.substring(1) : raw;
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    public List<Frame> events(String type) {
        return frames.stream().filter(f -> type.equals(f.event())).toList();
    }

    /** Whether the server ended the stream (or the connection broke). */
    public boolean ended() {
        return ended;
    }

    /** Waits for the first frame matching, after {@code from} frames. */
    public Frame await(Predicate<Frame> match, int from, Duration atMost) {
        Frame[] found = new Frame[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<Frame> all = frames();
            for (int i = from; i < all.size(); i++) {
                if (match.test(all.get(i))) {
                    found[0] = all.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public Frame await(String event, Duration atMost) {
        return await(f -> event.equals(f.event()), 0, atMost);
    }

    /** The first {@code spool_update} for {@code tag} with {@code evento_tipo}, after {@code from} frames. */
    public Frame awaitUpdate(String tag, String eventoTipo, int from, Duration atMost) {
        return await(f -> "spool_update".equals(f.event()) && tag.equals(f.json().get("tag_spool").asString())
                && eventoTipo.equals(f.json().get("evento_tipo").asString()), from, atMost);
    }

    public int size() {
        return frames.size();
    }

    @Override
    public void close() {
        ended = true;
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Throwable failure() {
        return failure;
    }
}
