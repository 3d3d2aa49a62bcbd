package com.zeues.occupation.fuzz;

import com.zeues.occupation.MasterDataFixture;
import com.zeues.occupation.OccupationServiceContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates requests for one endpoint from a seeded {@link Random}: mostly malformed (wrong types, missing and extra
 * fields, huge strings, unicode and control characters, deep JSON, wrong content types and methods, invalid dates,
 * negative and huge ids, path traversal and odd tags, bad tokens), some well-formed. Each request says what the
 * contract makes of it: a well-formed command is decided by the rules (200 or a business 4xx); anything else has
 * exactly one kind of defect and one expected status and code.
 *
 * <p>Well-formed commands name only the sandbox spools; malformed ones mostly name the protected spools, whose state
 * must come out of the run unchanged.
 */
final class BadRequestGenerator {

    static final String DEVICE_TOKEN = "tablet-fuzz-1";
    static final String OTHER_DEVICE_TOKEN = "tablet-fuzz-2";
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Spools that well-formed commands may change. */
    static final List<String> SANDBOX = List.of("TEST-01", "TEST-02", "TEST-03", "TEST-04", "TEST-05", "TEST-06",
            "TEST-07", "TEST-08", "ARMDONE-01", "ARMDONE-02", "INSPECT-01", "INSPECT-02", "INSPECT-03", "BLOCKED-01");
    /** Spools that only ever receive requests the contract refuses: their state must not change. */
    static final List<String> PROTECTED = protectedSpools();
    static final List<Integer> WORKERS = List.of(MasterDataFixture.MAURICIO, MasterDataFixture.JUAN,
            MasterDataFixture.NICOLAS, MasterDataFixture.FERNANDO, MasterDataFixture.ANA, MasterDataFixture.PEDRO,
            MasterDataFixture.JORGE, 4242);
    static final List<String> OPS = List.of("ARM", "SOLD", "METROLOGIA", "REPARACION");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CONTROL = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u2028\u2029";
    private static final String UNICODE = "ñÁéü€漢字\u200b\u202e\ufeff\u00a0\u2003\ud7ff\ue000";

    /** What the contract makes of a request. */
    enum Verdict {
        /** A well-formed command: 200 or one of the rules' 4xx; accepted ones are counted per spool. */
        DECIDED,
        /** A read that must succeed: 2xx. */
        OK,
        /** A read of one spool, worker or operation: 200, or 404 with {@link Expect#code()}. */
        OK_OR_NOT_FOUND,
        /** Refused with exactly {@link Expect#status()} and {@link Expect#code()}. */
        REFUSED
    }

    record Expect(Verdict verdict, int status, String code) {
        static Expect decided() {
            return new Expect(Verdict.DECIDED, 0, null);
        }

        static Expect ok() {
            return new Expect(Verdict.OK, 200, null);
        }

        static Expect okOrNotFound(String code) {
            return new Expect(Verdict.OK_OR_NOT_FOUND, 0, code);
        }

        static Expect refused(int status, String code) {
            return new Expect(Verdict.REFUSED, status, code);
        }

        boolean rejects() {
            return verdict == Verdict.REFUSED;
        }
    }

