package com.zeues.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code load-plant}: grows the local default to a large plant the way an office would, by adding rows to the
 * emulated sheet's {@code Operaciones} through the Sheets API, then asks the system to re-read its master data
 * ({@code POST /api/admin/sync}), so the spools travel the connector's normal path into Kafka. New spools are
 * {@code LP-000001}… with materials set (ready for ARM); columns are found by header text. Running it again only
 * adds what is missing up to {@code --spools}.
 */
final class PlantLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "LP-";
    private static final int CHUNK = 10_000;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    record Settings(String url, String emulatorUrl, String spreadsheetId, String adminToken, int spools) {
    }

    private final Settings s;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PlantLoader(Settings s) {
        this.s = s;
    }

    String run() throws Exception {
        String sheetApi = s.emulatorUrl() + "/v4/spreadsheets/" + s.spreadsheetId();
        List<String> header = new ArrayList<>();
        call("GET", sheetApi + "/values/" + enc("Operaciones!1:1"), null).path("values").path(0)
                .forEach(h -> header.add(h.asString()));
        int tagCol = column(header, "TAG_SPOOL");
        JsonNode tags = call("GET", sheetApi + "/values/" + enc("Operaciones!" + letter(tagCol) + ":" + letter(tagCol))
                + "?majorDimension=COLUMNS", null).path("values").path(0);
        int existing = 0;
        for (JsonNode t : tags) {
            if (t.asString("").startsWith(PREFIX)) {
                existing++;
            }
        }
        int rowsBefore = tags.size();
        int toAdd = Math.max(0, s.spools() - existing);
        long readyBefore = readyForArm();
        System.err.printf("load-plant: sheet has %d rows (%d %s spools); adding %d; %d spools ready for ARM now%n",
                rowsBefore, existing, PREFIX, toAdd, readyBefore);
        trimColumns(sheetApi, header.size());

        long t0 = System.nanoTime();
        for (int from = existing; from < existing + toAdd; from += CHUNK) {
            int to = Math.min(existing + toAdd, from + CHUNK);
            ObjectNode body = JSON.createObjectNode();
            ArrayNode values = body.putArray("values");
            for (int i = from; i < to; i++) {
                values.add(row(header, i + 1));
            }
            call("POST", sheetApi + "/values/" + enc("Operaciones!A1") + ":append?valueInputOption=RAW", body);
            System.err.printf("load-plant: %d / %d rows written%n", to - existing, toAdd);
        }
        double writeS = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        HttpResponse<String> sync = http.send(HttpRequest.newBuilder(URI.create(s.url() + "/api/admin/sync"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + s.adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        double syncS = (System.nanoTime() - t1) / 1e9;
        System.err.printf("load-plant: POST /api/admin/sync answered %d after %.1f s: %s%n", sync.statusCode(), syncS,
                sync.body().length() > 300 ? sync.body().substring(0, 300) : sync.body());
        long want = readyBefore + toAdd;
        long ready = readyForArm();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (ready < want && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            ready = readyForArm();
            System.err.printf("load-plant: %d of %d spools listed as ready for ARM%n", ready, want);
        }
        double visibleS = (System.nanoTime() - t1) / 1e9;
        return String.format(Locale.ROOT, "scenario=load-plant spools=%d added=%d sheet_write_s=%.1f sync_status=%d "
                        + "sync_s=%.1f visible_s=%.1f ready_for_arm=%d errors=%d", existing + toAdd, toAdd, writeS,
                sync.statusCode(), syncS, visibleS, ready, ready >= want && syncAccepted(sync.statusCode()) ? 0 : 1);
    }

    /**
     * 200, or 504 {@code OPERACION_PENDIENTE}: a sync bigger than the service's wait is still running (contract), and
     * whether it finished is judged by the spools listed afterwards.
     */
    static boolean syncAccepted(int status) {
        return status == 200 || status == 504;
    }

    /** A new spool's row, aligned with the sheet's header: master columns only, ready for ARM. */
    static ArrayNode row(List<String> header, int n) {
        ArrayNode row = JSON.createArrayNode();
        int nv = 2000 + n % 50;
        int ot = 30000 + n / 12;
        LocalDate materiales = LocalDate.of(2026, 10, 1).plusDays(n % 45);
        for (String h : header) {
            switch (normalized(h)) {
                case "TAGSPOOL":
                    row.add(String.format(Locale.ROOT, "%s%06d", PREFIX, n));
                    break;
                case "NV":
                    row.add("NV-" + nv);
                    break;
                case "OT":
                    row.add("OT-" + ot);
                    break;
                case "FECHAMATERIALES":
                    row.add(materiales.format(DMY));
                    break;
                case "DESCRIPCION":
                    row.add("Tramo recto con brida");
                    break;
                default:
                    row.add("");
            }
        }
        return row;
    }

    /**
     * Drops the empty grid columns right of the header: 250,000 rows × 26 columns would take most of the 10 million
     * cells a spreadsheet may hold and leave the audit log little room.
     */
    private void trimColumns(String sheetApi, int used) throws Exception {
        for (JsonNode sheet : call("GET", sheetApi, null).path("sheets")) {
            JsonNode props = sheet.path("properties");
            int columns = props.path("gridProperties").path("columnCount").asInt();
            if ("Operaciones".equals(props.path("title").asString()) && columns > used) {
                ObjectNode body = JSON.createObjectNode();
                ObjectNode range = body.putArray("requests").addObject().putObject("deleteDimension").putObject("range");
                range.put("sheetId", props.path("sheetId").asInt());
                range.put("dimension", "COLUMNS");
                range.put("startIndex", used);
                range.put("endIndex", columns);
                call("POST", sheetApi + ":batchUpdate", body);
                System.err.printf("load-plant: Operaciones trimmed from %d to %d columns%n", columns, used);
            }
        }
    }

    /** The service's count of spools ready for ARM; -1 while it does not answer (busy taking in a big sync). */
    private long readyForArm() throws Exception {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(s.url()
                + "/api/spools/iniciar?operacion=ARM&limit=1&offset=0")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("load-plant: listing not answered: " + e);
            return -1;
        }
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("total").asLong() : -1;
    }

    private JsonNode call(String method, String url, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer local-emulator");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Headers are matched as the connector does: case, accents and underscores ignored. */
    static String normalized(String header) {
        String plain = java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replace("_", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static int column(List<String> header, String name) {
        int i = header.stream().map(PlantLoader::normalized).toList().indexOf(normalized(name));
        if (i < 0) {
            throw new IllegalStateException("Operaciones has no " + name + " column: " + header);
        }
        return i;
    }

    /** A1 column letter of a 0-based index. */
    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    private static String enc(String range) {
        return URLEncoder.encode(range, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
