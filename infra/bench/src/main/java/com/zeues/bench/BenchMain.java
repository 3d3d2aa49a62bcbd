package com.zeues.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar infra/bench/target/zeues-bench.jar <scenario> [--key=value ...]} against a running system on
 * loopback. Scenarios: {@code sse} (fan-out: --clients, --changes, --tag, --worker, --url). The last line of every
 * scenario is machine-readable: {@code scenario=... key=value ...}.
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
        String url = opts.getOrDefault("url", "http://127.0.0.1:8080");
        if (!url.startsWith("http://127.") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("the harness only drives a system on loopback: " + url);
        }
        switch (args[0]) {
            case "sse" -> {
                var settings = new SseFanoutBenchmark.Settings(url, Integer.parseInt(opts.getOrDefault("clients", "1000")),
                        Integer.parseInt(opts.getOrDefault("changes", "20")), opts.getOrDefault("tag", "TEST-20"),
                        Integer.parseInt(opts.getOrDefault("worker", "93")), Duration.ofSeconds(10));
                System.out.println(new SseFanoutBenchmark(settings).run().line());
            }
            default -> usage();
        }
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
        System.out.println("usage: java -jar zeues-bench.jar sse [--url=http://127.0.0.1:8080] [--clients=1000] "
                + "[--changes=20] [--tag=TEST-20] [--worker=93]");
    }
}
