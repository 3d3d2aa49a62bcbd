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
