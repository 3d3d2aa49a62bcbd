package com.zeues.occupation;

import static com.zeues.occupation.ApiClient.cmd;
import static com.zeues.occupation.MasterDataFixture.ANA;
import static com.zeues.occupation.MasterDataFixture.FERNANDO;
import static com.zeues.occupation.MasterDataFixture.JUAN;
import static com.zeues.occupation.MasterDataFixture.MATERIALES;
import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static com.zeues.occupation.MasterDataFixture.NICOLAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.occupation.ApiClient.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The read views end to end (contract §3): one test per listing rule, the dashboard reads, paging, bad query
 * values, and a change answered 200 visible in the listings within 1 s. One service for the class; each test
 * works on spools of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadViewsTest {

    /** Contract §3: a change answered 200 shows in every read within 1 s. */
    static final Duration VISIBLE = Duration.ofSeconds(1);
    static final int FIXTURE_SPOOLS = 40 + 1 + 5 + 10 + 1;

    OccupationServiceContext svc;
    ApiClient api;

    @BeforeAll
    void startService() {
        svc = new OccupationServiceContext(SharedKafka.bootstrapServers());
        // sheet rows out of tag order, and one spool whose row is unknown
        MasterDataFixture.publishSpools(svc.bootstrap(), svc.topics(), List.of(
                new SpoolMaster("ROW-B", "NV", "OT", MATERIALES, null, null, 2),
                new SpoolMaster("ROW-A", "NV", "OT", MATERIALES, null, null, 3),
                new SpoolMaster("ROW-C", "NV", "OT", MATERIALES, null, null, null)));
        MasterDataFixture.publish(svc.bootstrap(), svc.topics(), 4_000L);
        svc.start();
        api = new ApiClient(svc.port());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/health").body().get("operational").asBoolean());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/dashboard/resumen").body().get("total_spools").asInt()
                        == FIXTURE_SPOOLS + 3);
    }

    @AfterAll
    void stopService() {
        if (svc != null) {
            svc.close();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------



    void tomar(String tag, int worker, String op) {
        api.ok("/api/occupation/tomar", cmd(tag, worker, op));
    }

    void pausar(String tag, int worker, String op) {
        api.ok("/api/occupation/pausar", cmd(tag, worker, op));
    }

    void completar(String tag, int worker, String op) {
        api.ok("/api/occupation/completar", cmd(tag, worker, op));
    }

    void metrologia(String tag, String resultado) {
        api.ok("/api/metrologia/completar", Map.of("tag_spool", tag, "worker_id", ANA, "resultado", resultado));
    }

    Response listing(String path) {
        Response r = api.get(path);
        assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(200);
        return r;
    }

    List<String> tags(String path) {
        Response r = listing(path);
        List<String> tags = new ArrayList<>();
        r.body().get("spools").forEach(s -> tags.add(s.get("tag_spool").asString()));
        assertThat(r.body().get("total").asInt()).as("total of " + path).isEqualTo(tags.size());
        return tags;
    }

    /** Waits (at most {@link #VISIBLE}) until the listing's tags satisfy the condition. */
    void eventually(String path, Predicate<List<String>> condition, String what) {
        await(what).atMost(VISIBLE).pollInterval(Duration.ofMillis(25)).until(() -> condition.test(tags(path)));
    }

    void listed(String path, String tag) {
        eventually(path, t -> t.contains(tag), tag + " in " + path);
    }

    void notListed(String path, String tag) {
        eventually(path, t -> !t.contains(tag), tag + " not in " + path);
    }

    static final String ARM = "/api/spools/iniciar?operacion=ARM";
    static final String SOLD = "/api/spools/iniciar?operacion=SOLD";
    static final String METROLOGIA = "/api/spools/iniciar?operacion=METROLOGIA";
    static final String REPARACION = "/api/spools/iniciar?operacion=REPARACION";

    static String completarFor(String op, int worker) {
        return "/api/spools/completar?operacion=" + op + "&worker_id=" + worker;
    }

    static String cancelarFor(String op, int worker) {
        return "/api/spools/cancelar?operacion=" + op + "&worker_id=" + worker;
    }

    // ---- iniciar ---------------------------------------------------------------------------------------------

    @Test
    void iniciarArmListsSpoolsWithMaterialsNotCompletedFreeAndNotBlockedInSheetOrder() {
        Response r = listing(ARM);
        assertThat(r.body().get("filtro_aplicado").asString()).startsWith("ARM");
        assertThat(r.body().has("limit")).isFalse();
        assertThat(r.body().has("offset")).isFalse();
        List<String> tags = tags(ARM);
        // sheet rows first, in row order; then the spools whose row is unknown, by tag
        assertThat(tags.subList(0, 4)).containsExactly("ROW-B", "ROW-A", "ROW-C", "TEST-01");
        assertThat(tags).doesNotContain("NOMAT-01", "ARMDONE-01", "INSPECT-01", "BLOCKED-01");
        JsonNode first = r.body().get("spools").get(0);
        assertThat(first.get("fila").asInt()).isEqualTo(2);
        assertThat(first.get("arm").asString()).isEqualTo("pendiente");
        assertThat(first.get("version").asLong()).isZero();

        tomar("TEST-31", MAURICIO, "ARM");
        notListed(ARM, "TEST-31"); // occupied
        pausar("TEST-31", MAURICIO, "ARM");
        listed(ARM, "TEST-31"); // paused and free: anyone with the role may resume
        tomar("TEST-31", JUAN, "ARM");
        completar("TEST-31", JUAN, "ARM");
        notListed(ARM, "TEST-31"); // completed
    }

    @Test
    void iniciarSoldListsArmCompletedSoldNotCompletedAndFree() {
        assertThat(tags(SOLD)).contains("ARMDONE-01").doesNotContain("TEST-32", "INSPECT-01", "BLOCKED-01",
                "NOMAT-01");
        tomar("ARMDONE-01", FERNANDO, "SOLD");
        notListed(SOLD, "ARMDONE-01");
        pausar("ARMDONE-01", FERNANDO, "SOLD");
        listed(SOLD, "ARMDONE-01");
        tomar("ARMDONE-01", FERNANDO, "SOLD");
        completar("ARMDONE-01", FERNANDO, "SOLD");
        notListed(SOLD, "ARMDONE-01");

        tomar("TEST-32", MAURICIO, "ARM");
        completar("TEST-32", MAURICIO, "ARM");
        listed(SOLD, "TEST-32");
    }

    @Test
    void iniciarMetrologiaAfterRejectionRepairAndApproval() {
        assertThat(tags(METROLOGIA)).contains("INSPECT-01").doesNotContain("BLOCKED-01", "ARMDONE-02", "TEST-01");
        metrologia("INSPECT-01", "RECHAZADO");
        notListed(METROLOGIA, "INSPECT-01"); // awaiting repair
        tomar("INSPECT-01", MAURICIO, "REPARACION");
        completar("INSPECT-01", MAURICIO, "REPARACION");
        listed(METROLOGIA, "INSPECT-01"); // repaired: ready for a new inspection
        metrologia("INSPECT-01", "APROBADO");
        notListed(METROLOGIA, "INSPECT-01"); // approved
        JsonNode approved = api.get("/api/occupation/status/INSPECT-01").body();
        assertThat(approved.get("reparacion").isNull()).isTrue();
    }

    @Test
    void iniciarReparacionListsRejectedOrPausedRepairsThatAreFree() {
        assertThat(tags(REPARACION)).doesNotContain("INSPECT-02", "BLOCKED-01");
        metrologia("INSPECT-02", "RECHAZADO");
        listed(REPARACION, "INSPECT-02");
        tomar("INSPECT-02", MAURICIO, "REPARACION");
        notListed(REPARACION, "INSPECT-02"); // in repair: occupied
        pausar("INSPECT-02", MAURICIO, "REPARACION");
        listed(REPARACION, "INSPECT-02"); // REPARACION_PAUSADA
        tomar("INSPECT-02", JUAN, "REPARACION");
        completar("INSPECT-02", JUAN, "REPARACION");
        notListed(REPARACION, "INSPECT-02"); // PENDIENTE_METROLOGIA
        assertThat(tags(REPARACION)).doesNotContain("BLOCKED-01");
    }

    // ---- completar, cancelar, reparacion ----------------------------------------------------------------

    @Test
    void completarListsWhatTheWorkerOccupiesForThatOperation() {
        tomar("TEST-33", JUAN, "ARM");
        tomar("TEST-34", NICOLAS, "ARM");
        listed(completarFor("ARM", JUAN), "TEST-33");
        Response juan = listing(completarFor("ARM", JUAN));
        juan.body().get("spools").forEach(s -> {
            assertThat(s.get("worker_id_ocupante").asInt()).isEqualTo(JUAN);
            assertThat(s.get("operacion_actual").asString()).isEqualTo("ARM");
        });
        assertThat(tags(completarFor("ARM", JUAN))).doesNotContain("TEST-34");
        assertThat(tags(completarFor("SOLD", JUAN))).doesNotContain("TEST-33");
        assertThat(tags(completarFor("ARM", NICOLAS))).contains("TEST-34").doesNotContain("TEST-33");
        assertThat(tags(completarFor("METROLOGIA", JUAN))).as("inspection is instant: never held").isEmpty();
        completar("TEST-33", JUAN, "ARM");
        notListed(completarFor("ARM", JUAN), "TEST-33");
    }

    @Test
    void cancelarListsTheStartedOperationsTheWorkerMayCancel() {
        tomar("TEST-35", MAURICIO, "ARM");
        listed(cancelarFor("ARM", MAURICIO), "TEST-35"); // in progress, its occupant
        assertThat(tags(cancelarFor("ARM", JUAN))).doesNotContain("TEST-35");
        pausar("TEST-35", MAURICIO, "ARM");
        listed(cancelarFor("ARM", MAURICIO), "TEST-35"); // paused and free: only who started it
        assertThat(tags(cancelarFor("ARM", JUAN))).doesNotContain("TEST-35");
        tomar("TEST-35", JUAN, "ARM");
        listed(cancelarFor("ARM", JUAN), "TEST-35"); // resumed: its occupant now
        notListed(cancelarFor("ARM", MAURICIO), "TEST-35"); // held by someone else: 403 for the starter
        assertThat(tags(cancelarFor("SOLD", JUAN))).doesNotContain("TEST-35");
        completar("TEST-35", JUAN, "ARM");
        notListed(cancelarFor("ARM", JUAN), "TEST-35"); // completed: nothing to cancel

        metrologia("INSPECT-03", "RECHAZADO");
        assertThat(tags(cancelarFor("REPARACION", MAURICIO))).doesNotContain("INSPECT-03"); // not started
        tomar("INSPECT-03", MAURICIO, "REPARACION");
        listed(cancelarFor("REPARACION", MAURICIO), "INSPECT-03");
        assertThat(tags(cancelarFor("REPARACION", JUAN))).doesNotContain("INSPECT-03");
        pausar("INSPECT-03", MAURICIO, "REPARACION");
        listed(cancelarFor("REPARACION", JUAN), "INSPECT-03"); // a paused repair: any repair worker
        api.ok("/api/occupation/cancelar", cmd("INSPECT-03", JUAN, "REPARACION"));
        notListed(cancelarFor("REPARACION", JUAN), "INSPECT-03");
    }

    @Test
    void reparacionListsTheRepairFlowWithItsBlockedCount() {
        Response before = listing("/api/spools/reparacion");
        long blockedBefore = before.body().get("bloqueados").asLong();
        assertThat(blockedBefore).isGreaterThanOrEqualTo(1);
        JsonNode blocked = item(before, "BLOCKED-01");
        assertThat(blocked.get("bloqueado").asBoolean()).isTrue();
        assertThat(blocked.get("estado_detalle").asString()).isEqualTo("BLOQUEADO - Contactar supervisor");
        List<String> keys = new ArrayList<>();
        blocked.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("tag_spool", "estado_detalle", "fecha_rechazo", "ciclo", "bloqueado");
        assertThat(before.body().get("filtro_aplicado").asString()).isNotBlank();
        assertThat(before.body().get("bloqueados").asLong())
                .isEqualTo(countWhere(before, s -> s.get("bloqueado").asBoolean()));

        // three rejections block a spool; each repair keeps it in the list
        for (int ciclo = 1; ciclo <= 3; ciclo++) {
            metrologia("INSPECT-04", "RECHAZADO");
            int expected = ciclo;
            await().atMost(VISIBLE).untilAsserted(() -> {
                JsonNode s = item(listing("/api/spools/reparacion"), "INSPECT-04");
                assertThat(s).isNotNull();
                assertThat(s.get("ciclo").asInt()).isEqualTo(expected);
            });
            if (ciclo < 3) {
                tomar("INSPECT-04", MAURICIO, "REPARACION");
                listed("/api/spools/reparacion", "INSPECT-04"); // EN_REPARACION is in the flow too
                completar("INSPECT-04", MAURICIO, "REPARACION");
                notListed("/api/spools/reparacion", "INSPECT-04"); // PENDIENTE_METROLOGIA: awaits inspection
            }
        }
        await().atMost(VISIBLE).untilAsserted(() -> {
            Response after = listing("/api/spools/reparacion");
            assertThat(after.body().get("bloqueados").asLong()).isEqualTo(blockedBefore + 1);
            JsonNode s = item(after, "INSPECT-04");
            assertThat(s.get("bloqueado").asBoolean()).isTrue();
            assertThat(s.get("fecha_rechazo").asString()).isEqualTo(LocalDate.now(ZoneId.of("America/Santiago"))
                    .toString());
        });
    }

    static JsonNode item(Response r, String tag) {
        for (JsonNode s : r.body().get("spools")) {
            if (tag.equals(s.get("tag_spool").asString())) {
                return s;
            }
        }
        return null;
    }

    static long countWhere(Response r, Predicate<JsonNode> p) {
        long n = 0;
        for (JsonNode s : r.body().get("spools")) {
            if (p.test(s)) {
                n++;
            }
        }
        return n;
    }

    // ---- dashboard --------------------------------------------------------------------------------------------

    @Test
    void occupiedIsNewestOccupationFirst() throws InterruptedException {
        for (String tag : List.of("TEST-36", "TEST-37", "TEST-38")) {
            tomar(tag, NICOLAS, "ARM");
            Thread.sleep(15);
        }
        await().atMost(VISIBLE).untilAsserted(() -> {
            List<String> order = new ArrayList<>();
            api.get("/api/dashboard/occupied").body().forEach(o -> order.add(o.get("tag_spool").asString()));
            assertThat(order).containsSubsequence("TEST-38", "TEST-37", "TEST-36");
        });
        JsonNode occupied = api.get("/api/dashboard/occupied").body();
        OffsetDateTime previous = null;
        for (JsonNode o : occupied) {
            OffsetDateTime at = OffsetDateTime.parse(o.get("fecha_ocupacion").asString());
            if (previous != null) {
                assertThat(at).isBeforeOrEqualTo(previous);
            }
            previous = at;
        }
        JsonNode first = occupied.get(0);
        List<String> keys = new ArrayList<>();
        first.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("tag_spool", "worker_nombre", "worker_id", "operacion", "estado_detalle",
                "fecha_ocupacion");
        JsonNode t38 = null;
        for (JsonNode o : occupied) {
            if (o.get("tag_spool").asString().equals("TEST-38")) {
                t38 = o;
            }
        }
        assertThat(t38.get("worker_nombre").asString()).isEqualTo("NR(95)");
        assertThat(t38.get("worker_id").asInt()).isEqualTo(NICOLAS);
        assertThat(t38.get("operacion").asString()).isEqualTo("ARM");
        assertThat(t38.get("estado_detalle").asString()).isEqualTo("NR(95) trabajando ARM (ARM en progreso, SOLD pendiente)");
        assertThat(t38.get("fecha_ocupacion").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    }

    @Test
    void resumenCountsStatesOccupiedBlockedAndTodaysEvents() {
        JsonNode before = api.get("/api/dashboard/resumen").body();
        int total = before.get("total_spools").asInt();
        assertThat(total).isEqualTo(FIXTURE_SPOOLS + 3);
        for (String group : List.of("arm", "sold", "metrologia", "reparacion")) {
            int sum = 0;
            for (JsonNode n : before.get(group)) {
                sum += n.asInt();
            }
            assertThat(sum).as(group + " counts every spool once").isEqualTo(total);
        }
        assertThat(before.get("ocupados").get("total").asInt())
                .isEqualTo(api.get("/api/dashboard/occupied").body().size());
        assertThat(before.get("bloqueados").asInt())
                .isEqualTo(listing("/api/spools/reparacion").body().get("bloqueados").asInt());
        assertThat(before.get("fecha").asString()).isEqualTo(LocalDate.now(ZoneId.of("America/Santiago")).toString());

        tomar("TEST-39", MAURICIO, "ARM");
        await().atMost(VISIBLE).untilAsserted(() -> {
            JsonNode after = api.get("/api/dashboard/resumen").body();
            assertThat(delta(before, after, "arm", "en_progreso")).isEqualTo(1);
            assertThat(delta(before, after, "arm", "pendiente")).isEqualTo(-1);
            assertThat(delta(before, after, "ocupados", "ARM")).isEqualTo(1);
            assertThat(delta(before, after, "ocupados", "total")).isEqualTo(1);
            assertThat(delta(before, after, "reparacion", "ninguna")).isZero();
            assertThat(after.get("eventos_hoy").asLong() - before.get("eventos_hoy").asLong()).isEqualTo(1);
            assertThat(after.get("total_spools").asInt()).isEqualTo(total);
        });
    }

    static int delta(JsonNode before, JsonNode after, String group, String key) {
        return after.get(group).get(key).asInt() - before.get(group).get(key).asInt();
    }

    // ---- paging, bad input, latency, health ----------------------------------------------------------------

    @Test
    void limitAndOffsetPageAListingAndAreEchoed() {
        List<String> all = tags(ARM);
        Response page = listing(ARM + "&limit=5&offset=2");
        List<String> tags = new ArrayList<>();
        page.body().get("spools").forEach(s -> tags.add(s.get("tag_spool").asString()));
        assertThat(tags).isEqualTo(all.subList(2, 7));
        assertThat(page.body().get("total").asInt()).as("every match").isEqualTo(all.size());
        assertThat(page.body().get("limit").asInt()).isEqualTo(5);
        assertThat(page.body().get("offset").asInt()).isEqualTo(2);
        Response rest = listing(ARM + "&offset=" + (all.size() - 1));
        assertThat(rest.body().get("spools")).hasSize(1);
        assertThat(rest.body().get("limit").isNull()).isTrue();
        assertThat(listing(ARM + "&offset=100000").body().get("spools")).isEmpty();
        Response repair = listing("/api/spools/reparacion?limit=1");
        assertThat(repair.body().get("spools")).hasSize(1);
        assertThat(repair.body().get("offset").asInt()).isZero();
    }

    @Test
    void badQueryValuesAreValidationErrors() {
        for (String path : List.of("/api/spools/iniciar", "/api/spools/iniciar?operacion=arm",
                "/api/spools/iniciar?operacion=PINTURA", "/api/spools/iniciar?operacion=ARM&limit=0",
                "/api/spools/iniciar?operacion=ARM&limit=x", "/api/spools/iniciar?operacion=ARM&offset=-1",
                "/api/spools/iniciar?operacion=ARM&limit=1001", "/api/spools/completar?operacion=ARM",
                "/api/spools/completar?operacion=ARM&worker_id=abc", "/api/spools/cancelar?operacion=SOLD&worker_id=0",
                "/api/spools/cancelar?operacion=soldadura&worker_id=93", "/api/spools/reparacion?offset=x")) {
            Response r = api.get(path);
            assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(422);
            assertThat(r.error()).isEqualTo("VALIDATION_ERROR");
            assertThat(r.body().get("success").asBoolean()).isFalse();
            assertThat(r.body().get("message").asString()).isNotBlank();
            assertThat(r.body().get("detail").get(0).get("loc").get(0).asString()).isEqualTo("query");
        }
        Response both = api.get("/api/spools/completar?operacion=X&worker_id=-3");
        List<String> fields = new ArrayList<>();
        both.body().get("detail").forEach(d -> fields.add(d.get("field").asString()));
        assertThat(fields).containsExactly("operacion", "worker_id");
    }

    @Test
    void aChangeAnswered200ShowsInTheListingsWithinOneSecond() {
        Response r = api.post("/api/occupation/tomar", cmd("TEST-40", JUAN, "ARM"));
        long answered = System.nanoTime();
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        await().atMost(VISIBLE).pollInterval(Duration.ofMillis(10)).until(() ->
                !tags(ARM).contains("TEST-40") && tags(completarFor("ARM", JUAN)).contains("TEST-40")
                        && api.get("/api/dashboard/occupied").raw().contains("\"TEST-40\""));
        long ms = (System.nanoTime() - answered) / 1_000_000;
        assertThat(ms).as("ms from the 200 to the listings").isLessThan(VISIBLE.toMillis());
    }

    @Test
    void healthCountsTheViewsInOperational() {
        JsonNode h = api.get("/api/health").body();
        assertThat(h.get("operational").asBoolean()).isTrue();
        assertThat(h.get("details").get("views_caught_up").asBoolean()).isTrue();
        String metrics = api.get("/actuator/prometheus").raw();
        assertThat(metrics).contains("zeues_views_lag").contains("zeues_sse_clients")
                .contains("zeues_sse_clients_dropped_total");
    }
}
