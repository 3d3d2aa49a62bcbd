package com.zeues.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code reads} scenario: the listing endpoints a tablet opens (with a page limit), in an open loop at a rate,
 * each answer checked for status 200, a {@code total} and at most {@code limit} rows.
 */
final class ListingReads {

    static final List<String> PATHS = List.of("/api/spools/iniciar?operacion=ARM", "/api/spools/iniciar?operacion=SOLD",
            "/api/spools/iniciar?operacion=METROLOGIA", "/api/spools/iniciar?operacion=REPARACION",
            "/api/spools/completar?operacion=ARM&worker_id=93", "/api/spools/reparacion");

    private ListingReads() {
    }

    static String run(String url, double rate, int clients, int limit, Duration warmup, Duration duration)
            throws Exception {
        ErrorTally errors = new ErrorTally("reads");
        try (JdkHttpSender http = new JdkHttpSender(url, Duration.ofSeconds(10))) {
            List<LoadClient> readers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                readers.add(new Reader(http, errors, limit, i));
            }
            System.err.printf("reads: %s with limit=%d, open loop at %.0f/s, %ds warm-up + %ds%n", PATHS, limit, rate,
                    warmup.toSeconds(), duration.toSeconds());
            OpenLoopDriver.Result r = new OpenLoopDriver(Pacer.SYSTEM).run(readers, rate, warmup, duration);
            Latencies.Summary l = r.latency();
            return String.format(Locale.ROOT, "scenario=reads rate=%.0f limit=%d duration_s=%.0f requests=%d "
                            + "p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d late_steps=%d", rate, limit,
                    r.seconds(), r.requests(), l.p50Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), errors.count(), r.late());
        }
    }

    private static final class Reader implements LoadClient {
        private final HttpSender http;
        private final ErrorTally errors;
        private final int limit;
        private int next;

        Reader(HttpSender http, ErrorTally errors, int limit, int start) {
            this.http = http;
            this.errors = errors;
            this.limit = limit;
            this.next = start;
        }

        @Override
        public CompletableFuture<Outcome> step() {
            String path = PATHS.get(next++ % PATHS.size());
            String full = path + (path.contains("?") ? "&" : "?") + "limit=" + limit + "&offset=0";
            return http.get(full).handle((reply, e) -> {
                if (e != null) {
                    errors.record(full + ": " + e);
                    return Outcome.at(System.nanoTime());
                }
                if (reply.status() != 200 || reply.body() == null || !reply.body().path("total").isNumber()
                        || reply.body().path("spools").size() > limit) {
                    errors.record(full + ": " + reply.status() + " " + reply.body());
                }
                return Outcome.at(reply.arrivedNanos());
            });
        }
    }
}
