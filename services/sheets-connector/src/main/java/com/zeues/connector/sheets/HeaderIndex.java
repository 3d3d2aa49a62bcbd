package com.zeues.connector.sheets;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The columns of a sheet, found by header text: case-, accent- and underscore-insensitive, never by position
 * ({@code Fecha_QC_Metrología} is {@code fecha qc metrologia}). When two headers normalise to the same text, the
 * leftmost wins.
 */
public final class HeaderIndex {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");

    private final Map<String, Integer> columns;
    private final List<String> headers;

    private HeaderIndex(Map<String, Integer> columns, List<String> headers) {
        this.columns = columns;
        this.headers = headers;
    }

    /** Indexes a header row (cells may be any type; blanks are skipped). */
    public static HeaderIndex of(List<?> headerRow) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < headerRow.size(); i++) {
            Object cell = headerRow.get(i);
            String text = cell == null ? "" : cell.toString();
            headers.add(text);
            String key = normalize(text);
            if (!key.isEmpty()) {
                columns.putIfAbsent(key, i);
            }
        }
        return new HeaderIndex(columns, Collections.unmodifiableList(headers));
    }

    /** Lower case, accents removed, underscores and whitespace runs as one space, trimmed. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(header, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The 0-based column of {@code name}, if a header matches it. */
    public OptionalInt find(String name) {
        Integer col = columns.get(normalize(name));
        return col == null ? OptionalInt.empty() : OptionalInt.of(col);
    }

    public boolean has(String name) {
        return find(name).isPresent();
    }

    /** The header texts as found, in column order. */
    public List<String> headers() {
        return headers;
    }
}
