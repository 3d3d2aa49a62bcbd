package com.zeues.connector.sink;

import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.connector.sheets.SheetsWriter.Tab;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sink knows of the spreadsheet's structure: its tabs and grids, where each system column and each
 * spool's row of {@code Operaciones} is (columns by header text, rows by {@code TAG_SPOOL}), and the header of every
 * Metadata tab. Built and refreshed by {@link LayoutReader}; used on the sink thread only.
 */
final class SheetLayout {

    static final String OPERACIONES = "Operaciones";
    static final String TAG_SPOOL = "TAG_SPOOL";
    private static final Pattern METADATA_TITLE = Pattern.compile("(?i)metadata(?:_([0-9]{1,6}))?");

    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<Integer, HeaderIndex> metadataHeaders = new HashMap<>();

    // Operaciones
    private String operacionesTitle;
    private int headerRow;
    private List<Object> headerCells = List.of();
    private int tagColumn = -1;
    private Map<String, Integer> rows = Map.of();
    private List<String> duplicateTags = List.of();
    private Map<String, Integer> systemColumns = Map.of();
    private List<String> missingColumns = List.of();
    private String operacionesProblem = "Operaciones not read yet";
    private Long verifiedAtNanos;

    /** The title of Metadata tab {@code k}: {@code Metadata}, {@code Metadata_2}, … */
    static String metadataTitle(int k) {
        return k == 1 ? "Metadata" : "Metadata_" + k;
    }

    /** The index of a Metadata tab's title, or 0 when it is not one. */
    static int metadataIndex(String title) {
        Matcher m = METADATA_TITLE.matcher(title == null ? "" : title.trim());
        if (!m.matches()) {
            return 0;
        }
        if (m.group(1) == null) {
            return 1;
        }
        int k = Integer.parseInt(m.group(1));
        return k >= 2 ? k : 0;
    }

    // ---- tabs -------------------------------------------------------------------------------------------------

    void tabs(List<Tab> list) {
        tabs.clear();
        for (Tab t : list) {
            tabs.putIfAbsent(t.title().toLowerCase(Locale.ROOT), t);
        }
        metadataHeaders.keySet().removeIf(k -> tab(metadataTitle(k)) == null);
    }

    Tab tab(String title) {
        return tabs.get(title.toLowerCase(Locale.ROOT));
    }

    void putTab(Tab t) {
        tabs.put(t.title().toLowerCase(Locale.ROOT), t);
    }

    /** The Metadata tabs present, by index. */
    NavigableMap<Integer, Tab> metadataTabs() {
        NavigableMap<Integer, Tab> out = new TreeMap<>();
        for (Tab t : tabs.values()) {
            int k = metadataIndex(t.title());
            if (k > 0) {
                out.putIfAbsent(k, t);
            }
        }
        return out;
    }

    /** Row 1 of Metadata tab {@code k}: null when the tab has no header yet (or is not read). */
    HeaderIndex metadataHeader(int k) {
        return metadataHeaders.get(k);
    }

    void metadataHeader(int k, HeaderIndex header) {
        if (header == null) {
            metadataHeaders.remove(k);
        } else {
            metadataHeaders.put(k, header);
        }
    }

    // ---- Operaciones ----------------------------------------------------------------------------------------

    /** Sets what the last read of Operaciones found; {@code problem} non-null when no cell can be placed. */
    void operaciones(String title, int headerRow, List<Object> headerCells, Map<String, Integer> rows,
                     List<String> duplicateTags, String problem, long nowNanos) {
        this.operacionesTitle = title;
        this.headerRow = headerRow;
        this.headerCells = headerCells == null ? List.of() : List.copyOf(headerCells.stream()
                .map(c -> c == null ? "" : c).toList());
        HeaderIndex index = HeaderIndex.of(this.headerCells);
        Map<String, Integer> present = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : SheetFormats.SYSTEM_COLUMNS) {
            OptionalInt col = index.find(name);
            if (col.isPresent()) {
                present.put(name, col.getAsInt());
            } else {
                missing.add(name);
            }
        }
        this.tagColumn = index.find(TAG_SPOOL).orElse(-1);
        this.systemColumns = Collections.unmodifiableMap(present);
        this.missingColumns = List.copyOf(missing);
        this.rows = rows == null ? Map.of() : Map.copyOf(rows);
        this.duplicateTags = duplicateTags == null ? List.of() : List.copyOf(duplicateTags);
        this.operacionesProblem = problem;
        this.verifiedAtNanos = nowNanos;
    }

    String operacionesTitle() {
        return operacionesTitle;
    }

    int headerRow() {
        return headerRow;
    }

    List<Object> headerCells() {
        return headerCells;
    }

    int tagColumn() {
        return tagColumn;
    }

    /** The sheet row of {@code tag}, or null when the sheet has no such row. */
    Integer row(String tag) {
        return rows.get(tag);
    }

    int rowCount() {
        return rows.size();
    }

    List<String> duplicateTags() {
        return duplicateTags;
    }

    /** System column → 0-based column, for the columns the header has. */
    Map<String, Integer> systemColumns() {
        return systemColumns;
    }

    List<String> missingColumns() {
        return missingColumns;
    }

    /** Why no Operaciones cell can be placed (no tab, no TAG_SPOOL column), or null. */
    String operacionesProblem() {
        return operacionesProblem;
    }

    /** True when Operaciones was read less than {@code intervalNanos} ago. */
    boolean verifiedWithin(long nowNanos, long intervalNanos) {
        return verifiedAtNanos != null && nowNanos - verifiedAtNanos < intervalNanos;
    }

    void expireVerification() {
        verifiedAtNanos = null;
    }
}
