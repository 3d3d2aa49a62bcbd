package com.zeues.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.LocalStack;
import com.zeues.local.e2e.Http.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The eight workflows of the production incident report ({@code shared/seed/production-e2e-summary.md}) and the
 * rules around them, against the whole local default started by its launcher on free ports: real broker, sheets
 * emulator with the demo spreadsheet, sheets connector, occupation service. Each workflow uses its own spool.
 * Spools and workers are those of {@code infra/sheets-emulator/DEMO-DATA.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedWorkflowsIT {

    static final int MAURICIO = 93;  // Armador, Soldador, Metrologia
    static final int JUAN = 94;      // Armador
    static final int SEBASTIAN = 95; // Armador
    static final int CRISTOBAL = 97; // Soldador
    static final int ALVARO = 98;    // Metrologia
    static final int MATIAS = 99;    // Ayudante
    static final int BENJAMIN = 100; // inactive
    static final String ARM_DONE = "MK-1335-FW-25198-006";
    static final String SOLD_DONE_A = "MK-1335-FW-25198-004";
    static final String SOLD_DONE_B = "MK-1335-FW-25198-007";
    static final String SIN_MATERIALES = "MK-1342-PW-25209-004";
    static final String RECHAZADO_2 = "MK-1361-SW-25659-004";

    LocalStack stack;
    Http api;

    @BeforeAll
    void startTheLocalDefault() throws Exception {
        Path dir = Files.createTempDirectory("zeues-e2e");
        stack = LocalStack.builder().dataDir(dir.resolve("data")).output(dir.resolve("launcher.out")).start();
        api = new Http(stack.serviceUrl());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static Map<String, Object> cmd(String tag, int worker, String op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag_spool", tag);
        m.put("worker_id", worker);
        m.put("operacion", op);
        return m;
    }

    static String today() {
        return LocalDate.now(ZoneId.of("America/Santiago")).toString();
    }

    JsonNode status(String tag) {
        Response r = api.get("/api/occupation/status/" + tag);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().get("success").asBoolean()).as(r.raw()).isFalse();
        assertThat(r.error()).as(r.raw()).isEqualTo(code);
        assertThat(r.text("message")).isNotBlank();
    }

    static void assertOk(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("success").asBoolean()).as(r.raw()).isTrue();
    }

    // 1. ARM TOMAR → PAUSAR → COMPLETAR

    @Test
    void workflow1_armTomarPausarCompletar() {
        Response tomar = api.post("/api/occupation/tomar", cmd("TEST-01", MAURICIO, "ARM"));
        assertOk(tomar);
        assertThat(tomar.text("estado_detalle")).isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        assertOk(api.post("/api/occupation/pausar", cmd("TEST-01", MAURICIO, "ARM")));
        assertThat(status("TEST-01").get("arm").asString()).isEqualTo("pausado");
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-01", MAURICIO, "ARM")));
        Map<String, Object> completar = cmd("TEST-01", MAURICIO, "ARM");
        completar.put("fecha_operacion", today());
        assertOk(api.post("/api/occupation/completar", completar));
        JsonNode s = status("TEST-01");
        assertThat(s.get("arm").asString()).isEqualTo("completado");
        assertThat(s.get("fecha_armado").asString()).isEqualTo(today());
        assertThat(s.get("estado_detalle").asString()).isEqualTo("Disponible - ARM completado, SOLD pendiente");
        assertThat(s.get("version").asLong()).isEqualTo(4);
    }

    // 2. Race condition: concurrent TOMAR

    @Test
    void workflow2_tenConcurrentTomarHaveOneWinner() throws Exception {
        int[] workers = {MAURICIO, JUAN, SEBASTIAN, MATIAS};
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int w = workers[i % workers.length];
                calls.add(() -> api.post("/api/occupation/tomar", cmd("TEST-02", w, "ARM")));
            }
            List<Response> results = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() == 409).hasSize(9)
                    .allSatisfy(r -> assertThat(r.error()).isEqualTo("SPOOL_OCCUPIED"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(status("TEST-02").get("version").asLong()).isEqualTo(1);
    }

    // 3. Invalid PAUSAR without TOMAR

    @Test
    void workflow3_pausarWithoutTomar() {
        assertError(api.post("/api/occupation/pausar", cmd("TEST-03", MAURICIO, "ARM")), 400, "OPERACION_NO_INICIADA");
    }

    // 4. Nonexistent spool

    @Test
    void workflow4_nonexistentSpool() {
        assertError(api.post("/api/occupation/tomar", cmd("NO-EXISTE-1", MAURICIO, "ARM")), 404, "SPOOL_NO_ENCONTRADO");
        assertError(api.get("/api/occupation/status/NO-EXISTE-1"), 404, "SPOOL_NO_ENCONTRADO");
    }

    // 5. History endpoint (the audit trail): a dict with sessions and events

    @Test
    void workflow5_history() {
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-04", JUAN, "ARM")));
        assertOk(api.post("/api/occupation/pausar", cmd("TEST-04", JUAN, "ARM")));
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-04", SEBASTIAN, "ARM")));
        Response h = api.get("/api/history/TEST-04");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.text("tag_spool")).isEqualTo("TEST-04");
        JsonNode sessions = h.body().get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("worker_nombre").asString()).isEqualTo("JP(94)");
        assertThat(sessions.get(0).get("duration").asString()).matches("\\d+m");
        assertThat(sessions.get(1).get("worker_id").asInt()).isEqualTo(SEBASTIAN);
        assertThat(sessions.get(1).get("end_time").isNull()).isTrue();
        JsonNode events = h.body().get("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(1).get("evento_tipo").asString()).isEqualTo("PAUSAR_SPOOL");
        assertThat(events.get(1).get("spool").get("arm").asString()).isEqualTo("pausado");
    }

    // 6. Backend health check: truthful

    @Test
    void workflow6_health() {
        JsonNode h = api.get("/api/health").body();
        assertThat(h.get("status").asString()).isEqualTo("healthy");
        assertThat(h.get("operational").asBoolean()).isTrue();
        assertThat(h.get("kafka_connection").asString()).isEqualTo("ok");
        assertThat(h.get("streams_state").asString()).isEqualTo("RUNNING");
    }

    // 7. SOLD workflow on a spool whose ARM was done before the takeover of the sheet

    @Test
    void workflow7_sold() {
        assertThat(status(ARM_DONE).get("arm").asString()).isEqualTo("completado");
        assertError(api.post("/api/occupation/tomar", cmd(ARM_DONE, JUAN, "SOLD")), 403, "ROL_NO_AUTORIZADO");
        assertOk(api.post("/api/occupation/tomar", cmd(ARM_DONE, CRISTOBAL, "SOLD")));
        Map<String, Object> completar = cmd(ARM_DONE, CRISTOBAL, "SOLD");
        completar.put("fecha_operacion", today());
        assertOk(api.post("/api/occupation/completar", completar));
        JsonNode s = status(ARM_DONE);
        assertThat(s.get("sold").asString()).isEqualTo("completado");
        assertThat(s.get("soldador").asString()).isEqualTo("CA(97)");
        assertThat(s.get("estado_detalle").asString()).isEqualTo("Disponible - ARM completado, SOLD completado");
    }

    // 8. Metrología instant inspection, with a repair cycle

    @Test
    void workflow8_metrologia() {
        Response ok = api.post("/api/metrologia/completar",
                Map.of("tag_spool", SOLD_DONE_A, "worker_id", ALVARO, "resultado", "APROBADO"));
        assertOk(ok);
        assertThat(ok.text("estado_detalle")).isEqualTo("METROLOGIA_APROBADO ✓");
        assertThat(ok.text("resultado")).isEqualTo("APROBADO");

        Map<String, Object> rechazo = Map.of("tag_spool", SOLD_DONE_B, "worker_id", ALVARO, "operacion", "METROLOGIA",
                "resultado", "RECHAZADO");
        Response rejected = api.post("/api/occupation/completar", rechazo);
        assertOk(rejected);
        assertThat(rejected.text("estado_detalle")).isEqualTo("RECHAZADO (Ciclo 1/3) - Pendiente reparación");
        Map<String, Object> repair = Map.of("tag_spool", SOLD_DONE_B, "worker_id", MATIAS);
        assertOk(api.post("/api/tomar-reparacion", repair));
        assertThat(status(SOLD_DONE_B).get("estado_detalle").asString())
                .isEqualTo("EN_REPARACION (Ciclo 1/3) - Ocupado: MÓ(99)");
        assertOk(api.post("/api/completar-reparacion", repair));
        Response approved = api.post("/api/metrologia/completar",
                Map.of("tag_spool", SOLD_DONE_B, "worker_id", ALVARO, "resultado", "APROBADO"));
        assertOk(approved);
        JsonNode s = status(SOLD_DONE_B);
        assertThat(s.get("ciclo").asInt()).isZero();
        assertThat(s.get("reparacion").isNull()).isTrue();
        assertThat(s.get("metrologia").asString()).isEqualTo("aprobado");
    }

    @Test
    void theThirdRejectionBlocksAndTheSupervisorUnblocks() {
        Response r = api.post("/api/metrologia/completar",
                Map.of("tag_spool", RECHAZADO_2, "worker_id", ALVARO, "resultado", "RECHAZADO"));
        assertError(r, 400, "OPERACION_NO_DISPONIBLE"); // rejected twice and not repaired yet
        Map<String, Object> repair = Map.of("tag_spool", RECHAZADO_2, "worker_id", JUAN);
        assertOk(api.post("/api/tomar-reparacion", repair));
        assertOk(api.post("/api/completar-reparacion", repair));
        Response third = api.post("/api/metrologia/completar",
                Map.of("tag_spool", RECHAZADO_2, "worker_id", ALVARO, "resultado", "RECHAZADO"));
        assertThat(third.text("estado_detalle")).isEqualTo("BLOQUEADO - Contactar supervisor");
        assertError(api.post("/api/tomar-reparacion", repair), 403, "SPOOL_BLOQUEADO");
        Response unblock = api.post("/api/admin/spools/" + RECHAZADO_2 + "/desbloquear", Map.of("motivo", "e2e"),
                Map.of("Authorization", "Bearer " + stack.adminToken()));
        assertOk(unblock);
        assertThat(unblock.text("estado_detalle")).isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
    }

    // the rules around the workflows

    @Test
    void batchTomarOfTenWithThreeTaken() {
        for (String taken : List.of("TEST-11", "TEST-14", "TEST-17")) {
            assertOk(api.post("/api/occupation/tomar", cmd(taken, SEBASTIAN, "ARM")));
        }
        List<String> tags = new ArrayList<>();
        for (int i = 10; i <= 19; i++) {
            tags.add("TEST-" + i);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tag_spools", tags);
        body.put("worker_id", JUAN);
        body.put("operacion", "ARM");
        Response r = api.post("/api/occupation/batch-tomar", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("total").asInt()).isEqualTo(10);
        assertThat(r.body().get("succeeded").asInt()).isEqualTo(7);
        assertThat(r.body().get("failed").asInt()).isEqualTo(3);
        List<String> failed = new ArrayList<>();
        r.body().get("details").forEach(d -> {
            if (!d.get("success").asBoolean()) {
                failed.add(d.get("tag_spool").asString());
                assertThat(d.get("error").asString()).isEqualTo("SPOOL_OCCUPIED");
            }
        });
        assertThat(failed).containsExactly("TEST-11", "TEST-14", "TEST-17");
    }

    @Test
    void roleOwnershipAndCollaboration() {
        assertError(api.post("/api/occupation/tomar", cmd("TEST-05", CRISTOBAL, "ARM")), 403, "ROL_NO_AUTORIZADO");
        assertError(api.post("/api/occupation/tomar", cmd("TEST-05", BENJAMIN, "ARM")), 404, "WORKER_NO_ENCONTRADO");
        assertError(api.post("/api/occupation/tomar", cmd(SIN_MATERIALES, MAURICIO, "ARM")), 400,
                "DEPENDENCIAS_NO_SATISFECHAS");
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-05", MAURICIO, "ARM")));
        assertError(api.post("/api/occupation/pausar", cmd("TEST-05", JUAN, "ARM")), 403, "NO_AUTORIZADO");
        assertError(api.post("/api/occupation/completar", cmd("TEST-05", JUAN, "ARM")), 403, "NO_AUTORIZADO");
        assertOk(api.post("/api/occupation/pausar", cmd("TEST-05", MAURICIO, "ARM")));
        // collaboration: another worker with the role resumes the paused spool; the armador stays
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-05", JUAN, "ARM")));
        JsonNode s = status("TEST-05");
        assertThat(s.get("armador").asString()).isEqualTo("MR(93)");
        assertThat(s.get("ocupado_por").asString()).isEqualTo("JP(94)");
    }

    @Test
    void badInputIsAlwaysAContract4xx() {
        String path = "/api/occupation/tomar";
        assertError(api.post(path, "{\"tag_spool\": ", Map.of()), 422, "VALIDATION_ERROR");
        assertError(api.post(path, Map.of("worker_id", 93)), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TEST-06", -1, "ARM")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TEST-06", 93, "PINTURA")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, "{\"tag_spool\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}", Map.of()), 413,
                "PAYLOAD_TOO_LARGE");
        assertThat(status("TEST-06").get("version").asLong()).isZero();
    }

    @Test
    void everyChangeReachesTheSpreadsheetExactlyOnce() {
        assertOk(api.post("/api/occupation/tomar", cmd("TEST-08", MAURICIO, "ARM")));
        assertOk(api.post("/api/occupation/pausar", cmd("TEST-08", MAURICIO, "ARM")));
        List<String> ids = new ArrayList<>();
        api.get("/api/history/TEST-08").body().get("events").forEach(e -> ids.add(e.get("event_id").asString()));
        assertThat(ids).hasSize(2);
        Http sheet = new Http(stack.emulatorUrl());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode rows = sheet.get("/v4/spreadsheets/zeues-local/values/Metadata").body().get("values");
            for (String id : ids) {
                int count = 0;
                for (JsonNode row : rows) {
                    if (row.size() > 0 && id.equals(row.get(0).asString())) {
                        count++;
                    }
                }
                assertThat(count).as("Metadata rows for event " + id).isEqualTo(1);
            }
            JsonNode operaciones = sheet.get("/v4/spreadsheets/zeues-local/values/Operaciones").body().get("values");
            int estado = -1;
            for (int i = 0; i < operaciones.get(0).size(); i++) {
                if ("Estado_Detalle".equals(operaciones.get(0).get(i).asString())) {
                    estado = i;
                }
            }
            boolean found = false;
            for (JsonNode row : operaciones) {
                if ("TEST-08".equals(row.get(0).asString())) {
                    found = true;
                    assertThat(row.get(estado).asString()).isEqualTo("Disponible - ARM pausado, SOLD pendiente");
                }
            }
            assertThat(found).isTrue();
        });
    }

    @Test
    void idempotentRetryAppliesNothingTwice() {
        Map<String, String> key = Map.of("Idempotency-Key", "e2e-retry-1");
        Response first = api.post("/api/occupation/tomar", cmd("TEST-07", MAURICIO, "ARM"), key);
        assertOk(first);
        Response retry = api.post("/api/occupation/tomar", cmd("TEST-07", MAURICIO, "ARM"), key);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/api/history/TEST-07").body().get("events")).hasSize(1);
    }
}
