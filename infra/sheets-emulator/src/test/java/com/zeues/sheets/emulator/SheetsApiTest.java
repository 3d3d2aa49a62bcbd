package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesResponse;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sheets v4 methods through the official Google client, as the connector calls them. */
class SheetsApiTest {

    private static final String ID = SheetsEmulator.DEFAULT_SPREADSHEET_ID;

    private static SheetsEmulator emulator;
    private static Sheets sheets;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start(0, null);
        sheets = GoogleClients.sheets(emulator);
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
    void getsTheSpreadsheetWithItsTabs() throws IOException {
        Spreadsheet sp = sheets.spreadsheets().get(ID).execute();

        assertThat(sp.getSpreadsheetId()).isEqualTo(ID);
        assertThat(sp.getProperties().getTitle()).isEqualTo(DemoSpreadsheet.TITLE);
        assertThat(sp.getSheets()).extracting(s -> s.getProperties().getTitle())
                .containsExactly("Operaciones", "Trabajadores", "Roles", "Metadata");
        SheetProperties ops = sp.getSheets().get(0).getProperties();
        assertThat(ops.getSheetId()).isZero();
        assertThat(ops.getIndex()).isZero();
        assertThat(ops.getGridProperties().getRowCount()).isEqualTo(1000);
        assertThat(ops.getGridProperties().getColumnCount()).isEqualTo(26);
        assertThat(sp.getSheets().get(3).getProperties().getIndex()).isEqualTo(3);
    }

    @Test
    void appliesTheFieldsMask() throws IOException {
        Spreadsheet sp = sheets.spreadsheets().get(ID).setFields("sheets.properties(title,sheetId)").execute();

        assertThat(sp.getSpreadsheetId()).isNull();
        assertThat(sp.getSheets().get(1).getProperties().getTitle()).isEqualTo("Trabajadores");
        assertThat(sp.getSheets().get(1).getProperties().getGridProperties()).isNull();
    }

    @Test
    void readsAWholeTabAndReportsTheGridRange() throws IOException {
        ValueRange vr = sheets.spreadsheets().values().get(ID, "Trabajadores").execute();

        assertThat(vr.getRange()).isEqualTo("Trabajadores!A1:Z1000");
        assertThat(vr.getMajorDimension()).isEqualTo("ROWS");
        assertThat(vr.getValues()).hasSize(1 + DemoSpreadsheet.WORKERS.size());
        assertThat(vr.getValues().get(0)).containsExactly("Id", "Nombre", "Apellido", "Activo");
        assertThat(vr.getValues().get(2)).containsExactly("94", "Juan Carlos", "Pérez López", "TRUE");
    }

    @Test
    void readsRangesOfEachShape() throws IOException {
        ValueRange header = sheets.spreadsheets().values().get(ID, "Operaciones!A1:O1").execute();
        assertThat(header.getRange()).isEqualTo("Operaciones!A1:O1");
        assertThat(header.getValues().get(0)).hasSize(15).startsWith("TAG_SPOOL", "OT", "NV");

        ValueRange openRows = sheets.spreadsheets().values().get(ID, "Operaciones!A1:L").execute();
        assertThat(openRows.getRange()).isEqualTo("Operaciones!A1:L1000");
        assertThat(openRows.getValues()).hasSize(1 + DemoSpreadsheet.spools().size());

        ValueRange columns = sheets.spreadsheets().values().get(ID, "Operaciones!A:C").execute();
        assertThat(columns.getRange()).isEqualTo("Operaciones!A1:C1000");
        assertThat(columns.getValues().get(1)).containsExactly("TEST-01", "OT-10000", "NV-1000");

        ValueRange cell = sheets.spreadsheets().values().get(ID, "Operaciones!A5").execute();
        assertThat(cell.getRange()).isEqualTo("Operaciones!A5");
        assertThat(cell.getValues()).containsExactly(List.of("TEST-04"));

        ValueRange lowerCaseTab = sheets.spreadsheets().values().get(ID, "operaciones!a2:a3").execute();
        assertThat(lowerCaseTab.getRange()).isEqualTo("Operaciones!A2:A3");
        assertThat(lowerCaseTab.getValues()).containsExactly(List.of("TEST-01"), List.of("TEST-02"));

        ValueRange noTab = sheets.spreadsheets().values().get(ID, "A2:B2").execute();
        assertThat(noTab.getRange()).isEqualTo("Operaciones!A2:B2");

        ValueRange byColumns = sheets.spreadsheets().values().get(ID, "Trabajadores!A1:B3")
                .setMajorDimension("COLUMNS").execute();
        assertThat(byColumns.getValues()).containsExactly(List.of("Id", "93", "94"),
                List.of("Nombre", "Mauricio", "Juan Carlos"));

        ValueRange empty = sheets.spreadsheets().values().get(ID, "Metadata!A2:J").execute();
        assertThat(empty.getRange()).isEqualTo("Metadata!A2:J1000");
        assertThat(empty.getValues()).isNull();
    }

