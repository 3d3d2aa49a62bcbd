package com.zeues.sheets.emulator;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code spreadsheets.batchUpdate} requests the emulator understands: addSheet, deleteSheet,
 * updateSheetProperties, updateSpreadsheetProperties, appendDimension, insertDimension, deleteDimension.
 * Each returns its reply ({@code {}} when the kind has none); a failure is a 400 without the
 * {@code requests[i]} prefix, which the caller adds.
 */
final class SheetRequests {

    private SheetRequests() {
    }

    static ObjectNode apply(Spreadsheet sp, String kind, JsonNode r, Random random) {
        return switch (kind) {
            case "addSheet" -> addSheet(sp, r.path("properties"), random);
            case "deleteSheet" -> {
                Sheet s = sheet(sp, r.path("sheetId"));
                if (sp.sheets().size() == 1) {
                    throw ApiException.badRequest("You can't remove all the sheets in a document.");
                }
                sp.sheets().remove(s);
                sp.reindex();
                yield Json.object();
            }
            case "updateSheetProperties" -> {
                updateSheetProperties(sp, r.path("properties"), fields(r));
                yield Json.object();
            }
            case "updateSpreadsheetProperties" -> {
                Set<String> f = fields(r);
                JsonNode p = r.path("properties");
                if (f.contains("*") || f.contains("title")) {
                    sp.title(Json.text(p.path("title")));
                }
                if ((f.contains("*") || f.contains("locale")) && p.path("locale").isString()) {
                    sp.locale(p.path("locale").stringValue());
                }
                if ((f.contains("*") || f.contains("timeZone")) && p.path("timeZone").isString()) {
                    sp.timeZone(p.path("timeZone").stringValue());
                }
                yield Json.object();
            }
            case "appendDimension" -> {
                Sheet s = sheet(sp, r.path("sheetId"));
                int length = r.path("length").asInt(0);
                if (length <= 0) {
                    throw ApiException.badRequest("length must be greater than 0");
                }
                if (rows(r.path("dimension"))) {
                    s.resize(s.rowCount() + length, s.columnCount());
                } else {
                    s.resize(s.rowCount(), s.columnCount() + length);
                }
                yield Json.object();
            }
            case "insertDimension", "deleteDimension" -> {
                JsonNode range = r.path("range");
                Sheet s = sheet(sp, range.path("sheetId"));
                boolean rows = rows(range.path("dimension"));
                int start = range.path("startIndex").asInt(0);
                int end = range.path("endIndex").asInt(-1);
                int size = rows ? s.rowCount() : s.columnCount();
                boolean insert = kind.equals("insertDimension");
                if (start < 0 || end <= start || start > size || (!insert && end > size)) {
                    throw ApiException.badRequest("Invalid dimension range [" + start + ", " + end + ") for a "
                            + (rows ? "row" : "column") + " count of " + size);
                }
                if (insert && rows) {
                    s.insertRows(start, end - start);
                } else if (insert) {
                    s.insertColumns(start, end - start);
                } else if (rows) {
                    s.deleteRows(start, end);
                } else {
                    s.deleteColumns(start, end);
                }
                yield Json.object();
            }
            default -> throw ApiException.badRequest("the emulator does not support the request kind '" + kind
                    + "' (it knows addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties, "
                    + "appendDimension, insertDimension, deleteDimension)");
        };
    }

