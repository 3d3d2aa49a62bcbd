package com.zeues.connector.sink;

import com.zeues.connector.config.ConnectorProperties;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.sheets.emulator.FaultSettings;
import com.zeues.sheets.emulator.SheetsEmulator;
import com.zeues.sheets.emulator.WriteLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The sheet sink's benchmark (not part of {@code mvn verify}: the class name does not match the test includes, and
 * it is tagged {@code bench}). Run:
 * <pre>mvn -B -o -pl services/sheets-connector test -Dtest=SheetSinkBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The sink runs with its default settings (1 write per second, 250 ms linger, 5000 events per flush, back-off 1 s
 * doubling to 32 s) against the in-process emulator (no added latency) and an embedded broker, all in one JVM.
 * Events are produced as the topology produces them (event and state in one transaction), spread over the demo
 * spools. Results go to stdout and {@code target/sink-bench.txt}.
 */
@Tag("bench")
@EmbeddedKafka(brokerProperties = {
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
class SheetSinkBench {

    private static SheetsEmulator emulator;
    private static String bootstrap;
    private static final List<String> results = new ArrayList<>();

    @BeforeAll
    static void start() {
        bootstrap = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        emulator = SheetsEmulator.start(0, null);
    }

    @AfterAll
    static void stop() throws IOException {
        emulator.close();
        Path out = Path.of("target", "sink-bench.txt");
        Files.writeString(out, String.join("\n", results) + "\n", StandardCharsets.UTF_8);
        System.out.println("\n==== sheet sink bench ====\n" + String.join("\n", results));
    }

    @Test
    void steady50PerSecond() throws Exception {
        steady("bench-50", 50);
    }

    @Test
    void steady500PerSecond() throws Exception {
        steady("bench-500", 500);
    }

    @Test
    void twoMinuteOutageAt50PerSecond() throws Exception {
        outage("bench-outage-50", 50);
    }

    @Test
    void twoMinuteOutageAt500PerSecond() throws Exception {
        outage("bench-outage-500", 500);
    }

    /** 70 s at {@code rate}; write requests counted over the 60 s from second 5, lag over every event. */
    private void steady(String name, int rate) throws Exception {
        try (SinkFixture f = new SinkFixture(bootstrap, emulator, name)) {
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            SheetSink sink = f.startSink(ConnectorProperties.Sink.defaults(), Duration.ofSeconds(30));
            sink.setListener((rows, at) -> rows.forEach(e -> lags.add(Duration.between(e.timestamp(), at)
                    .toMillis())));
            TimeUnit.SECONDS.sleep(3); // joined, cursor read
            Instant t0 = Instant.now();
            produce(f, rate, Duration.ofSeconds(70));
            awaitWritten(lags, f.produced().size(), Duration.ofMinutes(2));
            long writes = f.writes().stream().filter(w -> !w.receivedAt().isBefore(t0.plusSeconds(5))
                    && w.receivedAt().isBefore(t0.plusSeconds(65))).count();
            long structure = f.writes().stream().filter(w -> w.operation().equals("spreadsheets.batchUpdate")).count();
            List<Long> sorted = sorted(lags);
            results.add(String.format(Locale.ROOT,
                    "steady %d ev/s: %d events; write requests in 60 s: %d (%d of them grid growth in the whole run); "
                            + "event-to-sheet lag p50 %d ms, p99 %d ms, max %d ms",
                    rate, f.produced().size(), writes, structure, pct(sorted, 50), pct(sorted, 99),
                    sorted.get(sorted.size() - 1)));
            check(f);
        }
    }

    /** {@code rate} ev/s throughout; after 10 s the sheet is down for 120 s; catch-up until every event is in. */
    private void outage(String name, int rate) throws Exception {
        try (SinkFixture f = new SinkFixture(bootstrap, emulator, name)) {
            Set<String> written = ConcurrentHashMap.newKeySet();
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            SheetSink sink = f.startSink(ConnectorProperties.Sink.defaults(), Duration.ofSeconds(30));
            sink.setListener((rows, at) -> rows.forEach(e -> {
                written.add(e.eventId());
                lags.add(Duration.between(e.timestamp(), at).toMillis());
            }));
            TimeUnit.SECONDS.sleep(3);
            Thread producer = new Thread(() -> {
                try {
                    produce(f, rate, Duration.ofSeconds(160));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.start();
            TimeUnit.SECONDS.sleep(10);
            long seq = lastSeq();
            double requestsBefore = requests(f);
            emulator.faults().set(FaultSettings.NONE.withOutage(true, "ERROR"));
            TimeUnit.SECONDS.sleep(120);
            emulator.faults().clear();
            Instant end = Instant.now();
            List<String> due = f.produced().stream().filter(e -> !e.timestamp().isAfter(end))
                    .map(SpoolEvent::eventId).toList();
            long backlog = due.stream().filter(id -> !written.contains(id)).count();
            long attempts = Math.round(requests(f) - requestsBefore);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!written.containsAll(due) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long catchUp = Duration.between(end, Instant.now()).toMillis();
            List<WriteLog.Entry> after = emulator.writeLog().entries(seq).stream()
                    .filter(w -> f.id.equals(w.spreadsheetId()) && !w.receivedAt().isBefore(end)
                            && w.receivedAt().isBefore(end.plusMillis(catchUp))).toList();
            long firstRetryMs = after.isEmpty() ? -1 : Duration.between(end, after.get(0).receivedAt()).toMillis();
            producer.join();
            awaitWritten(lags, f.produced().size(), Duration.ofMinutes(2));
            results.add(String.format(Locale.ROOT,
                    "2-min outage at %d ev/s: backlog %d events; %d requests (reads and writes) to the sheet during the outage; "
                            + "catch-up %d ms after the sheet came back (first write %d ms after, %d write requests "
                            + "to catch up)", rate, backlog, attempts, catchUp, firstRetryMs, after.size()));
            check(f);
        }
    }

    private static void produce(SinkFixture f, int rate, Duration d) throws InterruptedException {
        int perTick = Math.max(1, rate / 50); // a transaction every 20 ms
        long start = System.nanoTime();
        long total = rate * d.toSeconds();
        long sent = 0;
        int tick = 0;
        List<String> tags = SinkFixture.TAGS;
        while (sent < total) {
            f.produce(perTick, tags);
            sent += perTick;
            tick++;
            long wait = start + TimeUnit.MILLISECONDS.toNanos(20L * tick) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    private static void awaitWritten(List<Long> lags, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lags.size() < n && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        if (lags.size() < n) {
            throw new AssertionError("only " + lags.size() + " of " + n + " events written");
        }
    }

    private static void check(SinkFixture f) {
        f.assertEveryEventExactlyOnce();
        f.assertOperacionesShowLatest();
    }

    /** Read and write requests the sink sent so far. */
    private static double requests(SinkFixture f) {
        double n = f.meters.find("zeues.sink.read.requests").counter().count();
        for (var c : f.meters.find("zeues.sink.write.requests").counters()) {
            n += c.count();
        }
        return n;
    }

    private static long lastSeq() {
        List<WriteLog.Entry> all = emulator.writeLog().entries();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    private static List<Long> sorted(List<Long> lags) {
        List<Long> s;
        synchronized (lags) {
            s = new ArrayList<>(lags);
        }
        Collections.sort(s);
        return s;
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
