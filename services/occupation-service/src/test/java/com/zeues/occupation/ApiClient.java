package com.zeues.occupation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the integration tests: raw bodies in, parsed JSON out. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** HTTP/1.1 as tablets speak it: the JDK client's default h2c upgrade on a POST can stall an HTTP/1.1 server. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public record Response(int status, JsonNode body, String raw) {
        public String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asString();
        }
    }

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response post(String path, Object body) {
        return post(path, json(body), Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return post(path, body instanceof String s ? s : json(body), headers);
    }

    public Response post(String path, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        if (!headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public Response method(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (RuntimeException e) {
                // not JSON: keep the raw text for the assertion message
            }
            return new Response(r.statusCode(), node, r.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request.uri() + ": " + e, e);
        }
    }

    /** The body of a TOMAR, PAUSAR, COMPLETAR or CANCELAR. */
    public static Map<String, Object> cmd(String tag, int worker, String op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag_spool", tag);
        m.put("worker_id", worker);
        m.put("operacion", op);
        return m;
    }

    /** Posts and requires a 200, saying what was sent and answered when it is not. */
    public void ok(String path, Map<String, Object> body) {
        Response r = post(path, body);
        assertThat(r.status()).as(path + " " + body + ": " + r.raw()).isEqualTo(200);
    }
}
