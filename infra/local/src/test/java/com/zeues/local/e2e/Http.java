package com.zeues.local.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tablet's view of the API: JSON in, status and JSON out. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, JsonNode body, String raw) {
        public String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asString();
        }

        public String text(String field) {
            return body.get(field).asString();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public Response post(String path, Object body) {
        return post(path, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return post(path, body instanceof String s ? s : JSON.writeValueAsString(body), headers);
    }

    public Response post(String path, String raw, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(raw));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Response put(String path, String raw) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(raw)).build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).DELETE().build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (RuntimeException e) {
                // leave null: the raw text is in the assertion message
            }
            return new Response(r.statusCode(), node, r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms: " + e + "; " + freshConnectionCheck(request)
                    + "; sockets with bytes queued: " + queuedSockets(request.uri().getPort()), e);
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    /**
     * The kernel's view of the server's port (ss): a request stuck unread in the server's receive queue points at the
     * server, one stuck in the client's send queue or no socket at all at the client.
     */
    private static String queuedSockets(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-tn", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true).start();
            if (!ss.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                ss.destroyForcibly();
                return "ss did not answer";
            }
            String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return out.lines().skip(1).filter(l -> {
                String[] f = l.trim().split("\\s+");
                return f.length > 2 && (!f[1].equals("0") || !f[2].equals("0"));
            }).toList().toString();
        } catch (Exception e) {
            return "ss failed: " + e;
        }
    }

    /**
     * After a timeout: the same GET on a new client and connection, so a failure report says whether the server
     * answers at all (a server that does not answer) or only the pooled connection was stuck (a client-side fault).
     */
    private static String freshConnectionCheck(HttpRequest timedOut) {
        if (!"GET".equals(timedOut.method())) {
            return "not repeated (not a GET)";
        }
        long t = System.nanoTime();
        try {
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = fresh.send(HttpRequest.newBuilder(timedOut.uri()).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return "the same GET on a new connection answered " + r.statusCode() + " in "
                    + (System.nanoTime() - t) / 1_000_000 + " ms";
        } catch (Exception again) {
            return "the same GET on a new connection failed too after " + (System.nanoTime() - t) / 1_000_000
                    + " ms: " + again;
        }
    }
}
