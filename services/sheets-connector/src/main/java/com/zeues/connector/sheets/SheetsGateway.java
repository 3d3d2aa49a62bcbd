package com.zeues.connector.sheets;

import java.io.IOException;
import java.util.List;

/**
 * The connector's only door to a spreadsheet: the few Sheets v4 calls it makes. The Google client implements it
 * ({@link GoogleSheetsGateway}); tests may put a fake in its place.
 */
public interface SheetsGateway {

    /**
     * {@code values.batchGet} of whole ranges, rows major, unformatted (numbers as numbers, dates as serial day
     * numbers, booleans as booleans). The answer has one {@link SheetRange} per requested range, in order.
     */
    List<SheetRange> batchGet(List<String> ranges) throws IOException;

    /** One range as read: the A1 range the server answered with and its rows (trailing empties trimmed). */
    record SheetRange(String range, List<List<Object>> values) {

        public SheetRange {
            values = values == null ? List.of() : values;
        }

        /** The sheet row number (1-based) of {@code values.get(0)}, from the answered range ({@code Hoja!A1:O311}). */
        public int firstRow() {
            return A1Ranges.firstRow(range);
        }
    }
}
