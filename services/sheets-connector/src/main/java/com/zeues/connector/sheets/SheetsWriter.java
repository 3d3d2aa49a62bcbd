package com.zeues.connector.sheets;

import java.io.IOException;
import java.util.List;

/**
 * The writes the sheet sink makes, and the one metadata read it needs: {@code spreadsheets.get} (the tabs and
 * their grids), {@code values.batchUpdate} (RAW) and {@code spreadsheets.batchUpdate} (add a tab, grow a grid).
 * Never {@code values.append}: the sink places every row itself, so a retried request rewrites the same cells.
 */
public interface SheetsWriter {

    /** {@code spreadsheets.get}: every tab with its grid size. */
    List<Tab> tabs() throws IOException;

    /** One {@code values.batchUpdate} with {@code valueInputOption=RAW}: every block is stored as given. */
    void writeValues(List<CellBlock> blocks) throws IOException;

    /** One {@code spreadsheets.batchUpdate}, applied all or nothing; answers the tabs it added. */
    List<Tab> changeStructure(List<StructureChange> changes) throws IOException;

    /** A tab (sheet) of the spreadsheet. */
    record Tab(int sheetId, String title, int rowCount, int columnCount) {
    }

    /** Values for one A1 range; every cell a String or a Number ("" clears a cell). */
    record CellBlock(String range, List<List<Object>> values) {

        public CellBlock {
            values = List.copyOf(values.stream().map(List::copyOf).toList());
        }
    }

    /** A change of the spreadsheet's structure. */
    sealed interface StructureChange {
    }

    /** {@code addSheet} with a grid of {@code rows} × {@code columns}. */
    record AddTab(String title, int rows, int columns) implements StructureChange {
    }

    /** {@code appendDimension} ROWS: never deletes anything, so a retried request is harmless. */
    record AppendRows(int sheetId, int rows) implements StructureChange {
    }

    /** {@code appendDimension} COLUMNS. */
    record AppendColumns(int sheetId, int columns) implements StructureChange {
    }
}