    /**
     * One generated request. {@code path} is already percent-encoded; {@code chunked} sends the body without a
     * length; {@code tags} are the sandbox spools a well-formed command acts on (for counting what it changed).
     */
    record Request(String endpoint, String defect, String method, String path, Map<String, String> headers,
                   byte[] body, boolean chunked, Expect expect, List<String> tags) {

        String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return endpoint + " [" + defect + "] " + method + " " + (path.length() > 300 ? path.substring(0, 300)
                    + "…" : path) + " headers=" + headers + (body == null ? "" : " body(" + body.length + ")=" + b);
        }
    }

    /** The endpoints the generator covers: every route of the service, plus unknown routes and the page. */
    enum Endpoint {
        TOMAR("/api/occupation/tomar"), PAUSAR("/api/occupation/pausar"), COMPLETAR("/api/occupation/completar"),
        CANCELAR("/api/occupation/cancelar"), BATCH_TOMAR("/api/occupation/batch-tomar"),
        METROLOGIA("/api/metrologia/completar"), TOMAR_REPARACION("/api/tomar-reparacion"),
        PAUSAR_REPARACION("/api/pausar-reparacion"), COMPLETAR_REPARACION("/api/completar-reparacion"),
        CANCELAR_REPARACION("/api/cancelar-reparacion"), DESBLOQUEAR("/api/admin/spools/{tag}/desbloquear"),
        LIBERAR("/api/admin/spools/{tag}/liberar"), ADMIN_SYNC("/api/admin/sync"),
        SHEETS_RESYNC("/api/admin/sheets/resync"), STATUS("/api/occupation/status/{tag}"),
        HISTORY("/api/history/{tag}"), LIST_INICIAR("/api/spools/iniciar"), LIST_COMPLETAR("/api/spools/completar"),
        LIST_CANCELAR("/api/spools/cancelar"), LIST_REPARACION("/api/spools/reparacion"),
        DASHBOARD_OCCUPIED("/api/dashboard/occupied"), DASHBOARD_RESUMEN("/api/dashboard/resumen"),
        WORKERS("/api/workers"), WORKER_ROLES("/api/workers/{id}/roles"), OPERATIONS("/api/operations/{id}"),
        HEALTH("/api/health"), SCHEMAS("/api/schemas/{name}"), SSE("/api/sse/stream"), UNKNOWN_ROUTE("/api/…"),
        PAGE("/");

        final String route;

        Endpoint(String route) {
            this.route = route;
        }

        boolean command() {
            return ordinal() <= CANCELAR_REPARACION.ordinal();
        }

        boolean admin() {
            return this == DESBLOQUEAR || this == LIBERAR || this == ADMIN_SYNC || this == SHEETS_RESYNC;
        }
    }

    private final Random random;
    private final LocalDate today;

    BadRequestGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    private static List<String> protectedSpools() {
        List<String> tags = new ArrayList<>();
        for (int i = 9; i <= 40; i++) {
            tags.add(String.format("TEST-%02d", i));
        }
        tags.addAll(List.of("NOMAT-01", "ARMDONE-03", "ARMDONE-04", "ARMDONE-05", "INSPECT-04", "INSPECT-05",
                "INSPECT-06", "INSPECT-07", "INSPECT-08", "INSPECT-09", "INSPECT-10"));
        return List.copyOf(tags);
    }

    List<Request> generate(Endpoint e, int count) {
        List<Request> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(one(e));
        }
        return out;
    }

    // ---- dispatch ------------------------------------------------------------------------------------------

    private Request one(Endpoint e) {
        // defects every endpoint can have, whatever its shape
        int roll = random.nextInt(100);
        if (roll < 3) {
            return disallowedOrigin(e);
        }
        if (roll < 6 && e != Endpoint.PAGE && e != Endpoint.SCHEMAS && e != Endpoint.SSE
                && e != Endpoint.UNKNOWN_ROUTE) {
            return unacceptable(e);
        }
        if (e.command()) {
            return command(e);
        }
        switch (e) {
            case DESBLOQUEAR:
            case LIBERAR:
                return supervisor(e);
            case ADMIN_SYNC:
            case SHEETS_RESYNC:
                return adminWithoutBody(e);
            case STATUS:
            case HISTORY:
                return spoolRead(e);
            case LIST_INICIAR:
            case LIST_COMPLETAR:
            case LIST_CANCELAR:
            case LIST_REPARACION:
                return listing(e);
            case WORKER_ROLES:
                return workerRoles(e);
            case OPERATIONS:
                return operations(e);
            case SCHEMAS:
                return schemas(e);
            case SSE:
                return sse(e);
            case UNKNOWN_ROUTE:
                return unknownRoute(e);
            case PAGE:
                return page(e);
            default:
                return plainRead(e);
        }
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Which body fields an endpoint reads; everything else is ignored. */
    private static final class Shape {
        boolean operacion;
        boolean fecha;
        boolean resultadoAlways;
        boolean batch;
    }

    private static Shape shape(Endpoint e) {
        Shape s = new Shape();
        s.batch = e == Endpoint.BATCH_TOMAR;
        s.operacion = e == Endpoint.TOMAR || e == Endpoint.PAUSAR || e == Endpoint.COMPLETAR
                || e == Endpoint.CANCELAR || e == Endpoint.BATCH_TOMAR;
        s.fecha = e == Endpoint.COMPLETAR || e == Endpoint.METROLOGIA || e == Endpoint.COMPLETAR_REPARACION;
        s.resultadoAlways = e == Endpoint.METROLOGIA;
        return s;
    }

    private Request command(Endpoint e) {
        int roll = random.nextInt(100);
        if (roll < 28) {
            return wellFormedCommand(e);
        }
        if (roll < 62) {
            return badFields(e);
        }
        if (roll < 70) {
            return post(e, "malformed JSON", e.route, malformedJson(), json(), Expect.refused(422, "VALIDATION_ERROR"));
        }
        if (roll < 74) {
            return post(e, "deep JSON", e.route, deepJson(), json(), Expect.refused(422, "VALIDATION_ERROR"));
        }
        if (roll < 80) {
            return wrongContentType(e, e.route, validBodyFor(e, protectedTag()));
        }
        if (roll < 84) {
            return hugeBody(e, e.route);
        }
        if (roll < 92) {
            return badDeviceToken(e, e.route, validBodyFor(e, protectedTag()));
        }
        if (roll < 96) {
            Request r = post(e, "bad Idempotency-Key", e.route, bytes(validBodyFor(e, protectedTag())), json(),
                    Expect.refused(422, "VALIDATION_ERROR"));
            r.headers().put("Idempotency-Key", badIdempotencyKey());
            return r;
        }
        return wrongMethod(e, e.route, true);
    }

    /** A command the rules decide: sandbox spools only, with noise the contract says to ignore. */
    private Request wellFormedCommand(Endpoint e) {
        Shape s = shape(e);
        ObjectNode body = NODES.objectNode();
        List<String> tags;
        if (s.batch) {
            int n = 1 + random.nextInt(4);
            List<String> pool = new ArrayList<>(SANDBOX);
            java.util.Collections.shuffle(pool, random);
            tags = new ArrayList<>(pool.subList(0, n));
            if (random.nextInt(5) == 0) {
                tags.add("UNKNOWN-" + random.nextInt(1000)); // unknown spools are a business 404 per item
            }
            ArrayNode arr = body.putArray("tag_spools");
            tags.forEach(t -> arr.add(random.nextInt(6) == 0 ? "  " + t + "\t" : t));
        } else {
            String tag = random.nextInt(8) == 0 ? "UNKNOWN-" + random.nextInt(1000) : pick(SANDBOX);
            tags = List.of(tag);
            body.put("tag_spool", random.nextInt(8) == 0 ? " " + tag + " " : tag); // trimmed by contract
        }
        body.put("worker_id", pick(WORKERS));
        String op = pick(OPS);
        if (s.operacion) {
            body.put("operacion", op);
        } else if (random.nextBoolean()) {
            body.put("operacion", randomString(8)); // not read by the aliases: ignored
        }
        boolean metrologia = s.resultadoAlways || (e == Endpoint.COMPLETAR && op.equals("METROLOGIA"));
        if (metrologia) {
            body.put("resultado", random.nextBoolean() ? "APROBADO" : "RECHAZADO");
        } else if (random.nextInt(4) == 0) {
            body.put("resultado", randomString(5)); // not read for other operations
        }
        if (s.fecha) {
            int f = random.nextInt(4);
            if (f == 0) {
                body.put("fecha_operacion", today.minusDays(random.nextInt(400)).toString());
            } else if (f == 1) {
                body.putNull("fecha_operacion"); // null = today
            } else if (f == 2) {
                body.put("fecha_operacion", today.toString());
            }
        }
        addIgnoredNoise(body);
        Request r = post(e, "well-formed", e.route, bytes(body), json(), Expect.decided());
        if (random.nextBoolean()) {
            r.headers().put("Idempotency-Key", "fz-" + new UUID(random.nextLong(), random.nextLong()));
        }
        return new Request(r.endpoint(), r.defect(), r.method(), r.path(), r.headers(), r.body(), false, r.expect(),
                tags.stream().filter(SANDBOX::contains).toList());
    }

    /** Extra fields, worker_nombre of any type, unicode and mild nesting: all ignored by contract. */
    private void addIgnoredNoise(ObjectNode body) {
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(6)) {
                case 0:
                    body.put("worker_nombre", randomUnicode(20));
                    break;
                case 1:
                    body.put("worker_nombre", random.nextInt());
                    break;
                case 2:
                    body.set("extra_" + random.nextInt(100), nested(1 + random.nextInt(30)));
                    break;
                case 3:
                    body.put(randomUnicode(6), randomUnicode(30));
                    break;
                case 4:
                    body.put("__proto__", "x");
                    break;
                default:
                    body.putArray("lista").add(1).add("dos").addNull();
                    break;
            }
        }
    }

    /** A valid body for a protected spool (the test's defect lies elsewhere). */
    private ObjectNode validBodyFor(Endpoint e, String tag) {
        Shape s = shape(e);
        ObjectNode body = NODES.objectNode();
        if (s.batch) {
            body.putArray("tag_spools").add(tag).add(protectedTag() + "-X");
        } else {
            body.put("tag_spool", tag);
        }
        body.put("worker_id", pick(WORKERS));
        String op = s.operacion ? pick(OPS) : null;
        if (op != null) {
            body.put("operacion", op);
        }
        if (s.resultadoAlways || "METROLOGIA".equals(op) && e == Endpoint.COMPLETAR) {
            body.put("resultado", "APROBADO");
        }
        return body;
    }

    /** One to three field errors on an otherwise valid body (protected spools): always 422. */
    private Request badFields(Endpoint e) {
        Shape s = shape(e);
        ObjectNode body = validBodyFor(e, random.nextInt(10) == 0 ? pick(SANDBOX) : protectedTag());
        // resultado is read only where the operation is METROLOGIA
        boolean metrologia = s.resultadoAlways
                || e == Endpoint.COMPLETAR && "METROLOGIA".equals(text(body.get("operacion")));
        List<String> defects = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int which = random.nextInt(6);
            if (which == 0 || which == 1) {
                if (s.batch) {
                    body.set("tag_spools", badTagList());
                    defects.add("tag_spools");
                } else {
                    badValue(body, "tag_spool", this::badTagValue);
                    defects.add("tag_spool");
                }
            } else if (which == 2) {
                badValue(body, "worker_id", this::badWorkerValue);
                defects.add("worker_id");
            } else if (which == 3 && s.operacion) {
                badValue(body, "operacion", this::badEnumValue);
                defects.add("operacion");
            } else if (which == 4 && s.fecha) {
                body.set("fecha_operacion", badDate());
                defects.add("fecha_operacion");
            } else if (which == 5 && metrologia) {
                badValue(body, "resultado", this::badEnumValue);
                defects.add("resultado");
            } else {
                badValue(body, "worker_id", this::badWorkerValue);
                defects.add("worker_id");
            }
        }
        addIgnoredNoise(body);
        if (random.nextInt(10) == 0) {
            // the same mistakes with the tag in the URL-unsafe form a tablet might send
            return post(e, "fields " + defects, e.route, bytes(body), "application/json;charset=UTF-8",
                    Expect.refused(422, "VALIDATION_ERROR"));
        }
        return post(e, "fields " + defects, e.route, bytes(body), json(), Expect.refused(422, "VALIDATION_ERROR"));
    }

    private interface ValueSource {
        JsonNode get();
    }

    /** Sets a bad value, or removes the field (missing is bad for every required field). */
    private void badValue(ObjectNode body, String field, ValueSource bad) {
        int r = random.nextInt(10);
        if (r == 0) {
            body.remove(field);
        } else if (r == 1) {
            body.putNull(field);
        } else {
            body.set(field, bad.get());
        }
    }

    private JsonNode badTagValue() {
        switch (random.nextInt(12)) {
            case 0:
                return NODES.numberNode(random.nextInt());
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.arrayNode().add(protectedTag());
            case 3:
                return NODES.objectNode().put("tag", protectedTag());
            case 4:
                return NODES.stringNode("");
            case 5:
                return NODES.stringNode("X".repeat(65 + random.nextInt(20_000)));
            default:
                return NODES.stringNode(invalidTag());
        }
    }

    /** A string that, trimmed, is not 1–64 characters of {@code A-Z a-z 0-9 . _ -}. */
    String invalidTag() {
        for (int attempt = 0; ; attempt++) {
            String t;
            switch (random.nextInt(9)) {
                case 0:
                    t = "../../etc/passwd";
                    break;
                case 1:
                    t = protectedTag() + "/../" + pick(SANDBOX);
                    break;
                case 2:
                    t = protectedTag() + "%00";
                    break;
                case 3:
                    t = protectedTag() + CONTROL.charAt(random.nextInt(CONTROL.length())) + "X";
                    break;
                case 4:
                    t = protectedTag() + UNICODE.charAt(random.nextInt(UNICODE.length()));
                    break;
                case 5:
                    t = "TAG CON ESPACIO";
                    break;
                case 6:
                    t = protectedTag() + ";x=1";
                    break;
                case 7:
                    t = "<script>alert(1)</script>";
                    break;
                default:
                    t = randomUnicode(1 + random.nextInt(80));
                    break;
            }
            if (!validTag(t) || attempt > 20) {
                return validTag(t) ? "in valid?" : t;
            }
        }
    }

    static boolean validTag(String raw) {
        return TAG.matcher(raw.strip()).matches();
    }

    private ArrayNode badTagList() {
        ArrayNode a = NODES.arrayNode();
        switch (random.nextInt(5)) {
            case 0:
                return a; // empty
            case 1:
                for (int i = 0; i < 51 + random.nextInt(100); i++) {
                    a.add("TEST-" + i);
                }
                return a;
            case 2:
                return a.add(protectedTag()).add(protectedTag() + "").add(PROTECTED.get(0)).add(PROTECTED.get(0));
            case 3:
                return a.add(protectedTag()).add(random.nextInt());
            default:
                return a.add(protectedTag()).add(invalidTag());
        }
    }

    private JsonNode badWorkerValue() {
        switch (random.nextInt(12)) {
            case 0:
                return NODES.numberNode(0);
            case 1:
                return NODES.numberNode(-1 - random.nextInt(Integer.MAX_VALUE));
            case 2:
                return NODES.numberNode(1L + Integer.MAX_VALUE + random.nextInt(1000));
            case 3:
                return NODES.numberNode(new java.math.BigInteger("9".repeat(30 + random.nextInt(900))));
            case 4:
                return NODES.numberNode(93.5);
            case 5:
                return NODES.numberNode(new java.math.BigDecimal("93.0"));
            case 6:
                return NODES.stringNode("93");
            case 7:
                return NODES.booleanNode(true);
            case 8:
                return NODES.arrayNode().add(93);
            case 9:
                return NODES.numberNode(Long.MIN_VALUE);
            case 10:
                return NODES.numberNode(-0.0);
            default:
                return NODES.stringNode(randomUnicode(10));
        }
    }

    private JsonNode badEnumValue() {
        switch (random.nextInt(8)) {
            case 0:
                return NODES.stringNode(pick(OPS).toLowerCase());
            case 1:
                return NODES.stringNode(" " + pick(OPS));
            case 2:
                return NODES.stringNode("PINTURA");
            case 3:
                return NODES.numberNode(random.nextInt(4));
            case 4:
                return NODES.stringNode("aprobado");
            case 5:
                return NODES.arrayNode().add("ARM");
            case 6:
                return NODES.stringNode("ARM" + CONTROL.charAt(random.nextInt(CONTROL.length())));
            default:
                return NODES.stringNode(randomUnicode(12));
        }
    }

    private JsonNode badDate() {
        switch (random.nextInt(14)) {
            case 0:
                return NODES.stringNode("2026-02-30");
            case 1:
                return NODES.stringNode("2026-13-01");
            case 2:
                return NODES.stringNode("26-01-01");
            case 3:
                return NODES.stringNode("2026/01/05");
            case 4:
                return NODES.stringNode("05-01-2026");
            case 5:
                return NODES.stringNode("2026-1-5");
            case 6:
                return NODES.stringNode("");
            case 7:
                return NODES.stringNode(today.plusDays(2 + random.nextInt(3000)).toString());
            case 8:
                return NODES.stringNode("+12026-01-01");
            case 9:
                return NODES.stringNode(today.minusDays(3) + "T10:00:00-03:00");
            case 10:
                return NODES.numberNode(20260105);
            case 11:
                return NODES.arrayNode().add(2026).add(1).add(5);
            case 12:
                return NODES.stringNode("9999-12-31");
            default:
                return NODES.stringNode(randomUnicode(10));
        }
    }

    private byte[] malformedJson() {
        String tag = protectedTag();
        List<String> bodies = List.of(
                "{\"tag_spool\": \"" + tag + "\", ",
                "{\"tag_spool\": '" + tag + "', \"worker_id\": 93, \"operacion\": \"ARM\"}",
                "{tag_spool: \"" + tag + "\", worker_id: 93, operacion: \"ARM\"}",
                "{\"tag_spool\": \"" + tag + "\", \"worker_id\": 93, \"operacion\": \"ARM\",}",
                "{\"tag_spool\": \"" + tag + "\" \"worker_id\": 93}",
                "{\"tag_spool\": \"" + tag + "\", \"worker_id\": NaN, \"operacion\": \"ARM\"}",
                "{\"tag_spool\": \"" + tag + "\", \"worker_id\": 0x5D, \"operacion\": \"ARM\"}",
                "{\"tag_spool\": \"" + tag + "\", /* c */ \"worker_id\": 93, \"operacion\": \"ARM\"}",
                "{\"tag_spool\": \"" + tag + "\u0001\", \"worker_id\": 93, \"operacion\": \"ARM\"}",
                "{\"tag_spool\": \"\\uZZZZ\", \"worker_id\": 93, \"operacion\": \"ARM\"}",
                "{\"worker_id\": 9" + "9".repeat(1500) + ", \"tag_spool\": \"" + tag + "\", \"operacion\": \"ARM\"}",
                "",
                "null",
                "[]",
                "[{\"tag_spool\": \"" + tag + "\", \"worker_id\": 93, \"operacion\": \"ARM\"}]",
                "\"" + tag + "\"",
                "93",
                "true",
                "}",
                "{\"tag_spool\": \"" + tag + "\"}}",
                "\u0000\u0000\u0000");
        int i = random.nextInt(bodies.size() + 1);
        if (i == bodies.size()) {
            // not UTF-8 at all
            byte[] b = ("{\"tag_spool\": \"" + tag + "X\", \"worker_id\": 93, \"operacion\": \"ARM\"}")
                    .getBytes(StandardCharsets.UTF_8);
            b[16 + tag.length()] = (byte) (0x80 + random.nextInt(0x40));
            return b;
        }
        return bodies.get(i).getBytes(StandardCharsets.UTF_8);
    }

    /** Nested deeper than any parser limit worth having, or a body that is not an object. */
    private byte[] deepJson() {
        int depth = 600 + random.nextInt(20_000);
        StringBuilder sb = new StringBuilder();
        boolean asField = random.nextBoolean();
        if (asField) {
            sb.append("{\"tag_spool\": \"").append(protectedTag()).append("\", \"worker_id\": 93, \"operacion\": "
                    + "\"ARM\", \"x\": ");
        }
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        int levels = Math.min(depth, 60_000 / (open.length() + close.length())); // stays under the 64 KB limit
        sb.append(open.repeat(levels));
        sb.append("1");
        sb.append(close.repeat(levels));
        if (asField) {
            sb.append("}");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Request wrongContentType(Endpoint e, String path, ObjectNode body) {
        String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html",
                "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "text/json",
                "application/jsonx", "application/javascript", "text/plain; charset=utf-8"};
        return post(e, "content type", path, bytes(body), types[random.nextInt(types.length)],
                Expect.refused(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    /** Over 64 KB: declared (413 before anything is read) or chunked (the codec's limit). */
    private Request hugeBody(Endpoint e, String path) {
        int size = 64 * 1024 + 1 + random.nextInt(400 * 1024);
        String tag = protectedTag();
        String body;
        switch (random.nextInt(3)) {
            case 0:
                body = "{\"tag_spool\": \"" + tag + "\", \"worker_id\": 93, \"operacion\": \"ARM\", \"pad\": \""
                        + "x".repeat(size) + "\"}";
                break;
            case 1:
                body = "{\"tag_spool\": \"" + "A".repeat(size) + "\"}";
                break;
            default:
                body = "[" + "1,".repeat(size / 2) + "1]";
                break;
        }
        boolean chunked = random.nextBoolean();
        Request r = post(e, chunked ? "huge chunked body" : "huge body", path, body.getBytes(StandardCharsets.UTF_8),
                json(), Expect.refused(413, "PAYLOAD_TOO_LARGE"));
        return new Request(r.endpoint(), r.defect(), r.method(), r.path(), r.headers(), r.body(), chunked, r.expect(),
                r.tags());
    }

    private Request badDeviceToken(Endpoint e, String path, ObjectNode body) {
        Request r = post(e, "device token", path, bytes(body), json(), Expect.refused(403, "TOKEN_INVALIDO"));
        int k = random.nextInt(7);
        r.headers().remove(BadRequestGenerator.deviceHeader());
        if (k == 1) {
            r.headers().put(deviceHeader(), DEVICE_TOKEN + "x");
        } else if (k == 2) {
            r.headers().put(deviceHeader(), DEVICE_TOKEN.substring(0, DEVICE_TOKEN.length() - 1));
        } else if (k == 3) {
            r.headers().put(deviceHeader(), DEVICE_TOKEN.toUpperCase());
        } else if (k == 4) {
            r.headers().put("Authorization", "Bearer " + OccupationServiceContext.ADMIN_TOKEN);
        } else if (k == 5) {
            r.headers().put(deviceHeader(), latin1(30));
        } else if (k == 6) {
            r.headers().put(deviceHeader(), "x".repeat(1 + random.nextInt(4000)));
        }
        return r;
    }

    /** Invalid keys the JDK client sends unchanged (it turns non-ASCII into "?"; raw bytes are tested elsewhere). */
    private String badIdempotencyKey() {
        switch (random.nextInt(4)) {
            case 0:
                return "clave con espacios";
            case 1:
                return "k".repeat(129 + random.nextInt(2000));
            case 2:
                return "tab\tinside-" + random.nextInt();
            default:
                return "a\"b" + "{}".repeat(random.nextInt(3)) + " c";
        }
    }

    private Request wrongMethod(Endpoint e, String path, boolean postRoute) {
        String[] methods = postRoute ? new String[] {"GET", "PUT", "DELETE", "PATCH"}
                : new String[] {"POST", "PUT", "DELETE", "PATCH"};
        String m = methods[random.nextInt(methods.length)];
        Map<String, String> headers = baseHeaders(e);
        byte[] body = m.equals("GET") || m.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Request(e.name(), "method " + m, m, path, headers, body, false,
                Expect.refused(405, "METHOD_NOT_ALLOWED"), List.of());
    }

    // ---- supervisor ----------------------------------------------------------------------------------------

    private Request supervisor(Endpoint e) {
        int roll = random.nextInt(100);
        String valid = pick(SANDBOX);
        if (roll < 20) {
            // decided by the rules: desbloquear/liberar a sandbox spool, with or without a motivo
            String path = e.route.replace("{tag}", encode(random.nextInt(6) == 0 ? " " + valid : valid));
            byte[] body = null;
            int b = random.nextInt(4);
            if (b == 1) {
                body = bytes(NODES.objectNode().put("motivo", randomUnicode(1 + random.nextInt(200))));
            } else if (b == 2) {
                body = "null".getBytes(StandardCharsets.UTF_8);
            } else if (b == 3) {
                ObjectNode o = NODES.objectNode().put("motivo", "revisado");
                addIgnoredNoise(o);
                body = bytes(o);
            }
            return new Request(e.name(), "well-formed", "POST", path, withJson(adminHeaders(), body != null), body,
                    false, Expect.decided(), List.of(valid));
        }
        String protectedPath = e.route.replace("{tag}", protectedTag());
        if (roll < 40) {
            String path = e.route.replace("{tag}", encode(invalidPathTag()));
            return new Request(e.name(), "path tag", "POST", path, adminHeaders(), null, false,
                    Expect.refused(422, "VALIDATION_ERROR"), List.of());
        }
        if (roll < 55) {
            ObjectNode o = NODES.objectNode();
            int m = random.nextInt(4);
            if (m == 0) {
                o.put("motivo", "m".repeat(501 + random.nextInt(5000)));
            } else if (m == 1) {
                o.put("motivo", random.nextInt());
            } else if (m == 2) {
                o.putArray("motivo").add("x");
            } else {
                o.put("motivo", true);
            }
            return new Request(e.name(), "motivo", "POST", protectedPath, withJson(adminHeaders(), true), bytes(o),
                    false, Expect.refused(422, "VALIDATION_ERROR"), List.of());
        }
        if (roll < 62) {
            byte[] b = List.of("[]", "\"motivo\"", "42", "{\"motivo\": ", "[{\"motivo\": \"x\"}]")
                    .get(random.nextInt(5)).getBytes(StandardCharsets.UTF_8);
            return new Request(e.name(), "body not an object", "POST", protectedPath, withJson(adminHeaders(), true), b,
                    false, Expect.refused(422, "VALIDATION_ERROR"), List.of());
        }
        if (roll < 82) {
            return badAdminToken(e, protectedPath);
        }
        if (roll < 88) {
            Request r = hugeBody(e, protectedPath);
            r.headers().putAll(adminHeaders());
            return r;
        }
        if (roll < 94) {
            Request r = wrongContentType(e, protectedPath, NODES.objectNode().put("motivo", "x"));
            r.headers().putAll(adminHeaders());
            return r;
        }
        Request r = wrongMethod(e, protectedPath, true);
        r.headers().putAll(adminHeaders());
        return r;
    }

    private Request adminWithoutBody(Endpoint e) {
        // a well-formed sync waits for a connector the test has not got: only refusals here
        if (random.nextInt(4) == 0) {
            Request r = wrongMethod(e, e.route, true);
            r.headers().putAll(adminHeaders());
            return r;
        }
        return badAdminToken(e, e.route);
    }

    private Request badAdminToken(Endpoint e, String path) {
        Map<String, String> headers = baseHeaders(e);
        String t = OccupationServiceContext.ADMIN_TOKEN;
        switch (random.nextInt(9)) {
            case 0:
                break;
            case 1:
                headers.put("Authorization", "Bearer " + t + "x");
                break;
            case 2:
                headers.put("Authorization", "Bearer " + t.substring(0, t.length() - 1));
                break;
            case 3:
                headers.put("Authorization", "Basic " + t);
                break;
            case 4:
                headers.put("Authorization", t);
                break;
            case 5:
                headers.put("Authorization", "Bearer");
                break;
            case 6:
                headers.put("Authorization", "Bearer " + DEVICE_TOKEN);
                break;
            case 7:
                headers.put("Authorization", "Bearer " + latin1(20));
                break;
            default:
                headers.put("Authorization", "Bearer " + t.toUpperCase());
                break;
        }
        return new Request(e.name(), "admin token", "POST", path, headers, null, false,
                Expect.refused(403, "TOKEN_INVALIDO"), List.of());
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    private Request spoolRead(Endpoint e) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            String tag = random.nextInt(3) == 0 ? "UNKNOWN-" + random.nextInt(100)
                    : random.nextBoolean() ? pick(SANDBOX) : protectedTag();
            return get(e, "well-formed", e.route.replace("{tag}", encode(tag)),
                    Expect.okOrNotFound("SPOOL_NO_ENCONTRADO"));
        }
        if (roll < 80) {
            return get(e, "path tag", e.route.replace("{tag}", encode(invalidPathTag())),
                    Expect.refused(422, "VALIDATION_ERROR"));
        }
        if (roll < 86) {
            // traversal the router sees as more segments: nothing matches
            String tail = List.of("../../../etc/passwd", "TEST-01/extra", "%2e%2e/%2e%2e/application.yml",
                    "..%2F..%2Fapplication.yml/x").get(random.nextInt(4));
            return get(e, "traversal", e.route.replace("{tag}", tail), Expect.refused(404, "NOT_FOUND"));
        }
        if (roll < 90) {
            // "." and ".." are tags the contract allows (A-Z a-z 0-9 . _ -): unknown spools
            return get(e, "dot tag", e.route.replace("{tag}", random.nextBoolean() ? "." : ".."),
                    Expect.refused(404, "SPOOL_NO_ENCONTRADO"));
        }
        return wrongMethod(e, e.route.replace("{tag}", protectedTag()), false);
    }

    /** A path segment that decodes to an invalid tag (never empty: an empty segment is another route). */
    private String invalidPathTag() {
        switch (random.nextInt(6)) {
            case 0:
                return " ";
            case 1:
                return "X".repeat(65 + random.nextInt(500));
            case 2:
                return protectedTag() + "/../" + pick(SANDBOX); // encoded: one segment holding slashes
            default:
                String t = invalidTag();
                return t.isEmpty() || t.length() > 600 ? "T\u00d1" : t;
        }
    }

    private Request listing(Endpoint e) {
        boolean needsOp = e != Endpoint.LIST_REPARACION;
        boolean needsWorker = e == Endpoint.LIST_COMPLETAR || e == Endpoint.LIST_CANCELAR;
        Map<String, String> q = new LinkedHashMap<>();
        if (needsOp) {
            q.put("operacion", pick(OPS));
        }
        if (needsWorker) {
            q.put("worker_id", String.valueOf(pick(WORKERS)));
        }
        if (random.nextBoolean()) {
            q.put("limit", String.valueOf(1 + random.nextInt(1000)));
        }
        if (random.nextBoolean()) {
            q.put("offset", String.valueOf(random.nextInt(100)));
        }
        if (random.nextInt(4) == 0) {
            q.put(random.nextBoolean() ? "extra" : randomUnicode(4), randomUnicode(10)); // ignored
        }
        int roll = random.nextInt(100);
        if (roll < 35) {
            return get(e, "well-formed", e.route + query(q), Expect.ok());
        }
        if (roll < 92) {
            List<String> names = new ArrayList<>(List.of("limit", "offset"));
            if (needsOp) {
                names.add("operacion");
            }
            if (needsWorker) {
                names.add("worker_id");
            }
            String name = pick(names);
            String defect;
            if (name.equals("operacion")) {
                JsonNode bad = badEnumValue();
                defect = random.nextInt(4) == 0 ? null : bad.isString() ? bad.asString() : "7";
            } else if (name.equals("worker_id")) {
                defect = random.nextInt(5) == 0 ? null : List.of("0", "-1", "abc", "1.5", "99999999999", "",
                        "9".repeat(500), "0x5D", "93 93", "x" + randomUnicode(5)).get(random.nextInt(10));
            } else if (name.equals("limit")) {
                defect = List.of("0", "-5", "1001", "abc", "1e3", "", "2147483648", "1.0", "x" + randomUnicode(3))
                        .get(random.nextInt(9));
            } else {
                defect = List.of("-1", "abc", "", "1e3", "99999999999999999999", "0.5", "x" + randomUnicode(3))
                        .get(random.nextInt(7));
            }
            if (defect == null) {
                q.remove(name); // a required parameter missing
                if (name.equals("limit") || name.equals("offset")) {
                    q.put(name, "-1");
                }
            } else {
                q.put(name, defect);
            }
            if (random.nextInt(6) == 0 && (name.equals("operacion") || name.equals("worker_id"))
                    && q.containsKey(name)) {
                // the same parameter twice: read as "a,b", never a valid value
                return get(e, "query " + name + " twice", e.route + query(q) + "&" + name + "=" + encode(q.get(name)),
                        Expect.refused(422, "VALIDATION_ERROR"));
            }
            return get(e, "query " + name, e.route + query(q), Expect.refused(422, "VALIDATION_ERROR"));
        }
        return wrongMethod(e, e.route + query(q), false);
    }

    private Request workerRoles(Endpoint e) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return get(e, "well-formed", e.route.replace("{id}", String.valueOf(pick(WORKERS))),
                    Expect.okOrNotFound("WORKER_NO_ENCONTRADO"));
        }
        if (roll < 90) {
            String id = List.of("0", "-1", "abc", "1.5", "99999999999", "9".repeat(300), "93;x=1", " 93", "0x5D",
                    "%2e%2e", "+", "x" + randomUnicode(4)).get(random.nextInt(12));
            return get(e, "worker id", e.route.replace("{id}", encode(id)), Expect.refused(422, "VALIDATION_ERROR"));
        }
        return wrongMethod(e, e.route.replace("{id}", "93"), false);
    }

    private Request operations(Endpoint e) {
        if (random.nextInt(10) == 0) {
            return wrongMethod(e, e.route.replace("{id}", UUID.randomUUID().toString()), false);
        }
        String id = random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
                : random.nextBoolean() ? randomUnicode(1 + random.nextInt(100)) : "x".repeat(1 + random.nextInt(1500));
        return get(e, "unknown request id", e.route.replace("{id}", encode(id)), Expect.refused(404, "NOT_FOUND"));
    }

    private Request schemas(Endpoint e) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return get(e, "well-formed", e.route.replace("{name}",
                    random.nextBoolean() ? "spool-event-v1.json" : "spool-view-v1.json"), Expect.ok());
        }
        if (roll < 90) {
            String name = List.of("..%2F..%2Fapplication.yml", "..%2Fapplication.yml", "spool-event-v9.json",
                    "SPOOL-EVENT-V1.JSON", "x.json", encode(randomUnicode(8)), "spool-event-v1.json%00",
                    "%2e%2e%2fapplication.yml").get(random.nextInt(8));
            return get(e, "schema name", e.route.replace("{name}", name), Expect.refused(404, "NOT_FOUND"));
        }
        return wrongMethod(e, e.route.replace("{name}", "spool-event-v1.json"), false);
    }

    private Request sse(Endpoint e) {
        // a valid subscription never ends: only refusals here
        if (random.nextInt(5) == 0) {
            return wrongMethod(e, e.route, false);
        }
        Map<String, String> q = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            q.put("tag_spool", invalidTag());
        } else {
            JsonNode bad = badEnumValue();
            q.put("operacion", bad.isString() ? bad.asString() : "9");
        }
        Request r = get(e, "query", e.route + query(q), Expect.refused(422, "VALIDATION_ERROR"));
        r.headers().put("Accept", "text/event-stream");
        return r;
    }

    private Request unknownRoute(Endpoint e) {
        String path = List.of("/api/no-such-route", "/api/occupation", "/api/occupation/tomar/extra",
                "/api/occupation/status", "/api/occupation/status/", "/api/spools", "/api/admin2/sync",
                "/api/" + encode(randomUnicode(10)), "/api/history", "/api/workers/93", "/api/workers/93/roles/x",
                "/api/sse", "/api/dashboard", "/actuator/nothing", "/no-such-page.html", "/api/../etc/passwd")
                .get(random.nextInt(16));
        int roll = random.nextInt(3);
        if (roll == 0) {
            // an unknown route is a POST outside admin: the device token is checked first
            Request r = post(e, "unknown route", path, "{}".getBytes(StandardCharsets.UTF_8), json(),
                    Expect.refused(404, "NOT_FOUND"));
            if (path.startsWith("/api/admin") || !path.startsWith("/api/")) {
                return get(e, "unknown route", path, Expect.refused(404, "NOT_FOUND"));
            }
            return r;
        }
        return get(e, "unknown route", path, Expect.refused(404, "NOT_FOUND"));
    }

    private Request page(Endpoint e) {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return get(e, "well-formed", List.of("/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.svg")
                    .get(random.nextInt(5)), Expect.ok());
        }
        if (roll < 8) {
            return get(e, "missing asset", List.of("/nope.js", "/static/index.html", "/..%2Fapplication.yml",
                    "/dashboard.js.map", "/" + encode(randomUnicode(6))).get(random.nextInt(5)),
                    Expect.refused(404, "NOT_FOUND"));
        }
        // only GET serves the page: any other method on "/" finds no route
        Request r = wrongMethod(e, "/", false);
        return new Request(r.endpoint(), r.defect(), r.method(), r.path(), r.headers(), r.body(), false,
                Expect.refused(404, "NOT_FOUND"), List.of());
    }

    private Request plainRead(Endpoint e) {
        if (random.nextInt(4) == 0) {
            return wrongMethod(e, e.route, false);
        }
        Map<String, String> q = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            q.put(random.nextBoolean() ? "limit" : randomUnicode(3), randomUnicode(8)); // not read here: ignored
        }
        return get(e, "well-formed", e.route + query(q), Expect.ok());
    }

    // ---- defects any endpoint can have -----------------------------------------------------------------------

    /** A browser page from another site: no CORS headers, 403. */
    private Request disallowedOrigin(Endpoint e) {
        String origin = List.of("http://evil.example", "https://localhost.evil.example", "http://127.0.0.2:8080",
                "null", "file://", "http://localhost@evil.example", "ht!tp://[bad", "chrome-extension://abc",
                "http://" + randomString(12) + ".example").get(random.nextInt(9));
        Request r = route(e);
        r.headers().put("Origin", origin);
        return new Request(r.endpoint(), "origin " + origin, r.method(), r.path(), r.headers(), r.body(), false,
                Expect.refused(403, "NO_AUTORIZADO"), List.of());
    }

    /** An Accept the API cannot answer: refused before anything is applied. */
    private Request unacceptable(Endpoint e) {
        Request r = route(e);
        r.headers().put("Accept", List.of("text/csv", "application/xml", "image/png", "text/html")
                .get(random.nextInt(4)));
        return new Request(r.endpoint(), "accept " + r.headers().get("Accept"), r.method(), r.path(), r.headers(),
                r.body(), false, Expect.refused(415, "UNSUPPORTED_MEDIA_TYPE"), List.of());
    }

    /** A request to the endpoint that would be well-formed (on a protected spool) but for what the caller adds. */
    private Request route(Endpoint e) {
        if (e.command()) {
            return post(e, "", e.route, bytes(validBodyFor(e, protectedTag())), json(), Expect.decided());
        }
        if (e == Endpoint.DESBLOQUEAR || e == Endpoint.LIBERAR) {
            return new Request(e.name(), "", "POST", e.route.replace("{tag}", protectedTag()),
                    withJson(adminHeaders(), true), bytes(NODES.objectNode().put("motivo", "x")), false,
                    Expect.decided(), List.of());
        }
        if (e == Endpoint.ADMIN_SYNC || e == Endpoint.SHEETS_RESYNC) {
            return new Request(e.name(), "", "POST", e.route, adminHeaders(), null, false, Expect.decided(), List.of());
        }
        String path = e.route.replace("{tag}", protectedTag()).replace("{id}", "93")
                .replace("{name}", "spool-view-v1.json").replace("…", "no-such-route");
        if (e == Endpoint.LIST_INICIAR) {
            path += "?operacion=ARM";
        } else if (e == Endpoint.LIST_COMPLETAR || e == Endpoint.LIST_CANCELAR) {
            path += "?operacion=ARM&worker_id=93";
        }
        return get(e, "", path, Expect.ok());
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    static String deviceHeader() {
        return "X-Device-Token";
    }

    private Map<String, String> baseHeaders(Endpoint e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(deviceHeader(), random.nextBoolean() ? DEVICE_TOKEN : OTHER_DEVICE_TOKEN);
        return h;
    }

    private Map<String, String> adminHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + OccupationServiceContext.ADMIN_TOKEN);
        return h;
    }

    private static Map<String, String> withJson(Map<String, String> h, boolean json) {
        if (json) {
            h.put("Content-Type", "application/json");
        }
        return h;
    }

    private Request post(Endpoint e, String defect, String path, byte[] body, String contentType, Expect expect) {
        Map<String, String> h = baseHeaders(e);
        h.put("Content-Type", contentType);
        return new Request(e.name(), defect, "POST", path, h, body, false, expect, List.of());
    }

    private Request get(Endpoint e, String defect, String path, Expect expect) {
        Map<String, String> h = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            h.put("Accept", random.nextBoolean() ? "application/json" : "*/*");
        }
        return new Request(e.name(), defect, "GET", path, h, null, false, expect, List.of());
    }

    private static String json() {
        return "application/json";
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static String text(JsonNode n) {
        return n == null || !n.isString() ? null : n.asString();
    }

    private String protectedTag() {
        return pick(PROTECTED);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private JsonNode nested(int depth) {
        JsonNode n = NODES.stringNode(randomUnicode(4));
        for (int i = 0; i < depth; i++) {
            n = random.nextBoolean() ? NODES.arrayNode().add(n) : NODES.objectNode().set("k", n);
        }
        return n;
    }

    private String randomString(int max) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(max); i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Letters, digits, unicode (astral included), control characters and punctuation. */
    String randomUnicode(int max) {
        String pool = "AZaz09._-/\\%;:?#&=+ \"'<>{}[]|`~!@$^*()," + UNICODE + CONTROL;
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                sb.appendCodePoint(0x1F600 + random.nextInt(80));
            } else {
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return sb.toString();
    }

    /** Printable ISO-8859-1, the most an HTTP header value can carry. */
    private String latin1(int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(max); i++) {
            sb.append((char) (0xA1 + random.nextInt(0x5E)));
        }
        return sb.toString();
    }

    private static String query(Map<String, String> q) {
        if (q.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        q.forEach((k, v) -> sb.append(sb.length() > 1 ? "&" : "").append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    /** Percent-encodes everything but the unreserved characters, as UTF-8 (broken surrogates included). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    static Set<String> contractCodes() {
        Set<String> codes = new java.util.HashSet<>();
        for (com.zeues.domain.model.ErrorCode c : com.zeues.domain.model.ErrorCode.values()) {
            codes.add(c.name());
        }
        return codes;
    }
}
