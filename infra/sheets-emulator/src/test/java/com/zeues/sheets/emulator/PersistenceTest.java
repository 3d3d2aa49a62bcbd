package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheets survive a restart on the same data dir; files are written shortly after a change. */
class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void seedsTheDemoFileOnFirstStart() {
        try (SheetsEmulator emulator = SheetsEmulator.start(0, dataDir)) {
            assertThat(emulator.spreadsheetIds()).containsExactly(SheetsEmulator.DEFAULT_SPREADSHEET_ID);
        }
        assertThat(dataDir.resolve("sheets/zeues-local.json")).isRegularFile();
    }

    @Test
    void writesSurviveARestart() throws Exception {
        int port;
        try (SheetsEmulator emulator = SheetsEmulator.start(0, dataDir)) {
            port = emulator.port();
            Sheets sheets = GoogleClients.sheets(emulator);
            sheets.spreadsheets().values().update("zeues-local", "Operaciones!L3",
                            new ValueRange().setValues(List.of(List.of("Disponible - ARM en progreso"))))
                    .setValueInputOption("RAW").execute();
            sheets.spreadsheets().batchUpdate("zeues-local", new BatchUpdateSpreadsheetRequest().setRequests(List.of(
                    new Request().setAddSheet(new AddSheetRequest().setProperties(
                            new SheetProperties().setTitle("Metadata_2")))))).execute();
            sheets.spreadsheets().values().update("zeues-local", "Metadata_2!A1",
                            new ValueRange().setValues(List.of(List.of("ID", "Timestamp"))))
                    .setValueInputOption("RAW").execute();
            emulator.putSpreadsheet("other", """
                    {"title": "Other", "sheets": [{"title": "Hoja 1", "values": [["a", 1, true]]}]}""");
        } // close flushes what the debounce has not written yet

        try (SheetsEmulator emulator = SheetsEmulator.start(port, dataDir)) {
            Sheets sheets = GoogleClients.sheets(emulator);
            assertThat(sheets.spreadsheets().values().get("zeues-local", "Operaciones!L3").execute().getValues())
                    .containsExactly(List.of("Disponible - ARM en progreso"));
            assertThat(sheets.spreadsheets().values().get("zeues-local", "Metadata_2").execute().getValues())
                    .containsExactly(List.of("ID", "Timestamp"));
            assertThat(sheets.spreadsheets().values().get("zeues-local", "Operaciones!A2").execute().getValues())
                    .containsExactly(List.of("TEST-01"));
            assertThat(sheets.spreadsheets().values().get("other", "'Hoja 1'").execute().getValues())
                    .containsExactly(List.of("a", "1", "TRUE"));
            assertThat(emulator.spreadsheetIds()).containsExactly("other", "zeues-local");
        }
        try (var files = Files.list(dataDir.resolve("sheets"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("other.json",
                    "zeues-local.json");
        }
    }

    @Test
    void writesTheFileSoonAfterAChange() throws Exception {
        try (SheetsEmulator emulator = SheetsEmulator.start(0, dataDir)) {
            Path file = dataDir.resolve("sheets/zeues-local.json");
            GoogleClients.sheets(emulator).spreadsheets().values().update("zeues-local", "Roles!E1",
                            new ValueRange().setValues(List.of(List.of("marca-persistida"))))
                    .setValueInputOption("RAW").execute();

            long deadline = System.currentTimeMillis() + 3_000;
            while (!Files.readString(file, StandardCharsets.UTF_8).contains("marca-persistida")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("marca-persistida");
            assertThat(dataDir.resolve("sheets/zeues-local.json.tmp")).doesNotExist();
        }
    }
}
