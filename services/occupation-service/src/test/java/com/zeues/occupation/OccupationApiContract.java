package com.zeues.occupation;

import static com.zeues.occupation.ApiClient.cmd;
import static com.zeues.occupation.MasterDataFixture.ANA;
import static com.zeues.occupation.MasterDataFixture.FERNANDO;
import static com.zeues.occupation.MasterDataFixture.JORGE;
import static com.zeues.occupation.MasterDataFixture.JUAN;
import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static com.zeues.occupation.MasterDataFixture.NICOLAS;
import static com.zeues.occupation.MasterDataFixture.PEDRO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.occupation.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The occupation API against a real broker: request-reply, the rules end to end, idempotency, the error
 * body of every kind of bad input. Subclasses say which broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OccupationApiContract {

    static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + OccupationServiceContext.ADMIN_TOKEN);

    OccupationServiceContext svc;
    ApiClient api;

    abstract String bootstrapServers();

    @BeforeAll
    void startService() {
        svc = new OccupationServiceContext(bootstrapServers());
        api = svc.startOperational();
    }

    @AfterAll
    void stopService() {
        if (svc != null) {
            svc.close();
        }
    }


    static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.put(k, v);
        return copy;
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
        assertThat(r.body().get("success").asBoolean()).isFalse();
        assertThat(r.error()).isEqualTo(code);
        assertThat(r.body().get("message").asString()).isNotBlank();
        assertThat(r.body().has("detail")).isTrue();
        assertThat(r.body().has("data")).isTrue();
    }

    // ---- seed workflow 1 and the collaboration rule -------------------------------------------------------

    @Test
    void armTomarPausarResumeByAnotherWorkerThenCompletar() {
        Response tomar = api.post("/api/occupation/tomar", cmd("TEST-01", MAURICIO, "ARM"));
        assertThat(tomar.status()).as(tomar.raw()).isEqualTo(200);
        assertThat(tomar.body().get("success").asBoolean()).isTrue();
        assertThat(tomar.body().get("message").asString()).isEqualTo("Spool TEST-01 tomado por MR(93)");
        assertThat(tomar.body().get("estado_detalle").asString())
                .isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
        assertThat(tomar.body().get("version").asLong()).isEqualTo(1);
        assertThat(tomar.body().get("request_id").asString()).isNotBlank();

        JsonNode occupied = status("TEST-01");
        assertThat(occupied.get("ocupado_por").asString()).isEqualTo("MR(93)");
        assertThat(occupied.get("worker_id_ocupante").asInt()).isEqualTo(MAURICIO);
        assertThat(occupied.get("arm").asString()).isEqualTo("en_progreso");
        assertThat(occupied.get("fecha_ocupacion").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");

        Response pausar = api.post("/api/occupation/pausar", cmd("TEST-01", MAURICIO, "ARM"));
        assertThat(pausar.status()).as(pausar.raw()).isEqualTo(200);
        assertThat(pausar.body().get("message").asString()).isEqualTo("Trabajo pausado en TEST-01");
        assertThat(status("TEST-01").get("estado_detalle").asString())
                .isEqualTo("Disponible - ARM pausado, SOLD pendiente");

        Response resume = api.post("/api/occupation/tomar", cmd("TEST-01", JUAN, "ARM"));
        assertThat(resume.status()).as(resume.raw()).isEqualTo(200);
        JsonNode resumed = status("TEST-01");
        assertThat(resumed.get("armador").asString()).isEqualTo("MR(93)");
        assertThat(resumed.get("ocupado_por").asString()).isEqualTo("JP(94)");

        Response completar = api.post("/api/occupation/completar",
                with(cmd("TEST-01", JUAN, "ARM"), "fecha_operacion", today()));
        assertThat(completar.status()).as(completar.raw()).isEqualTo(200);
        assertThat(completar.body().get("message").asString()).isEqualTo("Operación ARM completada en TEST-01");
        JsonNode done = status("TEST-01");
        assertThat(done.get("arm").asString()).isEqualTo("completado");
        assertThat(done.get("fecha_armado").asString()).isEqualTo(today());
        assertThat(done.get("ocupado_por").isNull()).isTrue();
        assertThat(done.get("version").asLong()).isEqualTo(4);

        Response history = api.get("/api/history/TEST-01");
        assertThat(history.status()).isEqualTo(200);
        JsonNode sessions = history.body().get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("worker_nombre").asString()).isEqualTo("MR(93)");
        assertThat(sessions.get(0).get("end_time").isNull()).isFalse();
        assertThat(sessions.get(0).get("duration").asString()).isEqualTo("0m");
        assertThat(sessions.get(1).get("worker_id").asInt()).isEqualTo(JUAN);
        JsonNode events = history.body().get("events");
        assertThat(events).hasSize(4);
        assertThat(events.get(0).get("evento_tipo").asString()).isEqualTo("TOMAR_SPOOL");
        assertThat(events.get(3).get("evento_tipo").asString()).isEqualTo("COMPLETAR_ARM");
        assertThat(events.get(3).get("fecha_operacion").asString()).isEqualTo(today());
    }

    // ---- seed workflow 2: the race ---------------------------------------------------------------------------

    @Test
    void tenConcurrentTomarOfOneSpoolHaveExactlyOneWinner() throws Exception {
        int[] armWorkers = {MAURICIO, JUAN, NICOLAS, PEDRO};
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int worker = armWorkers[i % armWorkers.length];
                calls.add(() -> api.post("/api/occupation/tomar", cmd("TEST-02", worker, "ARM")));
            }
            List<Response> results = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() == 409).hasSize(9)
                    .allSatisfy(r -> assertThat(r.error()).isEqualTo("SPOOL_OCCUPIED"));
            JsonNode winner = results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().body();
            Response loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.body().get("data").get("owner_name").asString())
                    .isEqualTo(status("TEST-02").get("ocupado_por").asString());
            assertThat(winner.get("version").asLong()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchTomarReportsEachSpoolInRequestOrder() {
        for (String taken : List.of("TEST-11", "TEST-13", "TEST-15")) {
            assertThat(api.post("/api/occupation/tomar", cmd(taken, NICOLAS, "ARM")).status()).isEqualTo(200);
        }
        List<String> tags = new ArrayList<>();
        for (int i = 10; i <= 19; i++) {
            tags.add("TEST-" + i);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tag_spools", tags);
        body.put("worker_id", MAURICIO);
        body.put("operacion", "ARM");
        Response r = api.post("/api/occupation/batch-tomar", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("total").asInt()).isEqualTo(10);
        assertThat(r.body().get("succeeded").asInt()).isEqualTo(7);
        assertThat(r.body().get("failed").asInt()).isEqualTo(3);
        JsonNode details = r.body().get("details");
        for (int i = 0; i < 10; i++) {
            JsonNode d = details.get(i);
            assertThat(d.get("tag_spool").asString()).isEqualTo(tags.get(i));
            assertThat(d.get("request_id").asString()).isNotBlank();
            boolean taken = List.of("TEST-11", "TEST-13", "TEST-15").contains(tags.get(i));
            assertThat(d.get("success").asBoolean()).isEqualTo(!taken);
            if (taken) {
                assertThat(d.get("error").asString()).isEqualTo("SPOOL_OCCUPIED");
                assertThat(d.get("message").asString()).contains("NR(95)");
            }
        }
    }

    // ---- seed workflows 3 and 4 ---------------------------------------------------------------------------

    @Test
    void pausarWithoutTomarIsNotStarted() {
        assertError(api.post("/api/occupation/pausar", cmd("TEST-03", MAURICIO, "ARM")), 400, "OPERACION_NO_INICIADA");
        assertThat(status("TEST-03").get("version").asLong()).isZero();
    }

    @Test
    void unknownSpoolIsNotFound() {
        assertError(api.post("/api/occupation/tomar", cmd("NO-EXISTE-999", MAURICIO, "ARM")), 404, "SPOOL_NO_ENCONTRADO");
        assertError(api.get("/api/occupation/status/NO-EXISTE-999"), 404, "SPOOL_NO_ENCONTRADO");
        assertError(api.get("/api/history/NO-EXISTE-999"), 404, "SPOOL_NO_ENCONTRADO");
    }

    @Test
    void roleAndOwnershipErrors() {
        Response role = api.post("/api/occupation/tomar", cmd("TEST-04", FERNANDO, "ARM"));
        assertError(role, 403, "ROL_NO_AUTORIZADO");
        assertThat(role.body().get("data").get("roles_actuales").get(0).asString()).isEqualTo("Soldador");
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-04", MAURICIO, "ARM")).status()).isEqualTo(200);
        Response other = api.post("/api/occupation/pausar", cmd("TEST-04", JUAN, "ARM"));
        assertError(other, 403, "NO_AUTORIZADO");
        assertThat(other.body().get("data").get("trabajador_esperado").get("id").asInt()).isEqualTo(MAURICIO);
        assertThat(other.body().get("data").get("trabajador_solicitante").get("nombre").asString()).isEqualTo("JP(94)");
        // completar checks no dependencies (contract §2.4): the ARM occupant completing SOLD is a wrong transition
        assertError(api.post("/api/occupation/completar", cmd("TEST-04", MAURICIO, "SOLD")), 400,
                "INVALID_STATE_TRANSITION");
        assertError(api.post("/api/occupation/pausar", cmd("TEST-04", MAURICIO, "SOLD")), 400,
                "INVALID_STATE_TRANSITION");
        assertError(api.post("/api/occupation/tomar", cmd("TEST-04", JORGE, "ARM")), 404, "WORKER_NO_ENCONTRADO");
        assertError(api.post("/api/occupation/tomar", cmd("TEST-04", 99_999, "ARM")), 404, "WORKER_NO_ENCONTRADO");
        assertError(api.post("/api/occupation/tomar", cmd("TEST-04", MAURICIO, "ARM")), 409, "SPOOL_OCCUPIED");
    }

    @Test
    void dependenciesAndUnavailableOperations() {
        Response noMat = api.post("/api/occupation/tomar", cmd("NOMAT-01", MAURICIO, "ARM"));
        assertError(noMat, 400, "DEPENDENCIAS_NO_SATISFECHAS");
        assertThat(noMat.body().get("data").get("dependencia_faltante").asString()).isEqualTo("fecha_materiales");
        assertError(api.post("/api/occupation/tomar", cmd("TEST-05", FERNANDO, "SOLD")), 400,
                "DEPENDENCIAS_NO_SATISFECHAS");
        assertError(api.post("/api/metrologia/completar", Map.of("tag_spool", "TEST-05", "worker_id", ANA,
                "resultado", "APROBADO")), 400, "DEPENDENCIAS_NO_SATISFECHAS");
        Response metro = api.post("/api/occupation/tomar", cmd("TEST-05", MAURICIO, "METROLOGIA"));
        assertError(metro, 400, "OPERACION_NO_DISPONIBLE");
        assertThat(metro.body().get("data").get("estado_actual").asString()).startsWith("Disponible");
        assertError(api.post("/api/tomar-reparacion", Map.of("tag_spool", "TEST-05", "worker_id", JUAN)), 400,
                "OPERACION_NO_DISPONIBLE");
        assertError(api.post("/api/occupation/completar", cmd("ARMDONE-02", MAURICIO, "ARM")), 400,
                "OPERACION_YA_COMPLETADA");
        assertError(api.post("/api/occupation/tomar", cmd("ARMDONE-02", MAURICIO, "ARM")), 400,
                "OPERACION_YA_COMPLETADA");
    }

    // ---- seed workflow 7: SOLD --------------------------------------------------------------------------------

    @Test
    void soldWorkflow() {
        assertThat(status("ARMDONE-01").get("arm").asString()).isEqualTo("completado");
        Response tomar = api.post("/api/occupation/tomar", cmd("ARMDONE-01", FERNANDO, "SOLD"));
        assertThat(tomar.status()).as(tomar.raw()).isEqualTo(200);
        assertThat(tomar.body().get("estado_detalle").asString())
                .isEqualTo("FF(97) trabajando SOLD (ARM completado, SOLD en progreso)");
        Response completar = api.post("/api/occupation/completar", cmd("ARMDONE-01", FERNANDO, "SOLD"));
        assertThat(completar.status()).as(completar.raw()).isEqualTo(200);
        JsonNode s = status("ARMDONE-01");
        assertThat(s.get("sold").asString()).isEqualTo("completado");
        assertThat(s.get("soldador").asString()).isEqualTo("FF(97)");
        assertThat(s.get("fecha_soldadura").asString()).isEqualTo(today());
    }

    // ---- seed workflow 8: metrología, repair, block and unblock ----------------------------------------------

    @Test
    void metrologiaApprovesInstantly() {
        Response ok = api.post("/api/metrologia/completar", Map.of("tag_spool", "INSPECT-01", "worker_id", ANA,
                "resultado", "APROBADO"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().get("resultado").asString()).isEqualTo("APROBADO");
        assertThat(ok.body().get("estado_detalle").asString()).isEqualTo("METROLOGIA_APROBADO ✓");
        assertThat(status("INSPECT-01").get("fecha_qc_metrologia").asString()).isEqualTo(today());
        assertError(api.post("/api/occupation/completar", Map.of("tag_spool", "INSPECT-01", "worker_id", ANA,
                "operacion", "METROLOGIA", "resultado", "APROBADO")), 400, "OPERACION_YA_COMPLETADA");
        assertError(api.post("/api/occupation/completar", Map.of("tag_spool", "INSPECT-03", "worker_id", ANA,
                "operacion", "METROLOGIA")), 422, "VALIDATION_ERROR");
        assertError(api.post("/api/metrologia/completar", Map.of("tag_spool", "INSPECT-03", "worker_id", JUAN,
                "resultado", "APROBADO")), 403, "ROL_NO_AUTORIZADO");
    }

    @Test
    void threeRejectionsBlockUntilASupervisorUnblocks() {
        String tag = "INSPECT-02";
        Map<String, Object> rechazo = Map.of("tag_spool", tag, "worker_id", ANA, "resultado", "RECHAZADO");
        Map<String, Object> repair = Map.of("tag_spool", tag, "worker_id", JUAN);
        for (int cycle = 1; cycle <= 2; cycle++) {
            Response r = api.post("/api/metrologia/completar", rechazo);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.body().get("estado_detalle").asString())
                    .isEqualTo("RECHAZADO (Ciclo " + cycle + "/3) - Pendiente reparación");
            assertError(api.post("/api/metrologia/completar", rechazo), 400, "OPERACION_NO_DISPONIBLE");
            Response take = api.post("/api/tomar-reparacion", repair);
            assertThat(take.status()).as(take.raw()).isEqualTo(200);
            assertThat(take.body().get("estado_detalle").asString())
                    .isEqualTo("EN_REPARACION (Ciclo " + cycle + "/3) - Ocupado: JP(94)");
            assertError(api.post("/api/metrologia/completar", rechazo), 409, "SPOOL_OCCUPIED");
            Response pause = api.post("/api/pausar-reparacion", repair);
            assertThat(pause.body().get("estado_detalle").asString()).isEqualTo("REPARACION_PAUSADA (Ciclo " + cycle + "/3)");
            assertThat(api.post("/api/tomar-reparacion", Map.of("tag_spool", tag, "worker_id", NICOLAS)).status())
                    .isEqualTo(200);
            Response done = api.post("/api/completar-reparacion", Map.of("tag_spool", tag, "worker_id", NICOLAS));
            assertThat(done.status()).as(done.raw()).isEqualTo(200);
            assertThat(done.body().get("estado_detalle").asString()).isEqualTo("PENDIENTE_METROLOGIA");
        }
        Response third = api.post("/api/metrologia/completar", rechazo);
        assertThat(third.body().get("estado_detalle").asString()).isEqualTo("BLOQUEADO - Contactar supervisor");
        JsonNode blocked = status(tag);
        assertThat(blocked.get("bloqueado").asBoolean()).isTrue();
        assertThat(blocked.get("ciclo").asInt()).isEqualTo(3);
        assertError(api.post("/api/tomar-reparacion", repair), 403, "SPOOL_BLOQUEADO");

        assertError(api.post("/api/admin/spools/" + tag + "/desbloquear", Map.of()), 403, "TOKEN_INVALIDO");
        assertError(api.post("/api/admin/spools/" + tag + "/desbloquear", Map.of(),
                Map.of("Authorization", "Bearer wrong")), 403, "TOKEN_INVALIDO");
        Response unblock = api.post("/api/admin/spools/" + tag + "/desbloquear", Map.of("motivo", "revisado"), ADMIN);
        assertThat(unblock.status()).as(unblock.raw()).isEqualTo(200);
        assertThat(unblock.body().get("estado_detalle").asString())
                .isEqualTo("RECHAZADO (Ciclo 2/3) - Pendiente reparación");
        assertError(api.post("/api/admin/spools/" + tag + "/desbloquear", Map.of(), ADMIN), 400,
                "INVALID_STATE_TRANSITION");
        JsonNode last = lastEvent(tag);
        assertThat(last.get("evento_tipo").asString()).isEqualTo("SUPERVISOR_OVERRIDE");
        assertThat(last.get("worker_nombre").asString()).isEqualTo("SYSTEM");
        assertThat(last.get("metadata").get("accion").asString()).isEqualTo("desbloquear");
        assertThat(api.post("/api/tomar-reparacion", repair).status()).isEqualTo(200);
    }

    @Test
    void preSeededBlockedSpoolIsBlocked() {
        JsonNode s = status("BLOCKED-01");
        assertThat(s.get("bloqueado").asBoolean()).isTrue();
        assertThat(s.get("estado_detalle").asString()).isEqualTo("BLOQUEADO - Contactar supervisor");
        assertError(api.post("/api/metrologia/completar", Map.of("tag_spool", "BLOCKED-01", "worker_id", ANA,
                "resultado", "APROBADO")), 403, "SPOOL_BLOQUEADO");
    }

    // ---- cancel and supervisor release -------------------------------------------------------------------

    @Test
    void cancelarUndoesAStartedOperation() {
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-06", MAURICIO, "ARM")).status()).isEqualTo(200);
        Response cancel = api.post("/api/occupation/cancelar", cmd("TEST-06", MAURICIO, "ARM"));
        assertThat(cancel.status()).as(cancel.raw()).isEqualTo(200);
        JsonNode s = status("TEST-06");
        assertThat(s.get("arm").asString()).isEqualTo("pendiente");
        assertThat(s.get("armador").isNull()).isTrue();
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-06", MAURICIO, "ARM")).status()).isEqualTo(200);
        assertThat(api.post("/api/occupation/pausar", cmd("TEST-06", MAURICIO, "ARM")).status()).isEqualTo(200);
        assertError(api.post("/api/occupation/cancelar", cmd("TEST-06", JUAN, "ARM")), 403, "NO_AUTORIZADO");
        assertThat(api.post("/api/occupation/cancelar", cmd("TEST-06", MAURICIO, "ARM")).status()).isEqualTo(200);
        assertError(api.post("/api/occupation/cancelar", cmd("TEST-06", MAURICIO, "ARM")), 400, "OPERACION_NO_INICIADA");
    }

    @Test
    void supervisorLiberarReleasesAStuckOccupation() {
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-07", MAURICIO, "ARM")).status()).isEqualTo(200);
        Response r = api.post("/api/admin/spools/TEST-07/liberar", Map.of("motivo", "tablet perdida"), ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode s = status("TEST-07");
        assertThat(s.get("ocupado_por").isNull()).isTrue();
        assertThat(s.get("arm").asString()).isEqualTo("pausado");
        JsonNode last = lastEvent("TEST-07");
        assertThat(last.get("evento_tipo").asString()).isEqualTo("PAUSAR_SPOOL");
        assertThat(last.get("worker_id").asInt()).isZero();
        assertThat(last.get("metadata").get("motivo").asString()).isEqualTo("tablet perdida");
        JsonNode sessions = api.get("/api/history/TEST-07").body().get("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("end_time").isNull()).isFalse();
        assertError(api.post("/api/admin/spools/TEST-07/liberar", Map.of("motivo", "x"), ADMIN), 400,
                "OPERACION_NO_INICIADA");
    }

    JsonNode lastEvent(String tag) {
        JsonNode events = api.get("/api/history/" + tag).body().get("events");
        return events.get(events.size() - 1);
    }

    // ---- idempotency ------------------------------------------------------------------------------------------

    @Test
    void idempotencyKeyReplaysTheFirstVerdictAndAppliesNothingTwice() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Map<String, String> h = Map.of("Idempotency-Key", key);
        Response first = api.post("/api/occupation/tomar", cmd("TEST-08", MAURICIO, "ARM"), h);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("request_id").asString()).isEqualTo(key);
        Response again = api.post("/api/occupation/tomar",
                with(cmd("TEST-08", MAURICIO, "ARM"), "worker_nombre", "otro nombre"), h);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get("/api/history/TEST-08").body().get("events")).hasSize(1);

        assertError(api.post("/api/occupation/tomar", cmd("TEST-08", JUAN, "ARM"), h), 409, "IDEMPOTENCY_KEY_REUSED");

        String pauseKey = "pause-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(() -> api.post("/api/occupation/pausar", cmd("TEST-08", MAURICIO, "ARM"),
                        Map.of("Idempotency-Key", pauseKey)));
            }
            List<Response> results = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(results.get(0).body());
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/history/TEST-08").body().get("events")).hasSize(2);
        // a key is scoped to its endpoint: the same key on another endpoint is a new request
        Response cancel = api.post("/api/occupation/cancelar", cmd("TEST-08", MAURICIO, "ARM"),
                Map.of("Idempotency-Key", pauseKey));
        assertThat(cancel.status()).as(cancel.raw()).isEqualTo(200);
    }

    @Test
    void operationsEndpointReturnsStoredVerdicts() {
        Response r = api.post("/api/occupation/tomar", cmd("TEST-20", MAURICIO, "ARM"));
        String id = r.body().get("request_id").asString();
        Response op = api.get("/api/operations/" + id);
        assertThat(op.status()).as(op.raw()).isEqualTo(200);
        assertThat(op.body().get("status").asInt()).isEqualTo(200);
        assertThat(op.body().get("body").get("tag_spool").asString()).isEqualTo("TEST-20");
        assertError(api.get("/api/operations/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    // ---- bad input: always the contract's 4xx, never 5xx, nothing applied -----------------------------------

    @Test
    void badInputGetsTheContractErrors() {
        String path = "/api/occupation/tomar";
        assertError(api.post(path, "{\"tag_spool\": \"TEST-30\", ", Map.of()), 422, "VALIDATION_ERROR");
        assertError(api.post(path, "[1,2,3]", Map.of()), 422, "VALIDATION_ERROR");
        assertError(api.post(path, "", Map.of()), 422, "VALIDATION_ERROR");
        Response missing = api.post(path, Map.of());
        assertError(missing, 422, "VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        missing.body().get("detail").forEach(d -> fields.add(d.get("field").asString()));
        assertThat(fields).containsExactly("tag_spool", "worker_id", "operacion");
        assertError(api.post(path, cmd("TEST-30", -5, "ARM")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, with(cmd("TEST-30", 93, "ARM"), "worker_id", "93")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, with(cmd("TEST-30", 93, "ARM"), "worker_id", 1.5)), 422, "VALIDATION_ERROR");
        assertError(api.post(path, with(cmd("TEST-30", 93, "ARM"), "worker_id", 99_999_999_999L)), 422,
                "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TEST-30", 93, "arm")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TEST-30", 93, "PINTURA")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("../etc/passwd", 93, "ARM")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TAG CON ESPACIO", 93, "ARM")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("X".repeat(65), 93, "ARM")), 422, "VALIDATION_ERROR");
        assertError(api.post("/api/occupation/completar", with(cmd("TEST-30", 93, "ARM"), "fecha_operacion",
                LocalDate.now(ZoneId.of("America/Santiago")).plusDays(2).toString())), 422, "VALIDATION_ERROR");
        assertError(api.post("/api/occupation/completar", with(cmd("TEST-30", 93, "ARM"), "fecha_operacion",
                "2026-02-30")), 422, "VALIDATION_ERROR");
        assertError(api.post(path, cmd("TEST-30", 93, "ARM"), Map.of("Idempotency-Key", "ñ no ascii")), 422,
                "VALIDATION_ERROR");

        String huge = "{\"tag_spool\": \"" + "A".repeat(3 * 1024 * 1024) + "\"}";
        assertError(api.post(path, huge, Map.of()), 413, "PAYLOAD_TOO_LARGE");
        assertError(api.post(path, "tag_spool=TEST-30", Map.of("Content-Type", "text/plain")), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.get(path), 405, "METHOD_NOT_ALLOWED");
        assertError(api.get("/api/no-such-route"), 404, "NOT_FOUND");

        Map<String, Object> batch = new HashMap<>();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("T-" + i);
        }
        batch.put("tag_spools", tooMany);
        batch.put("worker_id", 93);
        batch.put("operacion", "ARM");
        assertError(api.post("/api/occupation/batch-tomar", batch), 422, "VALIDATION_ERROR");
        batch.put("tag_spools", List.of("TEST-30", "TEST-30"));
        assertError(api.post("/api/occupation/batch-tomar", batch), 422, "VALIDATION_ERROR");
        batch.put("tag_spools", List.of());
        assertError(api.post("/api/occupation/batch-tomar", batch), 422, "VALIDATION_ERROR");

        assertThat(status("TEST-30").get("version").asLong()).as("nothing applied").isZero();
    }

    // ---- reads, health, events ------------------------------------------------------------------------------

    @Test
    void workersAndRoles() {
        Response r = api.get("/api/workers");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asInt()).isEqualTo(6);
        JsonNode juan = r.body().get("workers").get(1);
        assertThat(juan.get("nombre_completo").asString()).isEqualTo("JP(94)");
        assertThat(juan.get("apellido").asString()).isEqualTo("Pérez López");
        Response roles = api.get("/api/workers/93/roles");
        assertThat(roles.body().get("roles")).hasSize(3);
        assertError(api.get("/api/workers/" + JORGE + "/roles"), 404, "WORKER_NO_ENCONTRADO");
        assertError(api.get("/api/workers/abc/roles"), 422, "VALIDATION_ERROR");
    }

    @Test
    void healthIsHealthyAndOperational() {
        JsonNode h = api.get("/api/health").body();
        assertThat(h.get("status").asString()).isEqualTo("healthy");
        assertThat(h.get("operational").asBoolean()).isTrue();
        assertThat(h.get("kafka_connection").asString()).isEqualTo("ok");
        assertThat(h.get("streams_state").asString()).isEqualTo("RUNNING");
        assertThat(h.get("sheets_connection").asString()).isEqualTo("disabled");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").raw()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/api/openapi.json").raw()).contains("/api/occupation/tomar");
    }

    @Test
    void eventsCarryOnlyCloudEventsHeaders() {
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-21", MAURICIO, "ARM")).status()).isEqualTo(200);
        List<ConsumerRecord<byte[], byte[]>> records = readAll(svc.topics().spoolEvents.name());
        ConsumerRecord<byte[], byte[]> event = records.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("TEST-21")).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        for (Header h : event.headers()) {
            names.add(h.key());
        }
        assertThat(names).containsExactlyInAnyOrder("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion",
                "ce_dataschema");
    }

    @Test
    void aPoisonCommandGoesToTheDeadLetterTopicAndThePartitionGoesOn() {
        Map<String, Object> cfg = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, svc.bootstrap());
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(cfg, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(svc.topics().commands.name(), "TEST-09".getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8)));
            p.flush();
        }
        Response r = api.post("/api/occupation/tomar", cmd("TEST-09", MAURICIO, "ARM"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(readAll(svc.topics().commandsDlq.name()))
                        .anySatisfy(rec -> assertThat(new String(rec.value(), StandardCharsets.UTF_8))
                                .isEqualTo("{not json")));
    }

    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, svc.bootstrap());
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(cfg, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(pi -> new TopicPartition(topic, pi.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 10_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
