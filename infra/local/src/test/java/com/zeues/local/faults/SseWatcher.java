package com.zeues.local.faults;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dashboard's SSE connection on its own thread: keeps every {@code event:}/{@code data:} pair with the time it
 * arrived, and reconnects with {@code Last-Event-ID} after 1 s when the stream ends or cannot connect, as
 * EventSource does.
 */
final class SseWatcher implements AutoCloseable {

    /** One frame's event name and data line, and when it arrived. */
    record Frame(String event, String data, long nanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile String lastId;
    private volatile InputStream current;
    private volatile int connections;

    SseWatcher(String serviceUrl) {
        this.url = serviceUrl + "/api/sse/stream";
        thread = new Thread(this::run, "sse-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
                if (lastId != null) {
                    b.header("Last-Event-ID", lastId);
                }
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                current = r.body();
                connections++;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String event = null;
                    String data = null;
                    for (String line = in.readLine(); line != null && !closed; line = in.readLine()) {
                        if (line.isEmpty()) {
                            if (event != null || data != null) {
                                frames.add(new Frame(event, data, System.nanoTime()));
                            }
                            event = null;
                            data = null;
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            data = line.substring(5).trim();
                        } else if (line.startsWith("id:")) {
                            lastId = line.substring(3).trim();
                        }
                    }
                }
            } catch (Exception e) {
                // the service is down or the stream broke: reconnect, as a browser would
            }
            if (!closed) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** How many times the stream was (re)opened. */
    int connections() {
        return connections;
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