    private static ObjectNode addSheet(Spreadsheet sp, JsonNode p, Random random) {
        String title = Json.text(p.path("title"));
        if (title == null || title.isBlank()) {
            int n = sp.sheets().size() + 1;
            while (sp.sheetByTitle("Sheet" + n) != null) {
                n++;
            }
            title = "Sheet" + n;
        }
        if (sp.sheetByTitle(title) != null) {
            throw ApiException.badRequest("A sheet with the name \"" + title
                    + "\" already exists. Please enter another name.");
        }
        int sheetId;
        if (p.path("sheetId").isNumber()) {
            sheetId = p.path("sheetId").asInt();
            if (sheetId < 0 || sp.sheetById(sheetId) != null) {
                throw ApiException.badRequest("Sheet with id " + sheetId + " already exists.");
            }
        } else {
            sheetId = sp.freeSheetId(random);
        }
        JsonNode grid = p.path("gridProperties");
        int rows = grid.path("rowCount").asInt(SpreadsheetJson.DEFAULT_ROWS);
        int cols = grid.path("columnCount").asInt(SpreadsheetJson.DEFAULT_COLUMNS);
        if (rows < 1 || cols < 1) {
            throw ApiException.badRequest("rowCount and columnCount must be positive");
        }
        if (sp.cellCount() + (long) rows * cols > Spreadsheet.MAX_CELLS) {
            throw ApiException.badRequest(Cells.cellLimitMessage());
        }
        Sheet s = new Sheet(sheetId, title, sp.sheets().size(), rows, cols);
        s.frozenRowCount(grid.path("frozenRowCount").asInt(0));
        sp.addSheet(s);
        if (p.path("index").isNumber()) {
            sp.move(s, p.path("index").asInt());
        }
        ObjectNode reply = Json.object();
        reply.putObject("addSheet").set("properties", SpreadsheetJson.sheetProperties(s));
        return reply;
    }

    private static void updateSheetProperties(Spreadsheet sp, JsonNode p, Set<String> f) {
        Sheet s = sheet(sp, p.path("sheetId"));
        boolean all = f.contains("*");
        if (all || f.contains("title")) {
            String title = Json.text(p.path("title"));
            if (title == null || title.isBlank()) {
                throw ApiException.badRequest("A sheet title must not be empty.");
            }
            Sheet other = sp.sheetByTitle(title);
            if (other != null && other != s) {
                throw ApiException.badRequest("A sheet with the name \"" + title
                        + "\" already exists. Please enter another name.");
            }
            s.title(title);
        }
        JsonNode grid = p.path("gridProperties");
        boolean allGrid = all || f.contains("gridProperties");
        int rows = (allGrid || f.contains("gridProperties.rowCount")) ? grid.path("rowCount").asInt(s.rowCount())
                : s.rowCount();
        int cols = (allGrid || f.contains("gridProperties.columnCount"))
                ? grid.path("columnCount").asInt(s.columnCount()) : s.columnCount();
        if (rows < 1 || cols < 1) {
            throw ApiException.badRequest("rowCount and columnCount must be positive");
        }
        if (sp.cellCount() - s.cellCount() + (long) rows * cols > Spreadsheet.MAX_CELLS) {
            throw ApiException.badRequest(Cells.cellLimitMessage());
        }
        s.resize(rows, cols);
        if (allGrid || f.contains("gridProperties.frozenRowCount")) {
            s.frozenRowCount(grid.path("frozenRowCount").asInt(0));
        }
        if ((all || f.contains("index")) && p.path("index").isNumber()) {
            sp.move(s, p.path("index").asInt());
        }
    }

    private static Set<String> fields(JsonNode r) {
        String fields = Json.text(r.path("fields"));
        if (fields == null || fields.isBlank()) {
            throw ApiException.badRequest("At least one field must be updated: 'fields' is empty");
        }
        Set<String> out = new HashSet<>();
        for (String f : fields.split(",")) {
            out.add(f.trim());
        }
        return out;
    }

    private static Sheet sheet(Spreadsheet sp, JsonNode id) {
        int sheetId = id.asInt(0); // an absent sheetId is 0, as in proto3
        Sheet s = sp.sheetById(sheetId);
        if (s == null) {
            throw ApiException.badRequest("No grid with id: " + sheetId);
        }
        return s;
    }

    private static boolean rows(JsonNode dimension) {
        String d = Json.text(dimension);
        if ("ROWS".equals(d)) {
            return true;
        }
        if ("COLUMNS".equals(d)) {
            return false;
        }
        throw ApiException.badRequest("dimension must be ROWS or COLUMNS");
    }
}
