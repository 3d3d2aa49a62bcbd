package com.zeues.occupation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.occupation.ApiClient;
import com.zeues.occupation.OccupationServiceContext;
import com.zeues.occupation.SharedKafka;
import com.zeues.occupation.fuzz.BadRequestGenerator.Endpoint;
import com.zeues.occupation.fuzz.BadRequestGenerator.Expect;
import com.zeues.occupation.fuzz.BadRequestGenerator.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, bad input: a seeded generator sends {@code zeues.fuzz.requests} (10,000) generated requests across every
 * endpoint of one running service on the shared broker: wrong types, missing and extra fields, huge strings, unicode
 * and control characters, deep JSON, wrong content types and methods, invalid dates, negative and huge ids, path
 * traversal and odd tags, bad tokens, foreign origins. Zero 5xx; every refusal has the contract's status, code and
 * body, and no stack trace or class name; every well-formed command is decided by the rules; the spools that got
 * only refused requests are exactly as before, and each sandbox spool's version is the number of commands accepted
 * for it; the service is healthy afterwards.
 *
 * <p>The seed is printed; rerun one with {@code -Dzeues.fuzz.seed=<seed>} (and fewer requests with
 * {@code -Dzeues.fuzz.requests=}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputFuzzTest {

    static final long SEED = Long.getLong("zeues.fuzz.seed", 20_261_130L);
    static final int REQUESTS = Integer.getInteger("zeues.fuzz.requests", 10_000);
    /** Modest: the machine has two cores, shared with the broker and the topology. */
    static final int CONCURRENCY = 4;

    /** What no answer may contain: a stack frame, a Java class or package name, an exception's name. */
    static final Pattern LEAK = Pattern.compile("(?i)(exception|\\bat [a-z]+\\.[a-z]+|java\\.|javax\\.|jdk\\."
            + "|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|com\\.zeues|reactor\\.|io\\.netty"
            + "|\\.java:\\d+|\\$Proxy|trace)");
    static final Set<String> BUSINESS_CODES = Set.of("DEPENDENCIAS_NO_SATISFECHAS", "OPERACION_YA_COMPLETADA",
            "OPERACION_NO_INICIADA", "OPERACION_NO_DISPONIBLE", "INVALID_STATE_TRANSITION", "NO_AUTORIZADO",
            "ROL_NO_AUTORIZADO", "SPOOL_BLOQUEADO", "SPOOL_NO_ENCONTRADO", "WORKER_NO_ENCONTRADO", "SPOOL_OCCUPIED");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    OccupationServiceContext svc;
    ApiClient api;
    ExecutorService pool;
    String base;
    final Map<String, JsonNode> before = new LinkedHashMap<>();
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger decided = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() {
        System.out.println("BadInputFuzzTest seed " + SEED + ", " + REQUESTS
                + " requests (rerun with -Dzeues.fuzz.seed=" + SEED + ")");
        svc = new OccupationServiceContext(SharedKafka.bootstrapServers(),
                "zeues.access.device-tokens=" + BadRequestGenerator.DEVICE_TOKEN + ","
                        + BadRequestGenerator.OTHER_DEVICE_TOKEN);
        api = svc.startOperational();
        base = "http://127.0.0.1:" + svc.port();
        pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (String tag : BadRequestGenerator.PROTECTED) {
            before.put(tag, spoolState(tag));
        }
        BadRequestGenerator.SANDBOX.forEach(t -> accepted.put(t, new AtomicInteger()));
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (svc != null) {
            svc.close();
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(Endpoint.values());
    }

    /** The share of {@link #REQUESTS} one endpoint gets; together exactly {@link #REQUESTS}. */
    static int share(Endpoint e) {
        int n = Endpoint.values().length;
        return REQUESTS / n + (e.ordinal() < REQUESTS % n ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    @Order(1)
    void generatedRequestsGetTheContractsAnswer(Endpoint endpoint) throws Exception {
        long seed = SEED * 31 + endpoint.name().hashCode();
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        List<Request> requests = new BadRequestGenerator(seed, today).generate(endpoint, share(endpoint));
        List<String> mine = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (Request r : requests) {
            futures.add(pool.submit(() -> {
                String problem = check(r);
                if (problem != null) {
                    mine.add(problem + "\n    request: " + r.describe());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        failures.addAll(mine);
        assertThat(mine).as("%s: %d of %d generated requests answered against the contract (seed %d)",
                endpoint, mine.size(), requests.size(), SEED).isEmpty();
    }

    @Test
    @Order(2)
    void refusedRequestsChangedNothingAndTheServiceIsHealthy() {
        System.out.printf("BadInputFuzzTest: %d sent, %d refused as expected, %d decided by the rules, accepted per "
                + "sandbox spool %s%n", sent.get(), refused.get(), decided.get(), accepted);
        assertThat(sent.get()).as("every generated request was sent").isEqualTo(REQUESTS);
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            assertThat(spoolState(e.getKey())).as("state and history of %s, which only got refused requests",
                    e.getKey()).isEqualTo(e.getValue());
        }
        // the views are eventually consistent (contract: within 1 s); the stores answer status at once
        for (String tag : BadRequestGenerator.SANDBOX) {
            JsonNode status = api.get("/api/occupation/status/" + tag).body();
            int expected = accepted.get(tag).get();
            assertThat(status.get("version").asInt()).as("version of %s = commands accepted for it", tag)
                    .isEqualTo(expected);
            assertThat(api.get("/api/history/" + tag).body().get("events")).as("events of %s", tag).hasSize(expected);
        }
        int total = accepted.values().stream().mapToInt(AtomicInteger::get).sum();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/dashboard/resumen").body().get("eventos_hoy").asInt())
                .as("events today: exactly the accepted commands").isEqualTo(total));

        JsonNode health = api.get("/api/health").body();
        assertThat(health.get("operational").asBoolean()).as(health.toString()).isTrue();
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("healthy");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        ApiClient.Response tomar = api.post("/api/occupation/tomar", Map.of("tag_spool", "TEST-40", "worker_id", 93,
                "operacion", "ARM"), Map.of("X-Device-Token", BadRequestGenerator.DEVICE_TOKEN));
        assertThat(tomar.status()).as("a command after the storm: " + tomar.raw()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------

    JsonNode spoolState(String tag) {
        ApiClient.Response status = api.get("/api/occupation/status/" + tag);
        ApiClient.Response history = api.get("/api/history/" + tag);
        assertThat(status.status()).as(status.raw()).isEqualTo(200);
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        return JSON.createObjectNode().set("status", status.body()).set("history", history.body());
    }

    /** Sends one request; null when the answer is what the contract says, else what is wrong with it. */
    String check(Request r) {
        OneShotHttp.Answer response;
        long t0 = System.nanoTime();
        try {
            response = OneShotHttp.send(svc.port(), r.method(), r.path(), r.headers(), r.body(), r.chunked(), 30_000);
        } catch (Exception e) {
            sent.incrementAndGet();
            return "no answer after " + (System.nanoTime() - t0) / 1_000_000 + " ms (at " + java.time.LocalTime.now()
                    + "): " + e;
        }
        sent.incrementAndGet();
        int status = response.status();
        String raw = response.body() == null ? "" : response.body();
        String where = "answered " + status + " " + (raw.length() > 400 ? raw.substring(0, 400) + "…" : raw);
        if (status >= 500) {
            return "5xx: " + where;
        }
        boolean json = response.header("Content-Type").startsWith("application/json");
        if (json && LEAK.matcher(withoutEcho(raw, r)).find()) {
            return "leaks internals: " + where;
        }
        Expect expect = r.expect();
        switch (expect.verdict()) {
            case REFUSED: {
                String problem = contractError(response, raw, expect.status(), Set.of(expect.code()));
                if (problem == null) {
                    refused.incrementAndGet();
                }
                return problem == null ? null : problem + " (expected " + expect.status() + " " + expect.code()
                        + "): " + where;
            }
            case OK:
                return status / 100 == 2 ? null : "expected 2xx: " + where;
            case OK_OR_NOT_FOUND:
                if (status == 200) {
                    return null;
                }
                String p = contractError(response, raw, 404, Set.of(expect.code()));
                return p == null ? null : p + ": " + where;
            default:
                return decided(r, response, raw, where);
        }
    }

    /** A well-formed command: 200 (counted for its spools), or a business refusal of the rules. */
    String decided(Request r, OneShotHttp.Answer response, String raw, String where) {
        int status = response.status();
        if (status == 200) {
            JsonNode body = parse(raw);
            if (body == null) {
                return "200 without JSON: " + where;
            }
            if (r.endpoint().equals(Endpoint.BATCH_TOMAR.name())) {
                for (JsonNode d : body.get("details")) {
                    String tag = d.get("tag_spool").asString();
                    if (d.get("success").asBoolean() && accepted.containsKey(tag)) {
                        accepted.get(tag).incrementAndGet();
                    } else if (!d.get("success").asBoolean() && !BUSINESS_CODES.contains(d.get("error").asString())) {
                        return "batch item refused with " + d.get("error") + ": " + where;
                    }
                }
            } else {
                if (!body.get("success").asBoolean()) {
                    return "200 without success: " + where;
                }
                if (r.tags().size() != 1) {
                    return "accepted a command for an unknown spool: " + where;
                }
                accepted.get(r.tags().get(0)).incrementAndGet();
            }
            decided.incrementAndGet();
            return null;
        }
        String problem = contractError(response, raw, status, BUSINESS_CODES);
        if (problem != null || !Set.of(400, 403, 404, 409).contains(status)) {
            return "a well-formed command must be decided by the rules: " + (problem == null ? "" : problem + ": ")
                    + where;
        }
        decided.incrementAndGet();
        return null;
    }

    /** Null when the answer is the contract's error body with that status and one of those codes. */
    static String contractError(OneShotHttp.Answer response, String raw, int status, Set<String> codes) {
        if (response.status() != status) {
            return "status";
        }
        if (!response.header("Content-Type").startsWith("application/json")) {
            return "not JSON";
        }
        JsonNode body = parse(raw);
        if (body == null || !body.isObject()) {
            return "body not a JSON object";
        }
        if (!body.has("success") || !body.get("success").isBoolean() || body.get("success").asBoolean()) {
            return "success must be false";
        }
        JsonNode error = body.get("error");
        if (error == null || !error.isString() || !codes.contains(error.asString())) {
            return "error code";
        }
        if (com.zeues.domain.model.ErrorCode.valueOf(error.asString()).status() != status) {
            return "code and status disagree";
        }
        JsonNode message = body.get("message");
        if (message == null || !message.isString() || message.asString().isBlank()) {
            return "message";
        }
        if (!body.has("detail") || !(body.get("detail").isString() || body.get("detail").isArray())) {
            return "detail";
        }
        if (!body.has("data") || !(body.get("data").isNull() || body.get("data").isObject())) {
            return "data";
        }
        return null;
    }

    /** The answer without what the request itself put there (a path or tag echoed back is not a leak). */
    static String withoutEcho(String raw, Request r) {
        String s = raw;
        String path = r.path().contains("?") ? r.path().substring(0, r.path().indexOf('?')) : r.path();
        s = s.replace(path, "");
        if (r.body() != null && r.body().length < 70_000) {
            JsonNode body = parse(new String(r.body(), StandardCharsets.UTF_8));
            if (body != null) {
                for (JsonNode v : body.findValues("tag_spool")) {
                    if (v.isString() && !v.asString().isBlank()) {
                        s = s.replace(v.asString().strip(), "");
                    }
                }
            }
        }
        return s;
    }

    static JsonNode parse(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : JSON.readTree(raw);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
