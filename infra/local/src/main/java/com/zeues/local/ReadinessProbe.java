package com.zeues.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** One look at whether a child answers over HTTP on 127.0.0.1; the launcher repeats it until ready or timeout. */
public final class ReadinessProbe {

    private static final Pattern OPERATIONAL = Pattern.compile("\"operational\"\\s*:\\s*true");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** The outcome of one look: ready or not, and what was seen, for the message when it never gets ready. */
    public record Result(boolean ready, String seen) {
    }

    /** A probe bound to one URL and one rule. */
    @FunctionalInterface
    public interface Check {
        Result probe();
    }

    /** Ready when the server answers at all below 500 (the emulator, the connector: their HTTP server is up). */
    public Check answers(URI uri) {
        return () -> get(uri, response -> response.statusCode() < 500);
    }

    /** Ready when the JSON body says {@code "operational": true} (the occupation service's /api/health). */
    public Check operational(URI uri) {
        return () -> get(uri, response -> OPERATIONAL.matcher(response.body()).find());
    }

    private Result get(URI uri, java.util.function.Predicate<HttpResponse<String>> ready) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                .header("Authorization", "Bearer zeues-local").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
            return new Result(ready.test(response), "GET " + uri + " answered " + response.statusCode() + " " + body);
        } catch (IOException e) {
            return new Result(false, "GET " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
