package com.zeues.connector.sink;

import com.zeues.connector.sheets.A1Ranges;
import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.connector.sheets.SheetsWriter.AddTab;
import com.zeues.connector.sheets.SheetsWriter.AppendColumns;
import com.zeues.connector.sheets.SheetsWriter.AppendRows;
import com.zeues.connector.sheets.SheetsWriter.CellBlock;
import com.zeues.connector.sheets.SheetsWriter.StructureChange;
import com.zeues.connector.sheets.SheetsWriter.Tab;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns one flush (the audit rows in order, the latest view of each touched spool) into the cells of one
 * {@code values.batchUpdate}: the system columns of each spool's Operaciones row, in runs of adjacent system
 * columns so no other cell is touched, and the Metadata rows from the cursor on (rolling over to the next tab
 * after {@code maxRows} data rows). When a tab must be created or its grid grown first, the plan also lists those
 * structure changes; the sink sends them as their own request and plans again.
 */
final class FlushPlanner {

    private final SheetFormats formats;
    private final int maxRows;
    private final int growRows;

    FlushPlanner(SheetFormats formats, int maxRows, int growRows) {
        this.formats = formats;
        this.maxRows = maxRows;
        this.growRows = growRows;
    }

    /**
     * What one write request carries.
     *
     * @param structure        changes to make first (empty when the grid is ready)
     * @param blocks           the value ranges of the write
     * @param after            the cursor after these rows
     * @param metadataRows     audit rows in the write
     * @param operacionesRows  spool rows in the write
     * @param written          tag → version of every view written
     * @param stranded         tag → view whose row is not in the sheet (or Operaciones cannot be used)
     * @param metadataProblem  why no row can be written (a Metadata header without a needed column), or null
     */
    record Plan(List<StructureChange> structure, List<CellBlock> blocks, SinkCursor.Position after, int metadataRows,
                int operacionesRows, Map<String, Long> written, Map<String, SpoolView> stranded,
                String metadataProblem) {
    }

    /** A run of rows of one Metadata tab. */
    record Segment(int tab, int firstRow, List<SpoolEvent> events) {

        int lastRow() {
            return firstRow + events.size() - 1;
        }
    }

    /** Splits {@code rows} from {@code from} over the Metadata tabs; the last element is the cursor after. */
    List<Segment> segments(SinkCursor.Position from, List<SpoolEvent> rows) {
        List<Segment> out = new ArrayList<>();
        int tab = from.tab();
        int row = from.row();
        int cap = maxRows + 1;
        int i = 0;
        while (i < rows.size()) {
            if (row > cap) {
                tab++;
                row = 2;
            }
            int n = Math.min(rows.size() - i, cap - row + 1);
            out.add(new Segment(tab, row, rows.subList(i, i + n)));
            i += n;
            row += n;
        }
        return out;
    }

    SinkCursor.Position after(SinkCursor.Position from, int rows) {
        List<Segment> segs = segments(from, java.util.Collections.nCopies(rows, (SpoolEvent) null));
        if (segs.isEmpty()) {
            return from;
        }
        Segment last = segs.get(segs.size() - 1);
        return new SinkCursor.Position(last.tab(), last.lastRow() + 1);
    }

    Plan plan(SheetLayout layout, SinkCursor.Position from, List<SpoolEvent> rows, Collection<SpoolView> views) {
        List<StructureChange> structure = new ArrayList<>();
        List<CellBlock> blocks = new ArrayList<>();
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, SpoolView> stranded = new LinkedHashMap<>();
        int operacionesRows = operaciones(layout, views, blocks, written, stranded);
        String problem = null;
        for (Segment s : segments(from, rows)) {
            problem = metadata(layout, s, structure, blocks);
            if (problem != null) {
                break;
            }
        }
        return new Plan(structure, blocks, after(from, rows.size()), rows.size(), operacionesRows, written, stranded,
                problem);
    }

    // ---- Operaciones ------------------------------------------------------------------------------------------

