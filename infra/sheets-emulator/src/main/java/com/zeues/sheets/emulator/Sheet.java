package com.zeues.sheets.emulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One tab of a spreadsheet: its properties and its cells. A cell holds a string, number or boolean node;
 * an empty cell is {@code null}. Rows and cells past the last non-empty one are not stored.
 */
final class Sheet {

    private int sheetId;
    private String title;
    private int index;
    private int rowCount;
    private int columnCount;
    private int frozenRowCount;
    private final ArrayList<ArrayList<JsonNode>> rows = new ArrayList<>();

    Sheet(int sheetId, String title, int index, int rowCount, int columnCount) {
        this.sheetId = sheetId;
        this.title = title;
        this.index = index;
        this.rowCount = rowCount;
        this.columnCount = columnCount;
    }

    int sheetId() {
        return sheetId;
    }

    String title() {
        return title;
    }

    void title(String title) {
        this.title = title;
    }

    int index() {
        return index;
    }

    void index(int index) {
        this.index = index;
    }

    int rowCount() {
        return rowCount;
    }

    int columnCount() {
        return columnCount;
    }

    int frozenRowCount() {
        return frozenRowCount;
    }

    void frozenRowCount(int n) {
        this.frozenRowCount = n;
    }

    /** Sets the grid size; cells outside the new grid are dropped, as the Sheets UI does. */
    void resize(int newRowCount, int newColumnCount) {
        this.rowCount = newRowCount;
        this.columnCount = newColumnCount;
        while (rows.size() > newRowCount) {
            rows.remove(rows.size() - 1);
        }
        for (ArrayList<JsonNode> row : rows) {
            while (row.size() > newColumnCount) {
                row.remove(row.size() - 1);
            }
        }
        trim();
    }

    long cellCount() {
        return (long) rowCount * columnCount;
    }

    /** Number of stored rows: the index after the last row holding any value. */
    int dataRowCount() {
        return rows.size();
    }

    JsonNode get(int row, int col) {
        if (row >= rows.size()) {
            return null;
        }
        List<JsonNode> r = rows.get(row);
        return col < r.size() ? r.get(col) : null;
    }

    /** Sets one cell; {@code null} clears it. The caller keeps the cell inside the grid. */
    void set(int row, int col, JsonNode value) {
        if (value == null) {
            if (row < rows.size()) {
                ArrayList<JsonNode> r = rows.get(row);
                if (col < r.size()) {
                    r.set(col, null);
                    trimRow(r);
                    if (row == rows.size() - 1) {
                        trim();
                    }
                }
            }
            return;
        }
        while (rows.size() <= row) {
            rows.add(new ArrayList<>());
        }
        ArrayList<JsonNode> r = rows.get(row);
        while (r.size() <= col) {
            r.add(null);
        }
        r.set(col, value);
    }

    /** Inserts {@code count} empty rows before {@code at} (0-based), growing the grid. */
    void insertRows(int at, int count) {
        rowCount += count;
        if (at < rows.size()) {
            for (int i = 0; i < count; i++) {
                rows.add(at, new ArrayList<>());
            }
        }
    }

    /** Deletes rows [from, to), shrinking the grid. */
    void deleteRows(int from, int to) {
        int end = Math.min(to, rows.size());
        if (from < end) {
            rows.subList(from, end).clear();
        }
        rowCount -= (to - from);
        trim();
    }

    void insertColumns(int at, int count) {
        columnCount += count;
        for (ArrayList<JsonNode> r : rows) {
            if (at < r.size()) {
                for (int i = 0; i < count; i++) {
                    r.add(at, null);
                }
            }
        }
    }

    void deleteColumns(int from, int to) {
        for (ArrayList<JsonNode> r : rows) {
            int end = Math.min(to, r.size());
            if (from < end) {
                r.subList(from, end).clear();
            }
            trimRow(r);
        }
        columnCount -= (to - from);
        trim();
    }

    /** The last row (exclusive end) in [from, to) that holds a value in columns [c0, c1); {@code from} if none. */
    int lastDataRow(int from, int to, int c0, int c1) {
        for (int r = Math.min(to, rows.size()) - 1; r >= from; r--) {
            List<JsonNode> row = rows.get(r);
            for (int c = c0; c < Math.min(c1, row.size()); c++) {
                if (row.get(c) != null) {
                    return r + 1;
                }
            }
        }
        return from;
    }

    /** The first row in [from, to) holding a value in columns [c0, c1); -1 if none. */
    int firstDataRow(int from, int to, int c0, int c1) {
        for (int r = from; r < Math.min(to, rows.size()); r++) {
            List<JsonNode> row = rows.get(r);
            for (int c = c0; c < Math.min(c1, row.size()); c++) {
                if (row.get(c) != null) {
                    return r;
                }
            }
        }
        return -1;
    }

    List<? extends List<JsonNode>> rows() {
        return rows;
    }

    Sheet copy() {
        Sheet s = new Sheet(sheetId, title, index, rowCount, columnCount);
        s.frozenRowCount = frozenRowCount;
        for (ArrayList<JsonNode> r : rows) {
            s.rows.add(new ArrayList<>(r)); // nodes are immutable value nodes
        }
        return s;
    }

    private static void trimRow(ArrayList<JsonNode> r) {
        while (!r.isEmpty() && r.get(r.size() - 1) == null) {
            r.remove(r.size() - 1);
        }
    }

    private void trim() {
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
    }
}