    @Test
    void quotedTabNamesAndMultiLetterColumns() throws IOException {
        addSheet("Hoja con espacios", 50, 40);
        UpdateValuesResponse u = sheets.spreadsheets().values()
                .update(ID, "'Hoja con espacios'!A2:C3", values(row("a", "b", "c"), row("d", "e", "f")))
                .setValueInputOption("RAW").execute();
        assertThat(u.getUpdatedRange()).isEqualTo("'Hoja con espacios'!A2:C3");
        assertThat(u.getUpdatedCells()).isEqualTo(6);

        ValueRange read = sheets.spreadsheets().values().get(ID, "'Hoja con espacios'!A2:C5").execute();
        assertThat(read.getRange()).isEqualTo("'Hoja con espacios'!A2:C5");
        assertThat(read.getValues()).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));

        sheets.spreadsheets().values().update(ID, "'Hoja con espacios'!AA1", values(row("far")))
                .setValueInputOption("RAW").execute();
        ValueRange aa = sheets.spreadsheets().values().get(ID, "'Hoja con espacios'!Z1:AB1").execute();
        assertThat(aa.getValues()).containsExactly(List.of("", "far"));
        assertThat(sheets.spreadsheets().values().get(ID, "'Hoja con espacios'!AA1:AA1").execute().getRange())
                .isEqualTo("'Hoja con espacios'!AA1");
    }

    @Test
    void trimsTrailingEmptyCellsAndRowsButKeepsInnerOnes() throws IOException {
        addSheet("Trim", 100, 10);
        sheets.spreadsheets().values().update(ID, "Trim!A1",
                        values(row("x", "", "y", "", ""), row("", "", ""), row("", "z"), row("", "")))
                .setValueInputOption("RAW").execute();

        ValueRange vr = sheets.spreadsheets().values().get(ID, "Trim").execute();

        assertThat(vr.getValues()).containsExactly(List.of("x", "", "y"), List.of(), List.of("", "z"));
    }

    @Test
    void batchGetsSeveralRanges() throws IOException {
        BatchGetValuesResponse r = sheets.spreadsheets().values().batchGet(ID)
                .setRanges(List.of("Trabajadores!A1:D", "Roles!A1:C", "Metadata!A1:J1")).execute();

        assertThat(r.getSpreadsheetId()).isEqualTo(ID);
        assertThat(r.getValueRanges()).extracting(ValueRange::getRange)
                .containsExactly("Trabajadores!A1:D1000", "Roles!A1:C1000", "Metadata!A1:J1");
        assertThat(r.getValueRanges().get(2).getValues().get(0)).containsExactly("ID", "Timestamp", "Evento_Tipo",
                "TAG_SPOOL", "Worker_ID", "Worker_Nombre", "Operacion", "Accion", "Fecha_Operacion", "Metadata_JSON");
    }

    @Test
    void batchUpdateWritesCellsAndRowsAndIsIdempotent() throws IOException {
        BatchUpdateValuesRequest body = new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(List.of(
                new ValueRange().setRange("Operaciones!L2").setValues(rows(row("Disponible - ARM en progreso"))),
                new ValueRange().setRange("Operaciones!G2:H2").setValues(rows(row("MR(93)", "30-11-2026"))),
                new ValueRange().setRange("Metadata!A2:J3").setValues(rows(
                        row("e-1", "30-11-2026 08:00:00", "TOMAR_SPOOL", "TEST-01", 93, "MR(93)", "ARM", "TOMAR",
                                "30-11-2026", "{}"),
                        row("e-2", "30-11-2026 08:05:00", "PAUSAR_SPOOL", "TEST-01", 93, "MR(93)", "ARM", "PAUSAR",
                                "30-11-2026", "{}")))));

        BatchUpdateValuesResponse first = sheets.spreadsheets().values().batchUpdate(ID, body).execute();
        List<List<Object>> afterFirst = sheets.spreadsheets().values().get(ID, "Metadata").execute().getValues();
        BatchUpdateValuesResponse second = sheets.spreadsheets().values().batchUpdate(ID, body).execute();
        List<List<Object>> afterSecond = sheets.spreadsheets().values().get(ID, "Metadata").execute().getValues();

        assertThat(first.getSpreadsheetId()).isEqualTo(ID);
        assertThat(first.getTotalUpdatedCells()).isEqualTo(1 + 2 + 20);
        assertThat(first.getTotalUpdatedRows()).isEqualTo(1 + 1 + 2);
        assertThat(first.getTotalUpdatedColumns()).isEqualTo(1 + 2 + 10);
        assertThat(first.getTotalUpdatedSheets()).isEqualTo(2);
        assertThat(first.getResponses()).extracting(UpdateValuesResponse::getUpdatedRange)
                .containsExactly("Operaciones!L2", "Operaciones!G2:H2", "Metadata!A2:J3");
        assertThat(second).isEqualTo(first);
        assertThat(afterSecond).isEqualTo(afterFirst).hasSize(3);
        assertThat(afterFirst.get(1)).containsExactly("e-1", "30-11-2026 08:00:00", "TOMAR_SPOOL", "TEST-01", "93",
                "MR(93)", "ARM", "TOMAR", "30-11-2026", "{}");
        ValueRange row2 = sheets.spreadsheets().values().get(ID, "Operaciones!A2:L2").execute();
        assertThat(row2.getValues().get(0)).containsSubsequence("TEST-01", "MR(93)", "30-11-2026");
        assertThat(row2.getValues().get(0).get(11)).isEqualTo("Disponible - ARM en progreso");
    }

    @Test
    void emptyStringClearsACell() throws IOException {
        sheets.spreadsheets().values().update(ID, "Operaciones!A2:C2", values(row("", "OT-X")))
                .setValueInputOption("RAW").execute();

        assertThat(emulator.values(ID, "Operaciones!A2:C2")).containsExactly(List.of("", "OT-X", "NV-1000"));
    }

    @Test
    void theJavaClientDropsNullCellsSoTheyCannotSkipACell() throws IOException {
        // the API skips a JSON null, but the Java client never sends one: a null element is left out of the
        // array, so the cells after it shift left. A connector must write "" (clear) or the old value instead.
        sheets.spreadsheets().values().update(ID, "Operaciones!A2:C2", values(row("X", null, "Z")))
                .setValueInputOption("RAW").execute();

        assertThat(emulator.values(ID, "Operaciones!A2:C2")).containsExactly(List.of("X", "Z", "NV-1000"));
    }

    @Test
    void rendersNumbersByValueRenderOption() throws IOException {
        addSheet("Numeros", 10, 5);
        sheets.spreadsheets().values().update(ID, "Numeros!A1",
                        values(row(46050, new BigDecimal("12.50"), true, "46050")))
                .setValueInputOption("RAW").execute();

        List<Object> formatted = sheets.spreadsheets().values().get(ID, "Numeros!A1:D1").execute()
                .getValues().get(0);
        List<Object> raw = sheets.spreadsheets().values().get(ID, "Numeros!A1:D1")
                .setValueRenderOption("UNFORMATTED_VALUE").execute().getValues().get(0);

        assertThat(formatted).containsExactly("46050", "12.5", "TRUE", "46050");
        assertThat(raw.get(0)).isEqualTo(new BigDecimal("46050"));
        assertThat(raw.get(1)).isEqualTo(new BigDecimal("12.5"));
        assertThat(raw.get(2)).isEqualTo(true);
        assertThat(raw.get(3)).isEqualTo("46050");
    }

    @Test
    void userEnteredTurnsNumericTextIntoNumbers() throws IOException {
        addSheet("Entrada", 10, 5);
        sheets.spreadsheets().values().update(ID, "Entrada!A1", values(row("42", "'42", "true", "30-11-2026")))
                .setValueInputOption("USER_ENTERED").execute();

        List<Object> raw = sheets.spreadsheets().values().get(ID, "Entrada!A1:D1")
                .setValueRenderOption("UNFORMATTED_VALUE").execute().getValues().get(0);

        assertThat(raw).containsExactly(new BigDecimal("42"), "42", true, "30-11-2026");
    }

    @Test
    void appendAddsRowsAfterTheTable() throws IOException {
        AppendValuesResponse first = sheets.spreadsheets().values()
                .append(ID, "Metadata!A:J", values(row("e-1", "30-11-2026 08:00:00", "TOMAR_SPOOL")))
                .setValueInputOption("RAW").execute();
        AppendValuesResponse second = sheets.spreadsheets().values()
                .append(ID, "Metadata", values(row("e-2"), row("e-3")))
                .setValueInputOption("RAW").setInsertDataOption("INSERT_ROWS").execute();

        assertThat(first.getTableRange()).isEqualTo("Metadata!A1:J1");
        assertThat(first.getUpdates().getUpdatedRange()).isEqualTo("Metadata!A2:C2");
        assertThat(first.getUpdates().getUpdatedRows()).isEqualTo(1);
        assertThat(first.getUpdates().getUpdatedCells()).isEqualTo(3);
        assertThat(second.getTableRange()).isEqualTo("Metadata!A1:J2");
        assertThat(second.getUpdates().getUpdatedRange()).isEqualTo("Metadata!A3:A4");
        assertThat(sheets.spreadsheets().values().get(ID, "Metadata!A:A").execute().getValues())
                .containsExactly(List.of("ID"), List.of("e-1"), List.of("e-2"), List.of("e-3"));
        Spreadsheet sp = sheets.spreadsheets().get(ID).execute();
        assertThat(sp.getSheets().get(3).getProperties().getGridProperties().getRowCount()).isEqualTo(1002);
    }

    @Test
    void appendToTheTablesFirstCellAddsBelowTheTableNotOverIt() throws IOException {
        int before = sheets.spreadsheets().values().get(ID, "Operaciones!A:A").execute().getValues().size();
        for (String tag : List.of("LP-1", "LP-2")) {
            AppendValuesResponse r = sheets.spreadsheets().values()
                    .append(ID, "Operaciones!A1", values(row(tag))).setValueInputOption("RAW").execute();
            assertThat(r.getUpdates().getUpdatedRows()).isEqualTo(1);
        }

        List<List<Object>> after = sheets.spreadsheets().values().get(ID, "Operaciones!A:A").execute().getValues();
        assertThat(after).hasSize(before + 2);
        assertThat(after.subList(before, before + 2)).containsExactly(List.of("LP-1"), List.of("LP-2"));
    }

    @Test
    void addSheetRepliesWithItsPropertiesAndRejectsADuplicate() throws IOException {
        BatchUpdateSpreadsheetResponse r = sheets.spreadsheets().batchUpdate(ID, new BatchUpdateSpreadsheetRequest()
                .setRequests(List.of(new Request().setAddSheet(new AddSheetRequest().setProperties(
                        new SheetProperties().setTitle("Metadata_2")
                                .setGridProperties(new GridProperties().setRowCount(200_001).setColumnCount(10)))))))
                .execute();

        SheetProperties added = r.getReplies().get(0).getAddSheet().getProperties();
        assertThat(r.getSpreadsheetId()).isEqualTo(ID);
        assertThat(added.getTitle()).isEqualTo("Metadata_2");
        assertThat(added.getIndex()).isEqualTo(4);
        assertThat(added.getSheetId()).isPositive();
        assertThat(added.getGridProperties().getRowCount()).isEqualTo(200_001);
        assertThat(sheets.spreadsheets().get(ID).execute().getSheets()).extracting(Sheet::getProperties)
                .extracting(SheetProperties::getTitle).contains("Metadata_2");
        sheets.spreadsheets().values().update(ID, "Metadata_2!A200001", values(row("last row")))
                .setValueInputOption("RAW").execute();

        assertThatThrownBy(() -> addSheet("metadata_2", 10, 10))
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Invalid requests[0].addSheet: A sheet with "
                            + "the name \"metadata_2\" already exists. Please enter another name.");
                });
    }

    @Test
    void unknownTabIsTheGoogleShaped400() {
        assertThatThrownBy(() -> sheets.spreadsheets().values().get(ID, "Nope!A1:B2").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Unable to parse range: Nope!A1:B2");
                    assertThat(e.getDetails().get("status")).isEqualTo("INVALID_ARGUMENT");
                });
        assertThatThrownBy(() -> sheets.spreadsheets().values().batchUpdate(ID, new BatchUpdateValuesRequest()
                        .setValueInputOption("RAW").setData(List.of(
                                new ValueRange().setRange("Operaciones!A2").setValues(rows(row("changed"))),
                                new ValueRange().setRange("Nope!A1").setValues(rows(row("x")))))).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(
                        e.getDetails().getMessage()).isEqualTo("Invalid data[1]: Unable to parse range: Nope!A1"));
        assertThat(emulator.values(ID, "Operaciones!A2")).containsExactly(List.of("TEST-01"));
    }

    @Test
    void unknownSpreadsheetIs404() {
        assertThatThrownBy(() -> sheets.spreadsheets().get("no-such-sheet").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getDetails().get("status")).isEqualTo("NOT_FOUND");
                });
        assertThatThrownBy(() -> sheets.spreadsheets().values().get("no-such-sheet", "A1").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void writingPastTheGridIsRejectedUntilTheGridGrows() throws IOException {
        assertThatThrownBy(() -> sheets.spreadsheets().values().batchUpdate(ID, new BatchUpdateValuesRequest()
                        .setValueInputOption("RAW").setData(List.of(
                                new ValueRange().setRange("Metadata!A1001").setValues(rows(row("e-1000")))))).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(
                        e.getDetails().getMessage()).isEqualTo("Invalid data[0]: Range (Metadata!A1001) exceeds "
                        + "grid limits. Max rows: 1000, max columns: 26"));
        assertThatThrownBy(() -> sheets.spreadsheets().values().get(ID, "Metadata!A1:A2000").execute())
                .isInstanceOf(GoogleJsonResponseException.class).hasMessageContaining("exceeds grid limits");

        sheets.spreadsheets().batchUpdate(ID, new BatchUpdateSpreadsheetRequest().setRequests(List.of(
                new Request().setAppendDimension(new AppendDimensionRequest().setSheetId(1876543210)
                        .setDimension("ROWS").setLength(1000))))).execute();
        sheets.spreadsheets().values().update(ID, "Metadata!A1001", values(row("e-1000")))
                .setValueInputOption("RAW").execute();

        assertThat(emulator.values(ID, "Metadata!A1001")).containsExactly(List.of("e-1000"));
    }

    @Test
    void writingMoreThanTheRangeHoldsIsRejected() {
        assertThatThrownBy(() -> sheets.spreadsheets().values()
                .update(ID, "Operaciones!A2:B2", values(row("a", "b", "c"))).setValueInputOption("RAW").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(
                        e.getDetails().getMessage()).isEqualTo("Requested writing within range [Operaciones!A2:B2], "
                        + "but tried writing to column [C]"));
        assertThatThrownBy(() -> sheets.spreadsheets().values()
                .update(ID, "Operaciones!A2", values(row("a"))).execute())
                .isInstanceOf(GoogleJsonResponseException.class).hasMessageContaining("valueInputOption");
    }

    @Test
    void clearEmptiesARange() throws IOException {
        sheets.spreadsheets().values().clear(ID, "Operaciones!A2:B3",
                new com.google.api.services.sheets.v4.model.ClearValuesRequest()).execute();

        assertThat(emulator.values(ID, "Operaciones!A2:C3")).containsExactly(List.of("", "", "NV-1000"),
                List.of("", "", "NV-1000"));
    }

    private static void addSheet(String title, int rows, int cols) throws IOException {
        sheets.spreadsheets().batchUpdate(ID, new BatchUpdateSpreadsheetRequest().setRequests(List.of(
                new Request().setAddSheet(new AddSheetRequest().setProperties(new SheetProperties().setTitle(title)
                        .setGridProperties(new GridProperties().setRowCount(rows).setColumnCount(cols)))))))
                .execute();
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    @SafeVarargs
    static List<List<Object>> rows(List<Object>... rows) {
        return new ArrayList<>(Arrays.asList(rows));
    }

    @SafeVarargs
    static ValueRange values(List<Object>... rows) {
        return new ValueRange().setValues(new ArrayList<>(Arrays.asList(rows)));
    }
}
