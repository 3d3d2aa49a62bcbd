package com.zeues.occupation.web;

import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.occupation.ApiClient;
import com.zeues.occupation.MasterDataFixture;
import com.zeues.occupation.OccupationServiceContext;
import com.zeues.occupation.SharedKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, security, against the running service: device tokens on every POST outside admin, the admin token read
 * from a file and rotated without a restart, refusals counted on {@code /actuator/prometheus}, the router's view of
 * a path used for the admin check, CORS for localhost origins only, the page's security headers on every answer,
 * and the contract's error body (no stack trace, no class name) for what the framework refuses, raw HTTP included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIntegrationTest {

    static final String DEVICE = "tablet-sec-1";
    static final String FIRST_ADMIN = "first-admin-token-0123456789";
    static final Pattern LEAK = Pattern.compile("(?i)(exception|\\bat [a-z]+\\.[a-z]+|java\\.|jdk\\.|"
            + "org\\.springframework|org\\.apache|tools\\.jackson|com\\.zeues|reactor\\.|io\\.netty|\\.java:\\d+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    OccupationServiceContext svc;
    ApiClient api;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base;
    Path adminTokenFile;

    @BeforeAll
    void start() throws IOException {
        adminTokenFile = Files.createTempDirectory("zeues-sec").resolve("admin-token");
        writeAtomically(adminTokenFile, FIRST_ADMIN + "\n");
        svc = new OccupationServiceContext(SharedKafka.bootstrapServers(),
                "zeues.access.admin-token-file=" + adminTokenFile,
                "zeues.access.device-tokens=" + DEVICE + ",tablet-sec-2");
        api = svc.startOperational();
        base = "http://127.0.0.1:" + svc.port();
    }

    @AfterAll
    void stop() {
        if (svc != null) {
            svc.close();
        }
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, Object> cmd(String tag) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag_spool", tag);
        m.put("worker_id", MAURICIO);
        m.put("operacion", "ARM");
        return m;
    }

    static Map<String, String> admin(String token) {
        return Map.of("Authorization", "Bearer " + token, "X-Device-Token", DEVICE);
    }

    static void assertContractError(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body()).as(r.raw()).isNotNull();
        assertThat(r.body().get("success").asBoolean()).isFalse();
        assertThat(r.error()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().get("message").asString()).isNotBlank();
        assertThat(r.body().has("detail")).isTrue();
        assertThat(r.body().has("data")).isTrue();
        assertThat(r.raw()).doesNotContainPattern(LEAK);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- device tokens -----------------------------------------------------------------------------------------

    @Test
    void everyPostOutsideAdminNeedsADeviceToken() {
        String tomar = "/api/occupation/tomar";
        assertContractError(api.post(tomar, cmd("TEST-11")), 403, "TOKEN_INVALIDO");
        assertContractError(api.post(tomar, cmd("TEST-11"), Map.of("X-Device-Token", "tablet-sec-3")), 403,
                "TOKEN_INVALIDO");
        assertContractError(api.post(tomar, cmd("TEST-11"), Map.of("Authorization", "Bearer " + FIRST_ADMIN)), 403,
                "TOKEN_INVALIDO");
        for (String path : List.of("/api/occupation/pausar", "/api/occupation/completar", "/api/occupation/cancelar",
                "/api/occupation/batch-tomar", "/api/metrologia/completar", "/api/tomar-reparacion",
                "/api/pausar-reparacion", "/api/completar-reparacion", "/api/cancelar-reparacion",
                "/api/no-such-route", "/api/%6Fccupation/tomar")) {
            assertContractError(api.post(path, cmd("TEST-11")), 403, "TOKEN_INVALIDO");
        }
        assertThat(api.get("/api/occupation/status/TEST-11").body().get("version").asInt())
                .as("nothing applied").isZero();

        ApiClient.Response ok = api.post(tomar, cmd("TEST-11"), Map.of("X-Device-Token", DEVICE));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        ApiClient.Response other = api.post("/api/occupation/pausar", cmd("TEST-11"),
                Map.of("X-Device-Token", "tablet-sec-2"));
        assertThat(other.status()).as(other.raw()).isEqualTo(200);
        assertThat(api.get("/api/workers").status()).as("reads need no token").isEqualTo(200);
    }

    // ---- admin token from a file, rotated without a restart -----------------------------------------------------

    @Test
    void theAdminTokenFileIsRotatedWithoutARestart() throws IOException {
        String liberar = "/api/admin/spools/TEST-12/liberar";
        Map<String, Object> motivo = Map.of("motivo", "rotación");
        // TEST-12 is free: an admin call that passes the token check is answered by the rules (400)
        assertContractError(api.post(liberar, motivo, admin(FIRST_ADMIN)), 400, "OPERACION_NO_INICIADA");
        assertContractError(api.post(liberar, motivo, admin(OccupationServiceContext.ADMIN_TOKEN)), 403,
                "TOKEN_INVALIDO"); // the inline token is replaced by the file

        String second = "second-admin-token-" + System.nanoTime();
        writeAtomically(adminTokenFile, second + "\n");
        assertContractError(api.post(liberar, motivo, admin(FIRST_ADMIN)), 403, "TOKEN_INVALIDO");
        assertContractError(api.post(liberar, motivo, admin(second)), 400, "OPERACION_NO_INICIADA");

        // an overlap for a gentle rotation: both lines valid until the old one is removed
        String third = "third-admin-token-" + System.nanoTime();
        writeAtomically(adminTokenFile, second + "\n" + third + "\n");
        assertContractError(api.post(liberar, motivo, admin(second)), 400, "OPERACION_NO_INICIADA");
        assertContractError(api.post(liberar, motivo, admin(third)), 400, "OPERACION_NO_INICIADA");
        writeAtomically(adminTokenFile, third + "\n");
        assertContractError(api.post(liberar, motivo, admin(second)), 403, "TOKEN_INVALIDO");
        assertContractError(api.post(liberar, motivo, admin(third)), 400, "OPERACION_NO_INICIADA");
        writeAtomically(adminTokenFile, FIRST_ADMIN + "\n");
    }

    @Test
    void theAdminCheckSeesThePathAsTheRouterDoes() {
        // each of these paths reaches AdminController; none may get there without the admin token
        for (String path : List.of("/api/%61dmin/spools/TEST-13/liberar", "/api/admin;v=1/spools/TEST-13/liberar",
                "/api;v=1/admin/spools/TEST-13/liberar", "/%61pi/admin/spools/TEST-13/liberar",
                "/api/admin/spools/TEST-13;x=y/liberar", "/api//admin/spools/TEST-13/liberar")) {
            ApiClient.Response r = api.post(path, Map.of("motivo", "x"), Map.of("X-Device-Token", DEVICE));
            assertContractError(r, 403, "TOKEN_INVALIDO");
        }
        ApiClient.Response sync = api.post("/api/adm%69n/sync", "", Map.of("X-Device-Token", DEVICE));
        assertContractError(sync, 403, "TOKEN_INVALIDO");
    }

    // ---- refusals on /actuator/prometheus ----------------------------------------------------------------------

    double denied(String kind, String reason) {
        String text = api.get("/actuator/prometheus").raw();
        Matcher m = Pattern.compile("^zeues_access_denied_total\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        while (m.find()) {
            if (m.group(1).contains("kind=\"" + kind + "\"") && m.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no zeues_access_denied_total{kind=" + kind + ",reason=" + reason + "} in "
                + "/actuator/prometheus");
    }

    @Test
    void refusedTokensAreCountedOnPrometheus() {
        double adminInvalid = denied("admin", "invalid");
        double adminMissing = denied("admin", "missing");
        double deviceInvalid = denied("device", "invalid");
        double deviceMissing = denied("device", "missing");
        api.post("/api/admin/sync", "", Map.of("Authorization", "Bearer nope"));
        api.post("/api/admin/sync", "", Map.of("Authorization", "Bearer nope"));
        api.post("/api/admin/sync", "", Map.of());
        api.post("/api/occupation/tomar", cmd("TEST-14"), Map.of("X-Device-Token", "nope"));
        api.post("/api/occupation/tomar", cmd("TEST-14"));
        api.post("/api/occupation/tomar", cmd("TEST-14"));
        api.post("/api/occupation/tomar", cmd("TEST-14"));
        // other tests of this class may refuse tokens at the same time only in their own threads: JUnit runs the
        // methods of a class one after the other, so the deltas are exact
        assertThat(denied("admin", "invalid") - adminInvalid).isEqualTo(2);
        assertThat(denied("admin", "missing") - adminMissing).isEqualTo(1);
        assertThat(denied("device", "invalid") - deviceInvalid).isEqualTo(1);
        assertThat(denied("device", "missing") - deviceMissing).isEqualTo(3);
    }

    // ---- CORS ------------------------------------------------------------------------------------------------

    HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/occupation/tomar"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return send(b);
    }

    @Test
    void aPreflightFromLocalhostOnAnyPortIsAnswered() throws Exception {
        for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:3000", "http://localhost",
                "https://localhost:8443")) {
            HttpResponse<String> r = preflight(origin, "POST", "content-type,x-device-token,idempotency-key");
            assertThat(r.statusCode()).as(origin).isEqualTo(200);
            HttpHeaders h = r.headers();
            assertThat(h.firstValue("Access-Control-Allow-Origin")).as(origin).hasValue(origin);
            assertThat(h.firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
            assertThat(h.firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("content-type").contains("x-device-token").contains("idempotency-key");
            assertThat(h.firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(h.firstValue("Access-Control-Max-Age")).hasValue("3600");
        }
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(base + "/api/workers"))
                .header("Origin", "http://localhost:5173"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    void otherOriginsGetNoCorsHeadersAndA403() throws Exception {
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example", "http://127.0.0.2:80",
                "null", "http://localhost@evil.example", "ht!tp://[bad")) {
            HttpResponse<String> pre = preflight(origin, "POST", "content-type");
            assertThat(pre.statusCode()).as(origin).isEqualTo(403);
            assertThat(pre.headers().map().keySet()).as(origin)
                    .noneMatch(k -> k.toLowerCase().startsWith("access-control-"));
            assertThat(JSON.readTree(pre.body()).get("error").asString()).as(pre.body()).isEqualTo("NO_AUTORIZADO");
            assertThat(pre.body()).doesNotContainPattern(LEAK);

            HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "/api/occupation/tomar"))
                    .header("Origin", origin).header("Content-Type", "application/json")
                    .header("X-Device-Token", DEVICE)
                    .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(cmd("TEST-15")))));
            assertThat(post.statusCode()).as(origin + ": " + post.body()).isEqualTo(403);
            assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(preflight("http://localhost:5173", "DELETE", null).statusCode()).as("a method the API lacks")
                .isEqualTo(403);
        assertThat(preflight("http://localhost:5173", "POST", "x-custom").statusCode()).as("a header it does not read")
                .isEqualTo(403);
        assertThat(api.get("/api/occupation/status/TEST-15").body().get("version").asInt()).as("nothing applied")
                .isZero();
    }

    @Test
    void theServicesOwnOriginNeedsNoCors() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/occupation/tomar"))
                .header("Origin", base).header("Content-Type", "application/json").header("X-Device-Token", DEVICE)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(cmd("TEST-16")))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    // ---- the page's headers ----------------------------------------------------------------------------------

    @Test
    void everyAnswerOfThePageCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.svg",
                "/no-such-asset.js", "/?spool=TEST-01")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)));
            assertPageHeaders(path, r.headers());
        }
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isBetween(400, 499);
        assertPageHeaders("POST /", post.headers());
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(base + "/dashboard.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertPageHeaders("HEAD /dashboard.js", head.headers());

        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "/api/health")));
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json.headers().firstValue("Content-Security-Policy")).as("the JSON API is no page").isEmpty();
    }

    static void assertPageHeaders(String what, HttpHeaders h) {
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    }

    // ---- framework refusals: the contract's body, nothing internal -----------------------------------------------

    @Test
    void frameworkRefusalsUseTheContractBody() throws Exception {
        Map<String, String> device = Map.of("X-Device-Token", DEVICE);
        String tomar = "/api/occupation/tomar";
        assertContractError(api.post(tomar, "{\"tag_spool\": ", device), 422, "VALIDATION_ERROR");
        assertContractError(api.post(tomar, "[".repeat(5000) + "]".repeat(5000), device), 422, "VALIDATION_ERROR");
        assertContractError(api.post(tomar, "{\"worker_id\": 1" + "0".repeat(2000) + "}", device), 422,
                "VALIDATION_ERROR");
        assertContractError(api.post(tomar, "x=1", Map.of("X-Device-Token", DEVICE, "Content-Type", "text/plain")),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertContractError(api.post(tomar, "{}", Map.of("X-Device-Token", DEVICE,
                "Content-Type", "application/json; charset=nope")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertContractError(api.post(tomar, "{}", Map.of("X-Device-Token", DEVICE, "Content-Type", "no/such/type")),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertContractError(api.post(tomar, "{\"pad\": \"" + "x".repeat(70_000) + "\"}", device), 413,
                "PAYLOAD_TOO_LARGE");
        assertContractError(api.get(tomar), 405, "METHOD_NOT_ALLOWED");
        assertContractError(api.method("DELETE", "/api/workers"), 405, "METHOD_NOT_ALLOWED");
        assertContractError(api.get("/api/no-such-route"), 404, "NOT_FOUND");
        assertContractError(api.get("/api/spools/iniciar?operacion=ARM&limit=abc"), 422, "VALIDATION_ERROR");
        assertContractError(api.get("/api/spools/iniciar?operacion=ARM&limit=99999999999999999999"), 422,
                "VALIDATION_ERROR");
        assertContractError(api.get("/api/occupation/status/%E2%80%AE%00"), 422, "VALIDATION_ERROR");
        assertContractError(api.get("/api/occupation/status/..%2F..%2Fetc%2Fpasswd"), 422, "VALIDATION_ERROR");
        assertContractError(api.get("/api/schemas/..%2F..%2Fapplication.yml"), 404, "NOT_FOUND");
    }

    /** What the JDK client refuses to send: broken escapes, raw non-ASCII, odd methods, over-long lines. */
    @Test
    void rawRequestsTheClientLibrariesWouldNotSendAreAnsweredToo() throws IOException {
        List<String> lines = List.of(
                "GET /api/occupation/status/%zz HTTP/1.1",
                "GET /api/occupation/status/%E2%28%A1 HTTP/1.1",
                "GET /api/spools/iniciar?operacion=%zz HTTP/1.1",
                "GET /api/spools/iniciar?operacion=%FF%FE HTTP/1.1",
                "GET /api/%zz HTTP/1.1",
                "GET /api/occupation/status/TEST 01 HTTP/1.1",
                "BREW /api/occupation/tomar HTTP/1.1",
                "TRACE /api/occupation/tomar HTTP/1.1",
                "GET /api/occupation/status/" + "A".repeat(3000) + " HTTP/1.1");
        for (String line : lines) {
            String answer = raw(line + "\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as(line + " → " + answer).isBetween(400, 499);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body).as(line).doesNotContainPattern(LEAK);
            if (!body.isBlank()) {
                JsonNode json = JSON.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
                assertThat(json.get("success").asBoolean()).as(line).isFalse();
                assertThat(json.get("error").asString()).as(line).isNotBlank();
            }
        }
    }

    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", svc.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
