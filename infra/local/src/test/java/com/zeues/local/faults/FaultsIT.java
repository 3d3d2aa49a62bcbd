package com.zeues.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.PieceByPieceStack;
import com.zeues.local.e2e.Http;
import com.zeues.local.faults.OperationLoad.Ack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The fault tests of issue 6 on one shared stack of real processes ({@link PieceByPieceStack}): the occupation
 * service killed with SIGKILL under load and restarted, the broker stopped for 30 s under load, the sheet down and
 * rate-limited under load, retries with the same Idempotency-Key across all of it. Each test uses its own spools
 * (ready for ARM in the demo data), so their order matters only for time. Durations are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** The load; on a loaded 2-core machine the lanes may reach less, and the rate reached is printed. */
    static final int OPS_PER_SECOND = 100;
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration RECOVERY = Duration.ofSeconds(30);

    /** The demo spools ready for ARM (infra/sheets-emulator/DEMO-DATA.md, LISTO_ARM, less the TEST-nn). */
    static final List<String> READY_FOR_ARM = List.of(
            "MK-1335-FW-25198-001", "MK-1335-FW-25198-003", "MK-1335-FW-25198-005", "MK-1335-FW-25198-008",
            "MK-1335-FW-25198-009", "MK-1335-FW-25198-011", "MK-1342-PW-25209-001", "MK-1342-PW-25209-003",
            "MK-1342-PW-25209-005", "MK-1377-AC-25212-002", "MK-1377-AC-25212-003", "MK-1350-ST-25248-001",
            "MK-1350-ST-25248-002", "MK-1350-ST-25248-003", "MK-1350-ST-25248-004", "MK-1350-ST-25248-005",
            "MK-1350-ST-25248-006", "MK-1350-ST-25248-007", "MK-1350-ST-25248-008", "MK-1350-ST-25248-009",
            "MK-1377-HD-25276-001", "MK-1377-HD-25276-002", "MK-1377-HD-25276-003", "MK-1377-HD-25276-004",
            "MK-1377-HD-25276-005", "MK-1377-HD-25276-006", "MK-1377-HD-25276-007", "MK-1342-ST-25301-002",
            "MK-1342-ST-25301-006", "MK-1342-ST-25301-007", "MK-1342-ST-25301-009", "MK-1342-ST-25301-010",
            "MK-1342-ST-25301-012", "MK-1342-ST-25301-013", "MK-1377-FW-25310-001", "MK-1377-FW-25310-002",
            "MK-1377-FW-25310-004", "MK-1377-FW-25310-005", "MK-1377-FW-25310-008", "MK-1377-FW-25310-009",
            "MK-1342-PW-25325-001", "MK-1377-FW-25340-001", "MK-1377-FW-25340-002", "MK-1377-FW-25340-005",
            "MK-1377-FW-25340-007", "MK-1377-FW-25340-008", "MK-1377-FW-25340-009", "MK-1361-ST-25359-001",
            "MK-1361-ST-25359-003", "MK-1377-ST-25389-003", "MK-1377-ST-25389-004", "MK-1377-ST-25389-005",
            "MK-1335-CW-25426-002", "MK-1335-CW-25426-004", "MK-1335-CW-25426-005", "MK-1335-CW-25426-006",
            "MK-1335-CW-25426-009", "MK-1335-CW-25426-011", "MK-1342-HD-25464-001", "MK-1342-HD-25464-002",
            "MK-1342-HD-25464-006", "MK-1342-HD-25464-008", "MK-1342-HD-25464-009", "MK-1342-HD-25464-010",
            "MK-1342-HD-25464-011", "MK-1342-HD-25464-012", "MK-1342-HD-25464-014", "MK-1361-ST-25472-001",
            "MK-1361-ST-25472-002", "MK-1361-ST-25472-003", "MK-1361-ST-25472-006", "MK-1361-ST-25472-007",
            "MK-1361-ST-25472-008", "MK-1361-ST-25472-009", "MK-1361-ST-25472-010", "MK-1377-LO-25482-001",
            "MK-1377-LO-25482-002", "MK-1377-LO-25482-003", "MK-1377-LO-25482-004", "MK-1377-LO-25482-005",
            "MK-1377-LO-25482-008", "MK-1377-LO-25482-009", "MK-1377-LO-25482-011", "MK-1377-LO-25482-012",
            "MK-1377-LO-25482-014", "MK-1377-HD-25489-001", "MK-1377-HD-25489-003", "MK-1377-HD-25489-006",
            "MK-1377-HD-25489-008", "MK-1377-HD-25489-010", "MK-1377-HD-25489-012", "MK-1377-HD-25489-014",
            "MK-1361-FW-25528-001", "MK-1361-FW-25528-003", "MK-1361-FW-25528-005", "MK-1361-FW-25528-008",
            "MK-1361-FW-25528-009", "MK-1361-FW-25528-011", "MK-1377-PW-25546-003", "MK-1377-PW-25546-006",
            "MK-1377-PW-25546-008", "MK-1377-PW-25546-009", "MK-1377-PW-25546-011", "MK-1377-PW-25546-013",
            "MK-1377-PW-25546-014", "MK-1361-AC-25551-001", "MK-1361-AC-25551-003", "MK-1361-AC-25551-008",
            "MK-1361-AC-25551-011", "MK-1361-AC-25551-012", "MK-1335-HD-25565-001", "MK-1335-HD-25565-002",
            "MK-1335-HD-25565-004", "MK-1335-HD-25565-005", "MK-1335-HD-25565-007", "MK-1335-HD-25565-008",
            "MK-1350-FW-25601-005", "MK-1350-FW-25601-006", "MK-1350-FW-25601-008", "MK-1335-FW-25609-002",
            "MK-1335-FW-25609-005", "MK-1335-FW-25609-007", "MK-1335-FW-25609-008", "MK-1361-LO-25625-001",
            "MK-1361-LO-25625-002", "MK-1361-LO-25625-003", "MK-1361-LO-25625-004", "MK-1361-LO-25625-005",
            "MK-1361-LO-25625-007", "MK-1361-LO-25625-008", "MK-1361-LO-25625-009", "MK-1361-LO-25625-010",
            "MK-1361-LO-25625-011", "MK-1361-SW-25659-001", "MK-1342-HD-25665-002", "MK-1342-HD-25665-003",
            "MK-1342-HD-25665-004", "MK-1342-HD-25665-007", "MK-1342-HD-25665-008", "MK-1342-HD-25665-009",
            "MK-1342-HD-25665-010", "MK-1342-HD-25685-001", "MK-1342-HD-25685-002", "MK-1342-HD-25685-004",
            "MK-1342-HD-25685-005", "MK-1342-HD-25685-006", "MK-1342-HD-25685-007", "MK-1342-HD-25685-008",
            "MK-1377-FW-25713-003", "MK-1377-FW-25713-004", "MK-1377-FW-25713-005", "MK-1377-FW-25713-006",
            "MK-1377-FW-25713-008", "MK-1377-LO-25741-002", "MK-1377-LO-25741-004", "MK-1377-LO-25741-005",
            "MK-1377-LO-25741-006", "MK-1377-LO-25741-007", "MK-1377-LO-25741-008", "MK-1377-LO-25741-009",
            "MK-1377-LO-25741-010", "MK-1377-LO-25741-011", "MK-1377-LO-25741-012", "MK-1377-LO-25741-013",
            "MK-1377-LO-25741-014", "MK-1377-LO-25741-015", "MK-1361-LO-25761-001", "MK-1361-LO-25761-002",
            "MK-1361-LO-25761-004", "MK-1361-LO-25761-008", "MK-1361-LO-25761-009", "MK-1361-LO-25761-010",
            "MK-1377-PW-25774-001", "MK-1377-PW-25774-003", "MK-1377-PW-25774-005");
    static final List<String> CRASH_SPOOLS = READY_FOR_ARM.subList(0, 40);
    static final List<String> OUTAGE_SPOOLS = READY_FOR_ARM.subList(40, 80);
    /** Taken once the broker is back, to see views and SSE follow. */
    static final String AFTER_OUTAGE_SPOOL = READY_FOR_ARM.get(80);
    static final List<String> SHEET_SPOOLS = READY_FOR_ARM.subList(81, 121);
    static final List<String> CONTENDED_SPOOLS = READY_FOR_ARM.subList(121, 124);

    Path dir;
    PieceByPieceStack stack;
    Http api;
    AcknowledgedChangesAudit audit;

    @BeforeAll
    void start() throws Exception {
        long t0 = System.nanoTime();
        dir = Files.createTempDirectory("zeues-faults");
        stack = PieceByPieceStack.start(dir.resolve("data"));
        api = new Http(stack.serviceUrl());
        audit = new AcknowledgedChangesAudit(stack.bootstrapServers(), stack.serviceUrl());
        say("stack of separate processes operational in %d ms (logs in %s)", ms(t0), stack.logDir());
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        // the bulk (broker data, state stores) goes; the logs stay for a post-mortem
        for (String bulk : dir == null ? List.<String>of() : List.of("data/kafka/data", "data/streams")) {
            Path p = dir.resolve(bulk);
            if (Files.isDirectory(p)) {
                try (java.util.stream.Stream<Path> files = Files.walk(p)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    // 1 and 4: kill -9 under load, restart, then every acknowledged POST retried with its key

    @Test
    @Order(1)
    void serviceKilledUnderLoadLosesNothingAndRetriesGetTheFirstVerdict() throws Exception {
        long t0 = System.nanoTime();
        OperationLoad load = OperationLoad.start(stack.serviceUrl(), CRASH_SPOOLS, OPS_PER_SECOND, "crash");
        List<String> unresolved;
        long killedAt;
        try {
            Thread.sleep(15_000);
            int before = load.acks().size();
            say("crash: %d operations acknowledged in 15 s (%.0f/s, %s); kill -9 of pid %d", before,
                    before / 15.0, load.okLatencies(), stack.servicePid());
            // a correctness test, not a benchmark: the rate reached depends on the machine and is printed
            assertThat(before).as("the load reached the service").isGreaterThan(15 * 10);
            killedAt = System.nanoTime();
            stack.killService();
            stack.restartService();
            stack.awaitServiceOperational(Duration.ofSeconds(180));
            say("crash: restarted and operational %d ms after the kill", ms(killedAt));
            Thread.sleep(5_000);
        } finally {
            unresolved = load.stop(Duration.ofSeconds(30));
        }
        say("crash: outcomes %s, max latency %d ms, %s, %d acknowledged", load.outcomes(), load.maxLatencyMs(),
                load.okLatencies(), load.acks().size());
        assertThat(load.anomalies()).as("wrong verdicts, 500s or hangs").isEmpty();
        assertThat(unresolved).as("commands left without a verdict").isEmpty();
        assertThat(load.acks().stream().filter(a -> a.nanos() > killedAt)).as("acknowledged after the restart")
                .isNotEmpty();

        long t1 = System.nanoTime();
        audit.verify(CRASH_SPOOLS, load.acks(), Set.of(), Duration.ofSeconds(90));
        say("crash: audit of %d spools in %d ms", CRASH_SPOOLS.size(), ms(t1));

        long t2 = System.nanoTime();
        audit.verifyRetries(CRASH_SPOOLS, load.acks());
        say("crash: %d retries with the same key answered the first verdict in %d ms; test %d ms",
                load.acks().size(), ms(t2), ms(t0));
    }

    // 2: the broker stopped for 30 s under load

    @Test
    @Order(2)
    void brokerStoppedUnderLoadGives503Or504ThenEverythingRecovers() throws Exception {
        long t0 = System.nanoTime();
        List<JsonNode> healthDuring = new ArrayList<>();
        List<String> unresolved;
        OperationLoad load;
        long backAt;
        boolean brokerDown = false;
        try (SseWatcher sse = new SseWatcher(stack.serviceUrl())) {
            load = OperationLoad.start(stack.serviceUrl(), OUTAGE_SPOOLS, OPS_PER_SECOND, "outage");
            try {
                Thread.sleep(5_000);
                long stoppedAt = System.nanoTime();
                stack.stopBroker();
                brokerDown = true;
                say("outage: broker stopped in %d ms", ms(stoppedAt));
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    long t = System.nanoTime();
                    Http.Response h = api.get("/api/health");
                    assertThat(h.status()).as("/api/health always answers 200").isEqualTo(200);
                    assertThat(ms(t)).as("/api/health answers promptly during the outage").isLessThan(8_000);
                    if (System.nanoTime() - stoppedAt > Duration.ofSeconds(3).toNanos()) {
                        healthDuring.add(h.body());
                    }
                    // reads answer from the views or the stores, or say they cannot: never a 500
                    for (String read : List.of("/api/occupation/status/" + OUTAGE_SPOOLS.get(0),
                            "/api/history/" + OUTAGE_SPOOLS.get(0), "/api/dashboard/occupied")) {
                        assertThat(api.get(read).status()).as("GET %s during the outage", read).isIn(200, 503);
                    }
                    Thread.sleep(1_000);
                }
                long restartAt = System.nanoTime();
                stack.startBroker();
                brokerDown = false;
                backAt = System.nanoTime();
                say("outage: %d s without a broker; it answers again %d ms after its start", OUTAGE.toSeconds(),
                        ms(restartAt));
                JsonNode health = awaitHealth("healthy", RECOVERY);
                say("outage: /api/health healthy %d ms after the broker's return", ms(backAt));
                assertThat(health.get("operational").asBoolean()).isTrue();

                // a change made now shows in the views and on the SSE connection opened before the outage
                Http.Response taken = api.post("/api/occupation/tomar",
                        "{\"tag_spool\":\"" + AFTER_OUTAGE_SPOOL + "\",\"worker_id\":93,\"operacion\":\"ARM\"}",
                        Map.of());
                assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
                awaitUntil(RECOVERY.minusNanos(System.nanoTime() - backAt), "the view shows the change", () ->
                        api.get("/api/dashboard/occupied").raw().contains(AFTER_OUTAGE_SPOOL));
                awaitUntil(RECOVERY.minusNanos(System.nanoTime() - backAt), "SSE delivers the change", () ->
                        sse.frames().stream().anyMatch(f -> "spool_update".equals(f.event()) && f.data() != null
                                && f.data().contains(AFTER_OUTAGE_SPOOL)));
                say("outage: views and SSE show a new change %d ms after the broker's return (SSE connections: %d)",
                        ms(backAt), sse.connections());
                Thread.sleep(3_000);
            } finally {
                if (brokerDown) {
                    // a failure during the outage must not leave the later tests without a broker
                    stack.startBroker();
                }
                unresolved = load.stop(Duration.ofSeconds(30));
            }
            assertThat(sse.frames()).as("SSE status frames")
                    .anySatisfy(f -> assertThat(f.data()).contains("\"kafka\":\"error\""))
                    .anySatisfy(f -> assertThat(f.data()).contains("\"kafka\":\"ok\""));
        }
        say("outage: outcomes %s, max latency %d ms, %s, %d acknowledged", load.outcomes(), load.maxLatencyMs(),
                load.okLatencies(), load.acks().size());
        assertThat(load.anomalies()).as("wrong verdicts, 500s or hangs past the timeout").isEmpty();
        assertThat(load.outcomes().keySet()).as("answers during the outage: 200, 503 or 504 only")
                .allMatch(k -> k.equals("200") || k.equals("503") || k.equals("504"));
        assertThat(load.count("503") + load.count("504")).as("refused or pending answers during the outage")
                .isPositive();
        assertThat(unresolved).isEmpty();
        assertThat(healthDuring).as("/api/health during the outage").isNotEmpty().allSatisfy(h -> {
            assertThat(h.get("status").asString()).isEqualTo("unhealthy");
            assertThat(h.get("operational").asBoolean()).isFalse();
            assertThat(h.get("kafka_connection").asString()).isEqualTo("error");
        });
        long t1 = System.nanoTime();
        audit.verify(OUTAGE_SPOOLS, load.acks(), Set.of(), Duration.ofSeconds(60));
        say("outage: audit in %d ms; test %d ms", ms(t1), ms(t0));
    }

    // 3: the sheet down for 30 s, then a storm of 429s, under load

    @Test
    @Order(3)
    void sheetDownThenRateLimitedOperationsGoOnAndTheSheetCatchesUp() throws Exception {
        long t0 = System.nanoTime();
        Http emulator = new Http(stack.emulatorUrl());
        List<JsonNode> healthDuring = new ArrayList<>();
        OperationLoad load = OperationLoad.start(stack.serviceUrl(), SHEET_SPOOLS, OPS_PER_SECOND, "sheet");
        List<String> unresolved;
        try {
            Thread.sleep(3_000);
            assertThat(emulator.put("/_emulator/faults", "{\"outage\": true}").status()).isEqualTo(200);
            sampleHealth(healthDuring, OUTAGE);
            // Google's answer to too many writes: every write refused with 429 for 15 s
            assertThat(emulator.put("/_emulator/faults",
                    "{\"errorRate\": 1.0, \"errorStatus\": 429, \"errorScope\": \"WRITES\"}").status())
                    .isEqualTo(200);
            sampleHealth(healthDuring, Duration.ofSeconds(15));
            assertThat(emulator.delete("/_emulator/faults").status()).isEqualTo(200);
            say("sheet: %d s down and 15 s of 429s; faults cleared", OUTAGE.toSeconds());
        } finally {
            emulator.delete("/_emulator/faults");
            unresolved = load.stop(Duration.ofSeconds(30));
        }
        say("sheet: outcomes %s, max latency %d ms, %s, %d acknowledged", load.outcomes(), load.maxLatencyMs(),
                load.okLatencies(), load.acks().size());
        assertThat(load.anomalies()).isEmpty();
        assertThat(unresolved).isEmpty();
        assertThat(load.outcomes().keySet()).as("commands go on while the sheet is down").containsOnly("200");
        assertThat(healthDuring).as("/api/health while the sheet is down or refusing")
                .allSatisfy(h -> assertThat(h.get("operational").asBoolean()).as(h.toString()).isTrue())
                .anySatisfy(h -> {
                    assertThat(h.get("status").asString()).isEqualTo("degraded");
                    assertThat(h.get("sheets_connection").asString()).isEqualTo("error");
                })
                .noneSatisfy(h -> assertThat(h.get("status").asString()).isEqualTo("unhealthy"));

        long back = System.nanoTime();
        awaitHealth("healthy", Duration.ofSeconds(90));
        say("sheet: healthy again %d ms after the faults were cleared", ms(back));
        audit.verify(SHEET_SPOOLS, load.acks(), Set.of(), Duration.ofSeconds(30));
        // every event of the whole run (the crash and outage tests' too) is one Metadata row, exactly once
        Map<String, List<JsonNode>> events = new TopicReader(stack.bootstrapServers())
                .byKey(AcknowledgedChangesAudit.EVENTS, Duration.ofSeconds(30));
        awaitUntil(Duration.ofSeconds(60), "the sheet holds every event exactly once", () -> {
            JsonNode rows = emulator.get("/v4/spreadsheets/zeues-local/values/Metadata").body().get("values");
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).size() > 0) {
                    seen.merge(rows.get(i).get(0).asString(), 1, Integer::sum);
                }
            }
            if (seen.values().stream().anyMatch(n -> n > 1)) {
                throw new AssertionError("Metadata rows written twice: " + seen.entrySet().stream()
                        .filter(e -> e.getValue() > 1).limit(10).toList());
            }
            return events.values().stream().flatMap(List::stream)
                    .allMatch(e -> seen.containsKey(e.get("event_id").asString()));
        });
        JsonNode operaciones = emulator.get("/v4/spreadsheets/zeues-local/values/Operaciones").body().get("values");
        int estado = column(operaciones.get(0), "Estado_Detalle");
        for (JsonNode row : operaciones) {
            String tag = row.get(0).asString();
            if (SHEET_SPOOLS.contains(tag) || CRASH_SPOOLS.contains(tag) || OUTAGE_SPOOLS.contains(tag)) {
                assertThat(row.get(estado).asString()).as("Estado_Detalle of %s in the sheet", tag)
                        .isEqualTo(api.get("/api/occupation/status/" + tag).text("estado_detalle"));
            }
        }
        say("sheet: %d events in the sheet exactly once; test %d ms",
                events.values().stream().mapToInt(List::size).sum(), ms(t0));
    }

    private void sampleHealth(List<JsonNode> into, Duration during) throws InterruptedException {
        long until = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < until) {
            into.add(api.get("/api/health").body());
            Thread.sleep(1_000);
        }
    }

    private static int column(JsonNode header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (name.equals(header.get(i).asString())) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + header);
    }

    // 7: concurrent commands from several workers on few spools equal a sequential model of the rules

    /** Six workers who may take ARM and one Soldador who may not. */
    static final int[] CONTENDERS = {93, 94, 95, 99, 102, 103, 97};

    @Test
    @Order(4)
    void concurrentCommandsGetTheVerdictsOfASequentialModel() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Http.Response> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String[]> sent = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS.length);
        try {
            // races: every worker takes the same free spool at the same instant, five times per spool
            for (int round = 0; round < 5; round++) {
                for (String tag : CONTENDED_SPOOLS) {
                    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                    List<Future<Http.Response>> race = new ArrayList<>();
                    for (int w : CONTENDERS) {
                        String key = "race-" + round + "-" + tag + "-" + w;
                        race.add(pool.submit(() -> {
                            go.await();
                            sent.put(key, new String[] {"tomar", tag, String.valueOf(w)});
                            Http.Response r = command("tomar", tag, w, key);
                            verdicts.put(key, r);
                            return r;
                        }));
                    }
                    go.countDown();
                    List<Http.Response> answers = new ArrayList<>();
                    for (Future<Http.Response> f : race) {
                        answers.add(f.get());
                    }
                    assertThat(answers).as("round %d on %s: exactly one winner", round, tag)
                            .filteredOn(r -> r.status() == 200).hasSize(1);
                    int winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().body()
                            .get("version").asInt();
                    assertThat(winner).isPositive();
                    // the winner lets go, so the next round races for a free spool again
                    for (int i = 0; i < CONTENDERS.length; i++) {
                        if (answers.get(i).status() == 200) {
                            String key = "race-" + round + "-" + tag + "-" + CONTENDERS[i] + "-pausa";
                            sent.put(key, new String[] {"pausar", tag, String.valueOf(CONTENDERS[i])});
                            verdicts.put(key, command("pausar", tag, CONTENDERS[i], key));
                        }
                    }
                }
            }
            // random interleavings: each worker sends random commands to random spools, all at once
            List<Future<?>> workers = new ArrayList<>();
            for (int w : CONTENDERS) {
                workers.add(pool.submit(() -> {
                    java.util.Random rnd = new java.util.Random(w * 7919L);
                    for (int i = 0; i < 30; i++) {
                        String tag = CONTENDED_SPOOLS.get(rnd.nextInt(CONTENDED_SPOOLS.size()));
                        int roll = rnd.nextInt(100);
                        String what = roll < 45 ? "tomar" : roll < 80 ? "pausar" : "cancelar";
                        String key = "walk-" + w + "-" + i;
                        sent.put(key, new String[] {what, tag, String.valueOf(w)});
                        verdicts.put(key, command(what, tag, w, key));
                        Thread.sleep(rnd.nextInt(15));
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // the broker's order of the commands is the order the topology decided them in: replay it through the model
        Map<String, List<JsonNode>> commands = new TopicReader(stack.bootstrapServers())
                .byKey("zeues.commands", Duration.ofSeconds(30));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String tag : CONTENDED_SPOOLS) {
            ArmOccupancyModel model = new ArmOccupancyModel();
            Set<String> seen = new HashSet<>();
            for (JsonNode c : commands.getOrDefault(tag, List.of())) {
                String key = c.get("request_id").asString();
                ArmOccupancyModel.Verdict expected = model.apply(c.get("type").asString(), c.get("worker_id").asInt());
                assertThat(seen.add(key)).as("command %s on the topic twice", key).isTrue();
                Http.Response got = verdicts.get(key);
                assertThat(got).as("a verdict for command %s", key).isNotNull();
                compared++;
                if (got.status() != expected.status() || (expected.error() != null
                        && !expected.error().equals(got.error()))) {
                    mismatches.add(tag + " " + c.get("type").asString() + " by " + c.get("worker_id").asInt() + " ("
                            + key + "): model " + expected + ", service " + got.status() + " " + got.raw());
                }
            }
            JsonNode status = api.get("/api/occupation/status/" + tag).body();
            assertThat(status.get("version").asLong()).as("%s version", tag).isEqualTo(model.version());
            assertThat(status.get("arm").asString()).as("%s arm", tag).isEqualTo(model.arm());
            JsonNode occ = status.get("worker_id_ocupante");
            assertThat(occ == null || occ.isNull() ? null : occ.asInt()).as("%s occupant", tag)
                    .isEqualTo(model.occupant());
        }
        assertThat(mismatches).as("verdicts that differ from the sequential model").isEmpty();
        assertThat(compared).as("every command sent was decided once").isEqualTo(verdicts.size());

        // every command again with its key, now that the spools have moved on: the first verdict, 200 or not
        Map<String, Integer> versions = new java.util.TreeMap<>();
        CONTENDED_SPOOLS.forEach(t -> versions.put(t, api.get("/api/occupation/status/" + t).body().get("version")
                .asInt()));
        List<String> different = new ArrayList<>();
        sent.forEach((key, c) -> {
            Http.Response again = command(c[0], c[1], Integer.parseInt(c[2]), key);
            Http.Response first = verdicts.get(key);
            if (again.status() != first.status() || !java.util.Objects.equals(again.body(), first.body())) {
                different.add(key + ": first " + first.status() + " " + first.raw() + ", again " + again.status()
                        + " " + again.raw());
            }
        });
        assertThat(different).as("retries that did not get the first verdict").isEmpty();
        CONTENDED_SPOOLS.forEach(t -> assertThat(api.get("/api/occupation/status/" + t).body().get("version").asInt())
                .as("%s after the retries", t).isEqualTo(versions.get(t)));
        say("concurrency: %d commands from %d workers on %d spools equal the sequential model; %d ms", compared,
                CONTENDERS.length, CONTENDED_SPOOLS.size(), ms(t0));
    }

    private Http.Response command(String what, String tag, int worker, String key) {
        return api.post("/api/occupation/" + what,
                "{\"tag_spool\":\"" + tag + "\",\"worker_id\":" + worker + ",\"operacion\":\"ARM\"}",
                Map.of("Idempotency-Key", key));
    }

    // 6: SSE churn

    static final int SSE_CHURN = 10_000;
    /** Kafka clients may close an idle connection and open another meanwhile; one leak per SSE client is 10,000. */
    static final int FD_TOLERANCE = 20;
    /** After a full GC; one leaked client (its 256-event queue, its Netty channel) is several KB: 10,000 are more. */
    static final long HEAP_TOLERANCE_BYTES = 16L * 1024 * 1024;

    @Test
    @Order(5)
    void tenThousandSseConnectsAndDisconnectsLeaveDescriptorsAndHeapAtBaseline() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc");
        long t0 = System.nanoTime();
        long pid = stack.servicePid();
        ServiceResources resources = new ServiceResources(pid);
        churnSse(500); // warm-up: the first connections size Netty's and the JIT's pools
        awaitUntil(Duration.ofSeconds(30), "SSE clients back to 0 after the warm-up", () -> sseClients() == 0);
        ServiceResources.Sample before = resources.sample();
        long t1 = System.nanoTime();
        churnSse(SSE_CHURN);
        long churnMs = ms(t1);
        awaitUntil(Duration.ofSeconds(30), "SSE clients back to 0", () -> sseClients() == 0);
        ServiceResources.Sample after = resources.sample();
        say("sse churn: %d connects and disconnects in %d ms; fds %d -> %d, heap after GC %d KB -> %d KB; test %d ms",
                SSE_CHURN, churnMs, before.fds(), after.fds(), before.heapUsedBytes() / 1024,
                after.heapUsedBytes() / 1024, ms(t0));
        assertThat(after.fds()).as("open file descriptors of the service").isLessThanOrEqualTo(before.fds()
                + FD_TOLERANCE);
        assertThat(after.heapUsedBytes()).as("heap used after a full GC")
                .isLessThanOrEqualTo(before.heapUsedBytes() + HEAP_TOLERANCE_BYTES);
        assertThat(api.get("/api/health").body().get("operational").asBoolean()).isTrue();
    }

    /** {@code n} SSE connections, 16 at a time: each reads until its snapshot arrived, then hangs up. */
    private void churnSse(int n) throws Exception {
        java.net.InetSocketAddress address = new java.net.InetSocketAddress("127.0.0.1",
                java.net.URI.create(stack.serviceUrl()).getPort());
        byte[] request = ("GET /api/sse/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    int done = 0;
                    while (next.getAndIncrement() < n) {
                        try (java.net.Socket socket = new java.net.Socket()) {
                            socket.connect(address, 5_000);
                            socket.setSoTimeout(10_000);
                            socket.getOutputStream().write(request);
                            java.io.InputStream in = socket.getInputStream();
                            StringBuilder seen = new StringBuilder();
                            byte[] buffer = new byte[8192];
                            while (seen.indexOf("snapshot") < 0) {
                                int read = in.read(buffer);
                                if (read < 0) {
                                    throw new AssertionError("SSE stream ended before its snapshot: " + seen);
                                }
                                seen.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
                            }
                            done++;
                        }
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> f : workers) {
                total += f.get();
            }
            assertThat(total).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
    }

    private long sseClients() {
        String metrics = api.get("/actuator/prometheus").raw();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("zeues_sse_clients")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no zeues_sse_clients in /actuator/prometheus");
    }

    // the runbook's alerts (docs/operations.md) need these series

    @Test
    @Order(6)
    void theMetricsTheRunbookAlertsOnAreExported() {
        String service = api.get("/actuator/prometheus").raw();
        assertThat(service).contains("http_server_requests_seconds_bucket{", "zeues_views_lag", "zeues_views_caught_up",
                "zeues_sse_clients", "zeues_sse_clients_dropped_total", "kafka_stream_task_dropped_records_total",
                "process_files_open_files", "jvm_memory_used_bytes");
        String connector = new Http(stack.connectorUrl()).get("/actuator/prometheus").raw();
        assertThat(connector).contains("zeues_sink_oldest_pending_age_seconds", "zeues_sink_lag_events",
                "zeues_sink_stopped");
    }

    // helpers

    private JsonNode awaitHealth(String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/health").body();
            if (last != null && status.equals(last.get("status").asString())) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/api/health not " + status + " within " + timeout.toSeconds() + " s: " + last
                + stack.serviceLogTail(40));
    }

    private static void awaitUntil(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), 0);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(100);
        }
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void say(String format, Object... args) {
        System.out.printf("[FaultsIT] " + format + "%n", args);
    }

    static Set<String> tagsOf(List<Ack> acks) {
        Set<String> tags = new HashSet<>();
        acks.forEach(a -> tags.add(a.tag()));
        return tags;
    }
}
