package com.zeues.connector.sheets;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.zeues.sheets.emulator.SheetsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Test helper: the Google client on a {@link SheetsEmulator}, as the connector builds it, plus cell edits. */
public final class EmulatorSheets {

    private final Sheets client;
    private final String spreadsheetId;

    public EmulatorSheets(SheetsEmulator emulator, String spreadsheetId) {
        this.client = SheetsClientFactory.build(SheetsClientFactory.target(emulator.rootUrl(),
                "https://sheets.googleapis.com/", null, null), Duration.ofSeconds(5), Duration.ofSeconds(10));
        this.spreadsheetId = spreadsheetId;
    }

    public Sheets client() {
        return client;
    }

    public GoogleSheetsGateway gateway() {
        return new GoogleSheetsGateway(client, spreadsheetId);
    }

    /** Writes {@code values} (one row) at {@code range}, stored as given (RAW). */
    public void set(String range, Object... values) {
        try {
            client.spreadsheets().values().update(spreadsheetId, range, new ValueRange().setValues(
                    List.of(List.of(values)))).setValueInputOption("RAW").execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell at {@code range}, unformatted. */
    public Object get(String range) {
        try {
            ValueRange vr = client.spreadsheets().values().get(spreadsheetId, range)
                    .setValueRenderOption("UNFORMATTED_VALUE").execute();
            return vr.getValues() == null || vr.getValues().isEmpty() || vr.getValues().get(0).isEmpty() ? null
                    : vr.getValues().get(0).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The A1 column letter of the header {@code name} in row 1 of {@code sheet}. */
    public String column(String sheet, String name) {
        try {
            ValueRange vr = client.spreadsheets().values().get(spreadsheetId, A1Ranges.wholeSheet(sheet) + "!1:1")
                    .execute();
            List<Object> header = vr.getValues().get(0);
            HeaderIndex index = HeaderIndex.of(header);
            int col = index.find(name).orElseThrow(() -> new IllegalArgumentException(name + " not in " + header));
            return letter(col);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    public static String letter(int col) {
        StringBuilder sb = new StringBuilder();
        int n = col + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
