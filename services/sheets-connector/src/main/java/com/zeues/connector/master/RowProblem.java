package com.zeues.connector.master;

/**
 * A row of the sheet that could not be used, and why: reported in the logs (once) and in health, never silently
 * dropped. {@code row} is the sheet's 1-based row number (the header row for a problem with a column).
 */
public record RowProblem(String sheet, int row, String reason) {

    @Override
    public String toString() {
        return sheet + " row " + row + ": " + reason;
    }
}
