package com.zeues.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code latency} (open loop at a rate) and {@code throughput} (closed loop, stepping the number of workers)
 * scenarios: simulated tablets doing checked work cycles on the running system's spools, with the floors measured
 * just before on the same broker.
 */
final class LoadScenario {

    record Settings(String url, int workers, double rate, List<Integer> steps, Duration warmup, Duration duration,
                    int spoolsPerOperation, double conflicts, long seed, FloorRun.Settings floor, boolean withFloor) {
    }

    private static final int PAGE = 1000;

    private final Settings s;

    LoadScenario(Settings s) {
        this.s = s;
    }

    String latency() throws Exception {
        FloorRun.Result floor = s.withFloor() ? FloorRun.run(s.floor()) : FloorRun.Result.SKIPPED;
        try (JdkHttpSender http = new JdkHttpSender(s.url(), Duration.ofSeconds(10))) {
            Crew crew = Crew.fromWorkers(http.getJson("/api/workers"));
            Plant plant = loadPlant(http);
            ErrorTally errors = new ErrorTally("latency");
            Tablet.Counters counters = new Tablet.Counters();
            List<Tablet> tablets = tablets(s.workers(), plant, crew, http, errors, counters);
            System.err.printf("latency: %d simulated workers, open loop at %.0f steps/s, %ds warm-up + %ds%n",
                    s.workers(), s.rate(), s.warmup().toSeconds(), s.duration().toSeconds());
            OpenLoopDriver.Result r = new OpenLoopDriver(Pacer.SYSTEM).run(tablets, s.rate(), s.warmup(), s.duration());
            report("latency", r, errors, counters, plant);
            Latencies.Summary l = r.latency();
            return String.format(Locale.ROOT, "scenario=latency rate=%.0f workers=%d duration_s=%.0f requests=%d "
                            + "p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d conflicts=%d late_steps=%d "
                            + "pool_exhausted=%d %s", s.rate(), s.workers(), r.seconds(), r.requests(), l.p50Ms(),
                    l.p99Ms(), l.p999Ms(), l.maxMs(), errors.count(), counters.conflicts.get(), r.late(),
                    r.starved() ? 1 : 0, floor.fields());
        }
    }

    String throughput() throws Exception {
        FloorRun.Result floor = s.withFloor() ? FloorRun.run(s.floor()) : FloorRun.Result.SKIPPED;
        try (JdkHttpSender http = new JdkHttpSender(s.url(), Duration.ofSeconds(10))) {
            Crew crew = Crew.fromWorkers(http.getJson("/api/workers"));
            Plant plant = loadPlant(http);
            ErrorTally errors = new ErrorTally("throughput");
            Tablet.Counters counters = new Tablet.Counters();
            OpenLoopDriver.Result best = null;
            int bestWorkers = 0;
            for (int n : s.steps()) {
                List<Tablet> tablets = tablets(n, plant, crew, http, errors, counters);
                System.err.printf("throughput: %d workers in a closed loop, %ds warm-up + %ds%n", n,
                        s.warmup().toSeconds(), s.duration().toSeconds());
                OpenLoopDriver.Result r = new ClosedLoopDriver(Pacer.SYSTEM).run(tablets, s.warmup(), s.duration());
                report("throughput " + n + " workers", r, errors, counters, plant);
                if (best == null || r.requestsPerSecond() > best.requestsPerSecond()) {
                    best = r;
                    bestWorkers = n;
                }
                if (r.starved()) {
                    break;
                }
            }
            Latencies.Summary l = best.latency();
            return String.format(Locale.ROOT, "scenario=throughput workers=%d ops_per_s=%.0f duration_s=%.0f "
                            + "requests=%d p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d conflicts=%d "
                            + "pool_exhausted=%d %s", bestWorkers, best.requestsPerSecond(), best.seconds(),
                    best.requests(), l.p50Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), errors.count(),
                    counters.conflicts.get(), best.starved() ? 1 : 0, floor.fields());
        }
    }

    private List<Tablet> tablets(int n, Plant plant, Crew crew, HttpSender http, ErrorTally errors,
                                 Tablet.Counters counters) {
        List<Tablet> tablets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tablets.add(new Tablet(plant, crew, http, errors, counters, s.seed() * 1_000_003 + i, s.conflicts()));
        }
        return tablets;
    }

    /** The spools ready for each operation, as the system lists them now (free ones only). */
    private Plant loadPlant(JdkHttpSender http) {
        Plant plant = new Plant();
        Set<String> seen = new HashSet<>();
        for (String op : Plant.OPERATIONS) {
            // pages of at most 1000, the API's largest limit
            for (int offset = 0; offset < s.spoolsPerOperation(); offset += PAGE) {
                int limit = Math.min(PAGE, s.spoolsPerOperation() - offset);
                JsonNode body = http.getJson("/api/spools/iniciar?operacion=" + op + "&limit=" + limit + "&offset="
                        + offset);
                for (JsonNode v : body.path("spools")) {
                    ExpectedSpool spool = ExpectedSpool.fromView(v);
                    if (seen.add(spool.tag) && spool.nextOperation() != null) {
                        plant.giveBack(spool);
                    }
                }
                if (body.path("spools").size() < limit) {
                    break;
                }
            }
        }
        System.err.println("pool: " + plant.describe());
        return plant;
    }

    private static void report(String what, OpenLoopDriver.Result r, ErrorTally errors, Tablet.Counters counters,
                               Plant plant) {
        Latencies.Summary l = r.latency();
        System.err.printf(Locale.ROOT, "%s: %d requests in %.1f s (%.0f/s), p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max "
                        + "%.2f ms, %d errors, %d deliberate conflicts, %d late steps%s; pool now %s%n", what,
                r.requests(), r.seconds(), r.requestsPerSecond(), l.p50Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(),
                errors.count(), counters.conflicts.get(), r.late(),
                r.starved() ? ", POOL EXHAUSTED (measured part only)" : "", plant.describe());
    }
}
