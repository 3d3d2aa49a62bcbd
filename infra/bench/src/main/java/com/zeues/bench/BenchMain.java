package com.zeues.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar infra/bench/target/zeues-bench.jar <scenario> [--key=value ...]} against a running system on
 * loopback. Progress goes to stderr; the last line on stdout is machine-readable: {@code scenario=... key=value ...}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> opts = options(args);
        // latency and throughput spread their requests over every URL given (several instances); the others use the first
        String urls = opts.getOrDefault("url", "http://127.0.0.1:" + env("SERVER_PORT", "8080"));
        JdkHttpSender.urls(urls).forEach(BenchMain::requireLoopback);
        String url = JdkHttpSender.urls(urls).get(0);
        String bootstrap = opts.getOrDefault("bootstrap", "127.0.0.1:" + env("ZEUES_KAFKA_PORT", "9092"));
        requireLoopback("http://" + bootstrap);
        String line;
        switch (args[0]) {
            case "latency":
                line = new LoadScenario(load(opts, urls, bootstrap, false)).latency();
                break;
            case "throughput":
                line = new LoadScenario(load(opts, urls, bootstrap, true)).throughput();
                break;
            case "floor": {
                FloorRun.Result f = FloorRun.run(floor(opts, bootstrap, rate(opts, "200")));
                line = "scenario=floor rate=" + opts.getOrDefault("rate", "200") + " " + f.fields();
                break;
            }
            case "reads":
                line = ListingReads.run(url, rate(opts, "100"), integer(opts, "workers", "20"),
                        integer(opts, "limit", "50"), seconds(opts, "warmup", "5"), seconds(opts, "duration", "30"));
                break;
            case "sse": {
                var settings = new SseFanoutBenchmark.Settings(url, integer(opts, "clients", "1000"),
                        integer(opts, "changes", "20"), integer(opts, "warmup-changes", "4"),
                        opts.getOrDefault("tag", "TEST-20"), integer(opts, "worker", "93"), Duration.ofSeconds(10));
                line = new SseFanoutBenchmark(settings).run().line();
                if (bool(opts, "floor", "false")) {
                    line += " " + FloorRun.run(floor(opts, bootstrap, rate(opts, "50"))).fields();
                }
                break;
            }
            case "load-plant": {
                String emulator = opts.getOrDefault("emulator", "http://127.0.0.1:"
                        + env("ZEUES_SHEETS_EMULATOR_PORT", "9099"));
                requireLoopback(emulator);
                line = new PlantLoader(new PlantLoader.Settings(url, emulator,
                        opts.getOrDefault("spreadsheet", env("ZEUES_SHEETS_SPREADSHEET_ID", "zeues-local")),
                        adminToken(opts), integer(opts, "spools", "250000"))).run();
                break;
            }
            default:
                usage();
                return;
        }
        System.out.println(line);
        System.exit(0); // Kafka and HTTP client threads of the run must not keep the JVM alive
    }

    private static LoadScenario.Settings load(Map<String, String> opts, String url, String bootstrap,
                                              boolean closedLoop) {
        double rate = rate(opts, "200");
        List<Integer> steps = Arrays.stream(opts.getOrDefault("workers", closedLoop ? "16,32,64" : "50").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        return new LoadScenario.Settings(url, steps.get(0), rate, steps, seconds(opts, "warmup", "10"),
                seconds(opts, "duration", closedLoop ? "30" : "60"), integer(opts, "spools", "5000"),
                Double.parseDouble(opts.getOrDefault("conflicts", "0.05")),
                Long.parseLong(opts.getOrDefault("seed", "1")),
                floor(opts, bootstrap, closedLoop ? rate(opts, "200") : rate), bool(opts, "floor", "true"));
    }

    private static FloorRun.Settings floor(Map<String, String> opts, String bootstrap, double rate) {
        return new FloorRun.Settings(bootstrap, integer(opts, "partitions", "6"),
                Long.parseLong(opts.getOrDefault("commit-interval-ms", "10")),
                Double.parseDouble(opts.getOrDefault("floor-rate", Double.toString(rate))),
                // a 3 s warm-up measured a topology still compiling and filling its stores (docs/benchmarks.md)
                seconds(opts, "floor-warmup", "20"), seconds(opts, "floor-duration", "20"),
                integer(opts, "floor-spools", "64"));
    }

    private static String adminToken(Map<String, String> opts) throws Exception {
        if (opts.containsKey("token")) {
            return opts.get("token");
        }
        String fromEnv = System.getenv("ZEUES_ADMIN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path file = Path.of(opts.getOrDefault("data-dir", env("ZEUES_DATA_DIR", "./data")), "admin-token");
        return Files.readString(file).trim();
    }

    static void requireLoopback(String url) {
        if (!url.startsWith("http://127.") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("the harness only drives a system on loopback: " + url);
        }
    }

    private static double rate(Map<String, String> opts, String def) {
        return Double.parseDouble(opts.getOrDefault("rate", def));
    }

    private static int integer(Map<String, String> opts, String key, String def) {
        return Integer.parseInt(opts.getOrDefault(key, def));
    }

    private static boolean bool(Map<String, String> opts, String key, String def) {
        return Boolean.parseBoolean(opts.getOrDefault(key, def));
    }

    private static Duration seconds(Map<String, String> opts, String key, String def) {
        return Duration.ofSeconds(Long.parseLong(opts.getOrDefault(key, def)));
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.contains("=")) {
                m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("expected --key=value, got " + a);
            }
        }
        return m;
    }

    private static void usage() {
        System.out.println(String.join("\n",
                "usage: java -jar zeues-bench.jar <scenario> [--key=value ...]   (against a running local default)",
                "  latency     open loop: --rate=200 --workers=50 --warmup=10 --duration=60 --conflicts=0.05",
                "  throughput  closed loop, max rate: --workers=16,32,64 --warmup=10 --duration=30",
                "  reads       listings with a limit, open loop: --rate=100 --limit=50 --duration=30",
                "  floor       Kafka alone and the topology alone: --rate=200 --floor-warmup=20 --floor-duration=20",
                "  sse         fan-out: --clients=1000 --changes=20 --warmup-changes=4 --tag=TEST-20 --worker=93 [--floor=true]",
                "  load-plant  add spools through the emulated sheet and sync: --spools=250000",
                "common: --url=http://127.0.0.1:8080 (latency and throughput: a comma-separated list spreads the"
                        + " requests over several instances) --bootstrap=127.0.0.1:9092 --partitions=6 "
                        + "--commit-interval-ms=10 --floor=false (skip the floors) --floor-rate --spools=5000 "
                        + "(per operation, taken from the listings) --seed=1"));
    }
}
