package com.zeues.sheets.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A1 notation as the Sheets API reads it: {@code Sheet}, {@code 'Name with spaces'!A2:C5}, {@code Sheet!A:C},
 * {@code Sheet!A1:L}, {@code Sheet!A5}, {@code Sheet!5:10}, {@code A1:B2} (first sheet). Sheet names match
 * case-insensitively. Rows and columns are 0-based here; an end is exclusive and {@code -1} means "to the end
 * of the grid".
 */
final class A1 {

    static final int OPEN = -1;

    private static final Pattern REF = Pattern.compile("\\$?([A-Za-z]{0,3})\\$?([0-9]{0,7})");
    private static final Pattern PLAIN_TITLE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final Pattern CELL_LIKE = Pattern.compile("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*");

    private A1() {
    }

    /** A range as written: the sheet part (null when absent) and the cell part (null when absent). */
    record Parsed(String sheetName, boolean quoted, String cells) {
    }

    /** Cell bounds of a range, not yet tied to a grid; ends exclusive, {@link #OPEN} = unbounded. */
    record Bounds(int startRow, int startCol, int endRow, int endCol) {
        static final Bounds WHOLE = new Bounds(0, 0, OPEN, OPEN);
    }

    /** Splits {@code text} into sheet and cell parts; throws when the quoting is broken. */
    static Parsed split(String text) {
        String s = text.trim();
        if (s.startsWith("'")) {
            StringBuilder name = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= s.length()) {
                    throw unparsable(text);
                }
                char c = s.charAt(i);
                if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        name.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                name.append(c);
                i++;
            }
            if (i == s.length()) {
                return new Parsed(name.toString(), true, null);
            }
            if (s.charAt(i) != '!' || i + 1 == s.length()) {
                throw unparsable(text);
            }
            return new Parsed(name.toString(), true, s.substring(i + 1));
        }
        int bang = s.lastIndexOf('!');
        if (bang < 0) {
            return new Parsed(s, false, null);
        }
        if (bang == 0 || bang == s.length() - 1) {
            throw unparsable(text);
        }
        return new Parsed(s.substring(0, bang), false, s.substring(bang + 1));
    }

    /** Parses a cell part ({@code A1}, {@code A1:C5}, {@code A:C}, {@code 5:10}, {@code A2:L}); null if it is not one. */
    static Bounds parseCells(String cells) {
        String s = cells.trim();
        int colon = s.indexOf(':');
        if (colon < 0) {
            int[] ref = ref(s);
            if (ref == null || ref[0] < 0 || ref[1] < 0) {
                return null;
            }
            return new Bounds(ref[1], ref[0], ref[1] + 1, ref[0] + 1);
        }
        int[] a = ref(s.substring(0, colon));
        int[] b = ref(s.substring(colon + 1));
        if (a == null || b == null) {
            return null;
        }
        // A start with only a column (A:C) or only a row (5:10) must be matched by an end of the same kind
        if ((a[0] < 0 && b[0] >= 0 && b[1] < 0) || (a[1] < 0 && b[1] >= 0 && b[0] < 0)) {
            return null;
        }
        int startCol = Math.max(a[0], 0);
        int startRow = Math.max(a[1], 0);
        int endCol = b[0] < 0 ? OPEN : b[0] + 1;
        int endRow = b[1] < 0 ? OPEN : b[1] + 1;
        if (endCol != OPEN && endCol <= startCol) { // C5:A1 means A1:C5
            int t = startCol;
            startCol = endCol - 1;
            endCol = t + 1;
        }
        if (endRow != OPEN && endRow <= startRow) {
            int t = startRow;
            startRow = endRow - 1;
            endRow = t + 1;
        }
        return new Bounds(startRow, startCol, endRow, endCol);
    }

    /** {col, row}, 0-based, -1 for an absent part; null when not a reference. */
    private static int[] ref(String s) {
        Matcher m = REF.matcher(s.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        int col = m.group(1).isEmpty() ? -1 : columnIndex(m.group(1));
        int row = -1;
        if (!m.group(2).isEmpty()) {
            row = Integer.parseInt(m.group(2)) - 1;
            if (row < 0) {
                return null;
            }
        }
        return new int[] {col, row};
    }

    static int columnIndex(String letters) {
        int n = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    static String columnLetters(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.append((char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }

    static String cell(int row, int col) {
        return columnLetters(col) + (row + 1);
    }

    /** The sheet title as the API writes it in a range: quoted when it is not a plain word. */
    static String quoteTitle(String title) {
        if (PLAIN_TITLE.matcher(title).matches() && !CELL_LIKE.matcher(title).matches()) {
            return title;
        }
        return "'" + title.replace("'", "''") + "'";
    }

    /** {@code Title!A1:C5}, or {@code Title!A5} for one cell. Ends exclusive and bounded. */
    static String format(String title, int startRow, int startCol, int endRow, int endCol) {
        String first = cell(startRow, startCol);
        String cells = (endRow - startRow == 1 && endCol - startCol == 1) ? first
                : first + ":" + cell(endRow - 1, endCol - 1);
        return quoteTitle(title) + "!" + cells;
    }

    static ApiException unparsable(String text) {
        return ApiException.badRequest("Unable to parse range: " + text);
    }
}
