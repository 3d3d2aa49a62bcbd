package com.zeues.connector.sheets;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Response;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SheetsGateway} and {@link SheetsWriter} through the official Google Sheets v4 client (real Google or the
 * local emulator). Failures are {@link SheetsApiException}s carrying the HTTP status and {@code Retry-After}.
 * The client itself retries nothing (no back-off handler is installed): the callers decide.
 */
public final class GoogleSheetsGateway implements SheetsGateway, SheetsWriter {

    private static final String TAB_FIELDS =
            "sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))";

    private final Sheets sheets;
    private final String spreadsheetId;

    public GoogleSheetsGateway(Sheets sheets, String spreadsheetId) {
        this.sheets = sheets;
        this.spreadsheetId = spreadsheetId;
    }

    @Override
    public List<SheetRange> batchGet(List<String> ranges) throws IOException {
        BatchGetValuesResponse response;
        try {
            response = sheets.spreadsheets().values().batchGet(spreadsheetId)
                    .setRanges(ranges)
                    .setMajorDimension("ROWS")
                    .setValueRenderOption("UNFORMATTED_VALUE")
                    .setDateTimeRenderOption("SERIAL_NUMBER")
                    .execute();
        } catch (IOException e) {
            throw failure("values.batchGet " + ranges, e);
        }
        List<ValueRange> answered = response.getValueRanges() == null ? List.of() : response.getValueRanges();
        if (answered.size() != ranges.size()) {
            throw new IOException("values.batchGet answered " + answered.size() + " ranges for " + ranges.size()
                    + " requested (" + ranges + ")");
        }
        List<SheetRange> out = new ArrayList<>(answered.size());
        for (ValueRange vr : answered) {
            out.add(new SheetRange(vr.getRange(), vr.getValues()));
        }
        return out;
    }

    @Override
    public List<Tab> tabs() throws IOException {
        Spreadsheet sp;
        try {
            sp = sheets.spreadsheets().get(spreadsheetId).setFields(TAB_FIELDS).execute();
        } catch (IOException e) {
            throw failure("spreadsheets.get", e);
        }
        List<Tab> out = new ArrayList<>();
        if (sp.getSheets() != null) {
            for (Sheet s : sp.getSheets()) {
                out.add(tab(s.getProperties()));
            }
        }
        return out;
    }

    @Override
    public void writeValues(List<CellBlock> blocks) throws IOException {
        List<ValueRange> data = new ArrayList<>(blocks.size());
        for (CellBlock b : blocks) {
            data.add(new ValueRange().setRange(b.range()).setMajorDimension("ROWS").setValues(b.values()));
        }
        try {
            sheets.spreadsheets().values().batchUpdate(spreadsheetId, new BatchUpdateValuesRequest()
                    .setValueInputOption("RAW").setData(data)).execute();
        } catch (IOException e) {
            throw failure("values.batchUpdate of " + blocks.size() + " ranges", e);
        }
    }

    @Override
    public List<Tab> changeStructure(List<StructureChange> changes) throws IOException {
        List<Request> requests = new ArrayList<>();
        for (StructureChange c : changes) {
            if (c instanceof AddTab a) {
                requests.add(new Request().setAddSheet(new AddSheetRequest().setProperties(new SheetProperties()
                        .setTitle(a.title()).setGridProperties(new GridProperties().setRowCount(a.rows())
                                .setColumnCount(a.columns())))));
            } else if (c instanceof AppendRows r) {
                requests.add(new Request().setAppendDimension(new AppendDimensionRequest()
                        .setSheetId(r.sheetId()).setDimension("ROWS").setLength(r.rows())));
            } else if (c instanceof AppendColumns r) {
                requests.add(new Request().setAppendDimension(new AppendDimensionRequest()
                        .setSheetId(r.sheetId()).setDimension("COLUMNS").setLength(r.columns())));
            }
        }
        BatchUpdateSpreadsheetResponse response;
        try {
            response = sheets.spreadsheets().batchUpdate(spreadsheetId,
                    new BatchUpdateSpreadsheetRequest().setRequests(requests)).execute();
        } catch (IOException e) {
            throw failure("spreadsheets.batchUpdate " + changes, e);
        }
        List<Tab> added = new ArrayList<>();
        if (response.getReplies() != null) {
            for (Response r : response.getReplies()) {
                if (r != null && r.getAddSheet() != null && r.getAddSheet().getProperties() != null) {
                    added.add(tab(r.getAddSheet().getProperties()));
                }
            }
        }
        return added;
    }

    public String spreadsheetId() {
        return spreadsheetId;
    }

    private static Tab tab(SheetProperties p) {
        GridProperties g = p.getGridProperties();
        int rows = g == null || g.getRowCount() == null ? 0 : g.getRowCount();
        int cols = g == null || g.getColumnCount() == null ? 0 : g.getColumnCount();
        return new Tab(p.getSheetId() == null ? 0 : p.getSheetId(), p.getTitle(), rows, cols);
    }

    /** What went wrong, with the status and Retry-After when the server answered. */
    private SheetsApiException failure(String what, IOException e) {
        if (e instanceof HttpResponseException http) {
            String message = http.getStatusMessage();
            if (http instanceof GoogleJsonResponseException g && g.getDetails() != null
                    && g.getDetails().getMessage() != null) {
                message = g.getDetails().getMessage();
            }
            return new SheetsApiException("spreadsheet " + spreadsheetId + ": " + what + " failed with HTTP "
                    + http.getStatusCode() + ": " + message, http.getStatusCode(),
                    retryAfter(http.getHeaders() == null ? null : http.getHeaders().getRetryAfter()), message, e);
        }
        return new SheetsApiException("spreadsheet " + spreadsheetId + " at " + sheets.getRootUrl() + ": " + e, 0,
                null, null, e);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
