package com.zeues.connector.sheets;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@link SheetsGateway} through the official Google Sheets v4 client (real Google or the local emulator). */
public final class GoogleSheetsGateway implements SheetsGateway {

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
        } catch (GoogleJsonResponseException e) {
            String message = e.getDetails() != null && e.getDetails().getMessage() != null
                    ? e.getDetails().getMessage() : e.getStatusMessage();
            throw new IOException("spreadsheet " + spreadsheetId + ": values.batchGet " + ranges + " failed with HTTP "
                    + e.getStatusCode() + ": " + message, e);
        } catch (IOException e) {
            throw new IOException("spreadsheet " + spreadsheetId + " at " + sheets.getRootUrl() + ": " + e, e);
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

    public String spreadsheetId() {
        return spreadsheetId;
    }
}
