package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults as the Google client sees them, and the write log that records what happened. */
class FaultInjectionTest {

    private static final String ID = SheetsEmulator.DEFAULT_SPREADSHEET_ID;

    private static SheetsEmulator emulator;
    private static Sheets sheets;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start(0, null);
        sheets = GoogleClients.sheets(emulator, 1_000);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.resetAll();
    }

    @Test
    void failNextAnswers429WithoutApplyingThenRecovers() throws IOException {
        emulator.faults().set(FaultSettings.NONE.withFailNext(2, 429).withErrorScope("WRITES"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(this::writeMarker).isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                assertThat(e.getStatusCode()).isEqualTo(429);
                assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
            });
        }
        assertThat(sheets.spreadsheets().values().get(ID, "Roles!E1").execute().getValues()).isNull();
        writeMarker();

        assertThat(emulator.values(ID, "Roles!E1")).containsExactly(List.of("marker"));
        assertThat(emulator.writeLog().entries()).extracting(WriteLog.Entry::status, WriteLog.Entry::applied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(429, false),
                        org.assertj.core.groups.Tuple.tuple(429, false), org.assertj.core.groups.Tuple.tuple(200, true));
        assertThat(emulator.writeLog().entries().get(2).targets()).containsExactly("Roles!E1");
    }

    @Test
    void outageAnswers503ToEveryApiCallButNotToTheAdminApi() throws Exception {
        emulator.faults().set(FaultSettings.NONE.withOutage(true, "ERROR"));

        assertThatThrownBy(() -> sheets.spreadsheets().get(ID).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(admin("GET", "/_emulator/health", null).statusCode()).isEqualTo(200);

        emulator.faults().clear();
        assertThat(sheets.spreadsheets().get(ID).execute().getSpreadsheetId()).isEqualTo(ID);
    }

    @Test
    void aTimeoutAfterTheWriteLeavesTheWriteApplied() {
        emulator.faults().set(FaultSettings.NONE.withTimeoutAfterWrite(0, 1, 3_000));

        assertThatThrownBy(this::writeMarker).isInstanceOf(IOException.class)
                .isNotInstanceOf(GoogleJsonResponseException.class);

        assertThat(emulator.values(ID, "Roles!E1")).containsExactly(List.of("marker"));
        WriteLog.Entry entry = emulator.writeLog().entries().get(0);
        assertThat(entry.applied()).isTrue();
        assertThat(entry.answered()).isFalse();
        assertThat(entry.fault()).isEqualTo("timeout-after-write");
    }

    @Test
    void writeQuotaAnswers429PastTheLimit() throws IOException {
        emulator.faults().set(FaultSettings.NONE.withWriteQuotaPerMinute(3));

        for (int i = 0; i < 3; i++) {
            writeMarker();
        }
        assertThatThrownBy(this::writeMarker).isInstanceOfSatisfying(GoogleJsonResponseException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(429));
        assertThat(sheets.spreadsheets().values().get(ID, "Roles!E1").execute().getValues()).isNotNull();
    }

    @Test
    void addedLatencyDelaysTheAnswer() throws IOException {
        emulator.faults().set(FaultSettings.NONE.withLatency(300, 0));

        long t0 = System.nanoTime();
        sheets.spreadsheets().values().get(ID, "Roles!A1").execute();

        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void faultsAndWritesAreReachableThroughTheAdminApi() throws Exception {
        HttpResponse<String> put = admin("PUT", "/_emulator/faults", "{\"errorRate\": 1.0, \"errorStatus\": 500}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"errorRate\" : 1.0", "\"errorStatus\" : 500");
        assertThatThrownBy(() -> sheets.spreadsheets().get(ID).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(500));

        assertThat(admin("DELETE", "/_emulator/faults", null).statusCode()).isEqualTo(200);
        writeMarker();
        HttpResponse<String> writes = admin("GET", "/_emulator/writes", null);
        assertThat(writes.body()).contains("\"operation\" : \"values.batchUpdate\"", "\"applied\" : true",
                "Roles!E1");
        assertThat(admin("PUT", "/_emulator/faults", "{\"errorRate\": 2}").statusCode()).isEqualTo(400);
    }

    @Test
    void adminApiServesAndReplacesWholeSpreadsheets() throws Exception {
        HttpResponse<String> put = admin("PUT", "/_emulator/spreadsheets/test-sheet",
                "{\"title\": \"Prueba\", \"sheets\": [{\"title\": \"Hoja\", \"values\": [[\"a\", \"b\"], [1, 2]]}]}");
        assertThat(put.statusCode()).isEqualTo(200);

        assertThat(sheets.spreadsheets().values().get("test-sheet", "Hoja!A1:B2").execute().getValues())
                .containsExactly(List.of("a", "b"), List.of("1", "2"));
        HttpResponse<String> get = admin("GET", "/_emulator/spreadsheets/test-sheet", null);
        assertThat(get.body()).contains("\"title\" : \"Prueba\"", "\"rowCount\" : 1000");
        assertThat(admin("GET", "/_emulator/spreadsheets", null).body()).contains("test-sheet", "zeues-local");
        assertThat(admin("POST", "/_emulator/reset", "").statusCode()).isEqualTo(200);
        assertThat(emulator.spreadsheetIds()).containsExactly("zeues-local");
        assertThat(admin("GET", "/_emulator/spreadsheets/test-sheet", null).statusCode()).isEqualTo(404);
    }

    private void writeMarker() throws IOException {
        sheets.spreadsheets().values().batchUpdate(ID, new BatchUpdateValuesRequest().setValueInputOption("RAW")
                .setData(List.of(new ValueRange().setRange("Roles!E1").setValues(List.of(List.of("marker"))))))
                .execute();
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.rootUrl() + path.substring(1)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
