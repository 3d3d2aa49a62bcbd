package com.zeues.connector.master;

import java.util.List;

/**
 * One sheet's cells as read: {@code rows.get(0)} is sheet row {@code firstRow} (1-based). The header is the first
 * non-empty row; data rows follow it.
 */
public record SheetTable(String sheet, int firstRow, List<List<Object>> rows) {

    public SheetTable {
        rows = rows == null ? List.of() : rows;
        firstRow = Math.max(1, firstRow);
    }

    /** Index in {@link #rows()} of the header row, or -1 when the sheet is empty. */
    int headerIndex() {
        for (int i = 0; i < rows.size(); i++) {
            if (!blankRow(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    int rowNumber(int index) {
        return firstRow + index;
    }

    static boolean blankRow(List<Object> row) {
        if (row == null) {
            return true;
        }
        for (Object cell : row) {
            if (!CellValues.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    static Object cell(List<Object> row, int column) {
        return column >= 0 && row != null && column < row.size() ? row.get(column) : null;
    }
}
