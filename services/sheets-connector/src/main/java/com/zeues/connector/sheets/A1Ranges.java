package com.zeues.connector.sheets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bits of A1 notation the connector needs: quoting a sheet name, the first row of an answered range. */
public final class A1Ranges {

    private static final Pattern FIRST_CELL = Pattern.compile("^\\$?[A-Za-z]{0,3}\\$?([0-9]+)");

    private A1Ranges() {
    }

    /** The whole sheet, its name quoted so any title works: {@code 'Operaciones'}. */
    public static String wholeSheet(String sheetName) {
        return "'" + sheetName.replace("'", "''") + "'";
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    public static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /**
     * The block from ({@code row1}, {@code col1}) to ({@code row2}, {@code col2}), rows 1-based, columns 0-based:
     * {@code 'Metadata'!A2:J41}.
     */
    public static String block(String sheetName, int row1, int col1, int row2, int col2) {
        return wholeSheet(sheetName) + "!" + column(col1) + row1 + ":" + column(col2) + row2;
    }

    /** One whole row: {@code 'Operaciones'!1:1}. */
    public static String row(String sheetName, int row) {
        return wholeSheet(sheetName) + "!" + row + ":" + row;
    }

    /** One column from {@code fromRow} to the end of the grid: {@code 'Operaciones'!A2:A}. */
    public static String columnFrom(String sheetName, int col, int fromRow) {
        String c = column(col);
        return wholeSheet(sheetName) + "!" + c + fromRow + ":" + c;
    }

    /**
     * The 1-based row of the top-left cell of {@code range} ({@code 'Hoja'!A1:O311} → 1, {@code Hoja!B5:C9} → 5);
     * 1 when the range names no row ({@code Hoja}, {@code Hoja!A:C}) or is null.
     */
    public static int firstRow(String range) {
        if (range == null) {
            return 1;
        }
        String cells = range;
        int bang = range.lastIndexOf('!');
        if (bang >= 0) {
            cells = range.substring(bang + 1);
        } else if (range.startsWith("'")) {
            return 1;
        }
        Matcher m = FIRST_CELL.matcher(cells.trim());
        if (m.find()) {
            try {
                return Math.max(1, Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }
}