    private int operaciones(SheetLayout layout, Collection<SpoolView> views, List<CellBlock> blocks,
                            Map<String, Long> written, Map<String, SpoolView> stranded) {
        if (views.isEmpty()) {
            return 0;
        }
        if (layout.operacionesProblem() != null || layout.systemColumns().isEmpty()) {
            views.forEach(v -> stranded.put(v.tagSpool(), v));
            return 0;
        }
        List<List<Map.Entry<String, Integer>>> runs = runs(layout.systemColumns());
        List<Map.Entry<Integer, SpoolView>> placed = new ArrayList<>();
        for (SpoolView v : views) {
            Integer row = layout.row(v.tagSpool());
            if (row == null) {
                stranded.put(v.tagSpool(), v);
            } else {
                placed.add(Map.entry(row, v));
            }
        }
        placed.sort(Map.Entry.comparingByKey());
        String title = layout.operacionesTitle();
        for (Map.Entry<Integer, SpoolView> p : placed) {
            Map<String, Object> cells = formats.systemCells(p.getValue());
            for (List<Map.Entry<String, Integer>> run : runs) {
                List<Object> values = new ArrayList<>(run.size());
                run.forEach(c -> values.add(cells.get(c.getKey())));
                blocks.add(new CellBlock(A1Ranges.block(title, p.getKey(), run.get(0).getValue(), p.getKey(),
                        run.get(run.size() - 1).getValue()), List.of(values)));
            }
            written.put(p.getValue().tagSpool(), p.getValue().version());
        }
        return placed.size();
    }

    /** The present system columns, sorted by position, split where a non-system column sits between two. */
    static List<List<Map.Entry<String, Integer>>> runs(Map<String, Integer> columns) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(columns.entrySet());
        sorted.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<List<Map.Entry<String, Integer>>> runs = new ArrayList<>();
        List<Map.Entry<String, Integer>> current = new ArrayList<>();
        for (Map.Entry<String, Integer> c : sorted) {
            if (!current.isEmpty() && c.getValue() != current.get(current.size() - 1).getValue() + 1) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(c);
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    // ---- Metadata ---------------------------------------------------------------------------------------------

    /** Adds one segment's header (when the tab needs one), rows and structure changes; a problem, or null. */
    private String metadata(SheetLayout layout, Segment s, List<StructureChange> structure, List<CellBlock> blocks) {
        String title = SheetLayout.metadataTitle(s.tab());
        Tab tab = layout.tab(title);
        HeaderIndex header = tab == null ? null : layout.metadataHeader(s.tab());
        int cap = maxRows + 1;
        int last = s.lastRow();
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean writeHeader = header == null;
        if (header == null) {
            for (int i = 0; i < SheetFormats.METADATA_COLUMNS.size(); i++) {
                columns.put(SheetFormats.METADATA_COLUMNS.get(i), i);
            }
        } else {
            List<String> missing = new ArrayList<>();
            for (String name : SheetFormats.METADATA_COLUMNS) {
                OptionalInt c = header.find(name);
                if (c.isPresent()) {
                    columns.put(name, c.getAsInt());
                } else {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                return "the header of " + title + " lacks " + String.join(", ", missing)
                        + ": no audit row is written until it is fixed";
            }
        }
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (tab == null) {
            structure.add(new AddTab(title, Math.min(cap, Math.max(last, growRows + 1)), width));
        } else {
            if (tab.rowCount() < last) {
                int target = Math.min(cap, Math.max(last, tab.rowCount() + growRows));
                structure.add(new AppendRows(tab.sheetId(), Math.max(last, target) - tab.rowCount()));
            }
            if (tab.columnCount() < width) {
                structure.add(new AppendColumns(tab.sheetId(), width - tab.columnCount()));
            }
        }
        if (writeHeader) {
            List<Object> h = new ArrayList<>(java.util.Collections.nCopies(width, (Object) ""));
            columns.forEach((name, c) -> h.set(c, name));
            blocks.add(new CellBlock(A1Ranges.block(title, 1, 0, 1, width - 1), List.of(h)));
        }
        List<List<Object>> values = new ArrayList<>(s.events().size());
        for (SpoolEvent e : s.events()) {
            Map<String, Object> cells = formats.metadataCells(e);
            List<Object> row = new ArrayList<>(java.util.Collections.nCopies(width, (Object) ""));
            columns.forEach((name, c) -> row.set(c, cells.get(name)));
            values.add(row);
        }
        blocks.add(new CellBlock(A1Ranges.block(title, s.firstRow(), 0, last, width - 1), values));
        return null;
    }
}
