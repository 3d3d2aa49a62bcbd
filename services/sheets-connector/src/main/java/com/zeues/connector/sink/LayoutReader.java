package com.zeues.connector.sink;

import com.zeues.connector.master.CellValues;
import com.zeues.connector.sheets.A1Ranges;
import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.connector.sheets.SheetsGateway;
import com.zeues.connector.sheets.SheetsGateway.SheetRange;
import com.zeues.connector.sheets.SheetsWriter;
import com.zeues.connector.sheets.SheetsWriter.Tab;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Reads the structure of the spreadsheet into a {@link SheetLayout}: a full read (tabs, the whole Operaciones
 * tab, every Metadata header) and a cheap verification (the Operaciones header row and TAG_SPOOL column only).
 * Also finds where the Metadata log ends when the sink starts without a committed cursor.
 */
final class LayoutReader {

    private final SheetsGateway reader;
    private final SheetsWriter writer;
    private final Runnable onRequest;

    LayoutReader(SheetsGateway reader, SheetsWriter writer, Runnable onRequest) {
        this.reader = reader;
        this.writer = writer;
        this.onRequest = onRequest;
    }

    /** Tabs, the whole Operaciones tab and row 1 of every Metadata tab: two read requests. */
    void load(SheetLayout layout, long nowNanos) throws IOException {
        onRequest.run();
        layout.tabs(writer.tabs());
        List<String> ranges = new ArrayList<>();
        Tab op = layout.tab(SheetLayout.OPERACIONES);
        if (op != null) {
            ranges.add(A1Ranges.wholeSheet(op.title()));
        }
        Map<Integer, Tab> meta = layout.metadataTabs();
        for (Tab t : meta.values()) {
            ranges.add(A1Ranges.row(t.title(), 1));
        }
        List<SheetRange> got = List.of();
        if (!ranges.isEmpty()) {
            onRequest.run();
            got = reader.batchGet(ranges);
        }
        int i = 0;
        if (op != null) {
            operaciones(layout, op.title(), got.get(i++), nowNanos);
        } else {
            layout.operaciones(null, 0, List.of(), Map.of(), List.of(),
                    "the spreadsheet has no " + SheetLayout.OPERACIONES + " tab", nowNanos);
        }
        for (Map.Entry<Integer, Tab> e : meta.entrySet()) {
            SheetRange r = got.get(i++);
            List<Object> header = r.values().isEmpty() ? List.of() : r.values().get(0);
            layout.metadataHeader(e.getKey(), blank(header) ? null : HeaderIndex.of(header));
        }
    }

    /**
     * Re-reads the Operaciones header row and TAG_SPOOL column (one request), rebuilding the row index; falls back
     * to {@link #load} when the header changed or was never found.
     */
    void verify(SheetLayout layout, long nowNanos) throws IOException {
        String title = layout.operacionesTitle();
        if (title == null || layout.tagColumn() < 0) {
            load(layout, nowNanos);
            return;
        }
        int headerRow = layout.headerRow();
        onRequest.run();
        List<SheetRange> got = reader.batchGet(List.of(A1Ranges.row(title, headerRow),
                A1Ranges.columnFrom(title, layout.tagColumn(), headerRow + 1)));
        List<Object> header = got.get(0).values().isEmpty() ? List.of() : got.get(0).values().get(0);
        if (!sameHeader(header, layout.headerCells())) {
            load(layout, nowNanos);
            return;
        }
        SheetRange column = got.get(1);
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        int first = Math.max(column.firstRow(), headerRow + 1);
        for (int i = 0; i < column.values().size(); i++) {
            List<Object> row = column.values().get(i);
            index(rows, duplicates, row.isEmpty() ? null : row.get(0), first + i);
        }
        layout.operaciones(title, headerRow, header, rows, duplicates, null, nowNanos);
    }

