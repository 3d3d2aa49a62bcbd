package com.zeues.sheets.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts spreadsheets to and from JSON: the emulator's own document (the persisted file and the admin API)
 * and the API's {@code Spreadsheet} resource.
 */
final class SpreadsheetJson {

    static final int DEFAULT_ROWS = 1000;
    static final int DEFAULT_COLUMNS = 26;

    private SpreadsheetJson() {
    }

    /** The emulator's document: id, title, and each tab with its grid size and its rows of values. */
    static ObjectNode toDocument(Spreadsheet sp) {
        ObjectNode doc = Json.object();
        doc.put("spreadsheetId", sp.id());
        doc.put("title", sp.title());
        doc.put("locale", sp.locale());
        doc.put("timeZone", sp.timeZone());
        ArrayNode sheets = doc.putArray("sheets");
        for (Sheet s : sp.sheets()) {
            ObjectNode o = sheets.addObject();
            o.put("sheetId", s.sheetId());
            o.put("title", s.title());
            o.put("index", s.index());
            o.put("rowCount", s.rowCount());
            o.put("columnCount", s.columnCount());
            if (s.frozenRowCount() > 0) {
                o.put("frozenRowCount", s.frozenRowCount());
            }
            ArrayNode values = o.putArray("values");
            for (List<JsonNode> row : s.rows()) {
                ArrayNode r = values.addArray();
                for (JsonNode cell : row) {
                    r.add(cell == null ? Json.NODES.stringNode("") : cell);
                }
            }
        }
        return doc;
    }

    /**
     * Reads a document (as written by {@link #toDocument}); sheetId, index and grid size may be left out.
     * Throws a 400 {@link ApiException} naming what is wrong.
     */
    static Spreadsheet fromDocument(String id, JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw ApiException.badRequest("A spreadsheet document must be a JSON object");
        }
        String title = doc.path("title").isString() ? doc.path("title").stringValue() : id;
        Spreadsheet sp = new Spreadsheet(id, title);
        if (doc.path("locale").isString()) {
            sp.locale(doc.path("locale").stringValue());
        }
        if (doc.path("timeZone").isString()) {
            sp.timeZone(doc.path("timeZone").stringValue());
        }
        JsonNode sheets = doc.path("sheets");
        if (!sheets.isArray()) {
            throw ApiException.badRequest("'sheets' must be an array");
        }
        Set<String> titles = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        Random random = new Random(id.hashCode());
        for (int i = 0; i < sheets.size(); i++) {
            JsonNode s = sheets.get(i);
            String t = s.path("title").isString() ? s.path("title").stringValue() : "";
            if (t.isBlank()) {
                throw ApiException.badRequest("sheets[" + i + "].title is required");
            }
            if (!titles.add(t.toLowerCase(Locale.ROOT))) {
                throw ApiException.badRequest("A sheet with the name \"" + t + "\" already exists.");
            }
            JsonNode values = s.path("values");
            if (!values.isMissingNode() && !values.isNull() && !values.isArray()) {
                throw ApiException.badRequest("sheets[" + i + "].values must be an array of rows");
            }
            int dataRows = values.isArray() ? values.size() : 0;
            int dataCols = 0;
            if (values.isArray()) {
                for (JsonNode row : values) {
                    if (!row.isArray()) {
                        throw ApiException.badRequest("sheets[" + i + "].values must be an array of rows");
                    }
                    dataCols = Math.max(dataCols, row.size());
                }
            }
            int rows = s.path("rowCount").asInt(Math.max(DEFAULT_ROWS, dataRows));
            int cols = s.path("columnCount").asInt(Math.max(DEFAULT_COLUMNS, dataCols));
            if (rows < 1 || cols < 1 || dataRows > rows || dataCols > cols) {
                throw ApiException.badRequest("sheets[" + i + "] (" + t + "): values exceed the grid of "
                        + rows + " rows and " + cols + " columns");
            }
            int sheetId = s.path("sheetId").isNumber() ? s.path("sheetId").asInt() : (i == 0 ? 0 : -1);
            if (sheetId < 0 || ids.contains(sheetId)) {
                do {
                    sheetId = 1 + random.nextInt(Integer.MAX_VALUE - 1);
                } while (ids.contains(sheetId));
            }
            ids.add(sheetId);
            Sheet sheet = new Sheet(sheetId, t, i, rows, cols);
            sheet.frozenRowCount(s.path("frozenRowCount").asInt(0));
            if (values.isArray()) {
                for (int r = 0; r < values.size(); r++) {
                    JsonNode row = values.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        sheet.set(r, c, Cells.stored(row.get(c), "sheets[" + i + "].values[" + r + "][" + c + "]"));
                    }
                }
            }
            sp.addSheet(sheet);
        }
        if (sp.cellCount() > Spreadsheet.MAX_CELLS) {
            throw ApiException.badRequest(Cells.cellLimitMessage());
        }
        return sp;
    }

    /** The API's Spreadsheet resource (without grid data). */
    static ObjectNode toResource(Spreadsheet sp, String spreadsheetUrl) {
        ObjectNode o = Json.object();
        o.put("spreadsheetId", sp.id());
        ObjectNode props = o.putObject("properties");
        props.put("title", sp.title());
        props.put("locale", sp.locale());
        props.put("autoRecalc", "ON_CHANGE");
        props.put("timeZone", sp.timeZone());
        ArrayNode sheets = o.putArray("sheets");
        for (Sheet s : sp.sheets()) {
            sheets.addObject().set("properties", sheetProperties(s));
        }
        o.put("spreadsheetUrl", spreadsheetUrl);
        return o;
    }

    static ObjectNode sheetProperties(Sheet s) {
        ObjectNode p = Json.object();
        p.put("sheetId", s.sheetId());
        p.put("title", s.title());
        p.put("index", s.index());
        p.put("sheetType", "GRID");
        ObjectNode grid = p.putObject("gridProperties");
        grid.put("rowCount", s.rowCount());
        grid.put("columnCount", s.columnCount());
        if (s.frozenRowCount() > 0) {
            grid.put("frozenRowCount", s.frozenRowCount());
        }
        return p;
    }
}