    /**
     * Where the Metadata log ends: the first free row of the last Metadata tab (a full tab continues in the next
     * one). Reads that tab (one request).
     */
    SinkCursor.Position end(SheetLayout layout, int maxRows) throws IOException {
        NavigableMap<Integer, Tab> meta = layout.metadataTabs();
        if (meta.isEmpty()) {
            return new SinkCursor.Position(1, 2);
        }
        int last = meta.lastKey();
        onRequest.run();
        SheetRange r = reader.batchGet(List.of(A1Ranges.wholeSheet(meta.get(last).title()))).get(0);
        int lastUsed = 1;
        for (int i = r.values().size() - 1; i >= 0; i--) {
            if (!blank(r.values().get(i))) {
                lastUsed = r.firstRow() + i;
                break;
            }
        }
        int row = Math.max(2, lastUsed + 1);
        return row > maxRows + 1 ? new SinkCursor.Position(last + 1, 2) : new SinkCursor.Position(last, row);
    }

    /** The IDs of every Metadata row above {@code boundary} (one request). */
    Set<String> idsBefore(SheetLayout layout, SinkCursor.Position boundary) throws IOException {
        List<String> ranges = new ArrayList<>();
        for (Map.Entry<Integer, Tab> e : layout.metadataTabs().entrySet()) {
            int k = e.getKey();
            if (k > boundary.tab() || (k == boundary.tab() && boundary.row() <= 2)) {
                continue;
            }
            HeaderIndex h = layout.metadataHeader(k);
            int idCol = h == null ? 0 : h.find("ID").orElse(0);
            String c = A1Ranges.column(idCol);
            String title = A1Ranges.wholeSheet(e.getValue().title());
            ranges.add(k == boundary.tab() ? title + "!" + c + "2:" + c + (boundary.row() - 1)
                    : title + "!" + c + "2:" + c);
        }
        Set<String> ids = new HashSet<>();
        if (ranges.isEmpty()) {
            return ids;
        }
        onRequest.run();
        for (SheetRange r : reader.batchGet(ranges)) {
            for (List<Object> row : r.values()) {
                String id = row.isEmpty() ? null : CellValues.text(row.get(0));
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static void operaciones(SheetLayout layout, String title, SheetRange range, long nowNanos) {
        List<List<Object>> values = range.values();
        int headerIndex = -1;
        for (int i = 0; i < values.size(); i++) {
            if (!blank(values.get(i))) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            layout.operaciones(title, range.firstRow(), List.of(), Map.of(), List.of(),
                    title + " is empty: no header row with " + SheetLayout.TAG_SPOOL, nowNanos);
            return;
        }
        List<Object> header = values.get(headerIndex);
        int headerRow = range.firstRow() + headerIndex;
        int tagCol = HeaderIndex.of(header).find(SheetLayout.TAG_SPOOL).orElse(-1);
        if (tagCol < 0) {
            layout.operaciones(title, headerRow, header, Map.of(), List.of(),
                    title + ": column " + SheetLayout.TAG_SPOOL + " not found in the header (row " + headerRow + ")",
                    nowNanos);
            return;
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = headerIndex + 1; i < values.size(); i++) {
            List<Object> row = values.get(i);
            index(rows, duplicates, tagCol < row.size() ? row.get(tagCol) : null, range.firstRow() + i);
        }
        layout.operaciones(title, headerRow, header, rows, duplicates, null, nowNanos);
    }

    private static void index(Map<String, Integer> rows, List<String> duplicates, Object cell, int rowNumber) {
        String tag = CellValues.text(cell);
        if (tag == null) {
            return;
        }
        if (rows.putIfAbsent(tag, rowNumber) != null) {
            duplicates.add(tag);
        }
    }

    private static boolean sameHeader(List<Object> a, List<Object> b) {
        return normalized(a).equals(normalized(b));
    }

    private static List<String> normalized(List<Object> header) {
        List<String> out = new ArrayList<>();
        for (Object c : header) {
            out.add(c == null ? "" : c.toString().strip());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean blank(List<Object> row) {
        if (row == null) {
            return true;
        }
        for (Object c : row) {
            if (!CellValues.isBlank(c)) {
                return false;
            }
        }
        return true;
    }
}
