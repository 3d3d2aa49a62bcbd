package com.zeues.sheets.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Sheets v4 methods the connector uses, answered from the {@link SpreadsheetStore}. */
final class SheetsApi {

    private final SpreadsheetStore store;
    private final Supplier<String> baseUrl;
    private final Random random = new Random();

    SheetsApi(SpreadsheetStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    EmulatorResponse handle(EmulatorRequest req) {
        ApiCall call = req.call();
        try {
            if (call.operation().equals(ApiCall.UNKNOWN)) {
                return EmulatorResponse.error(404, "NOT_FOUND", "Method not found: " + req.method() + " "
                        + req.rawPath());
            }
            String alt = req.param("alt");
            if (alt != null && !alt.equals("json")) {
                throw ApiException.badRequest("Invalid value for alt: " + alt + " (the emulator speaks json only)");
            }
            Spreadsheet sp = store.require(call.spreadsheetId());
            JsonNode body = switch (call.operation()) {
                case "spreadsheets.get" -> sp.read(() -> getSpreadsheet(sp, req));
                case "spreadsheets.batchUpdate" -> sp.write(() -> batchUpdateSpreadsheet(sp, req.json()));
                case "values.get" -> sp.read(() -> readRange(sp, call.range(), req.param("majorDimension"),
                        req.param("valueRenderOption")));
                case "values.batchGet" -> sp.read(() -> batchGet(sp, req));
                case "values.update" -> sp.write(() -> update(sp, call.range(), req));
                case "values.batchUpdate" -> sp.write(() -> batchUpdateValues(sp, req.json()));
                case "values.append" -> sp.write(() -> append(sp, call.range(), req));
                case "values.clear" -> sp.write(() -> clear(sp, List.of(call.range()), false));
                case "values.batchClear" -> sp.write(() -> clear(sp, strings(req.json().path("ranges")), true));
                default -> throw ApiException.notFound("Method not found: " + call.operation());
            };
            if (call.isWrite()) {
                store.changed(sp.id());
            }
            String fields = req.param("fields");
            if (fields != null && !fields.isBlank()) {
                body = FieldMask.parse(fields).apply(body);
            }
            return EmulatorResponse.json(200, body);
        } catch (ApiException e) {
            return EmulatorResponse.error(e);
        }
    }

    // ---- spreadsheets.get / batchUpdate ---------------------------------------------------------------------

    private JsonNode getSpreadsheet(Spreadsheet sp, EmulatorRequest req) {
        if (Boolean.parseBoolean(req.param("includeGridData"))) {
            throw ApiException.badRequest("The emulator does not serve includeGridData=true: read values instead");
        }
        ObjectNode resource = SpreadsheetJson.toResource(sp, spreadsheetUrl(sp));
        List<String> ranges = req.params("ranges");
        if (!ranges.isEmpty()) {
            Set<Integer> wanted = new HashSet<>();
            for (String r : ranges) {
                wanted.add(sp.resolve(r).sheet().sheetId());
            }
            ArrayNode kept = Json.array();
            for (JsonNode s : resource.path("sheets")) {
                if (wanted.contains(s.path("properties").path("sheetId").asInt())) {
                    kept.add(s);
                }
            }
            resource.set("sheets", kept);
        }
        return resource;
    }

    private String spreadsheetUrl(Spreadsheet sp) {
        return baseUrl.get() + "_emulator/spreadsheets/" + sp.id();
    }

    private JsonNode batchUpdateSpreadsheet(Spreadsheet sp, JsonNode body) {
        JsonNode requests = body.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw ApiException.badRequest("Must specify at least one request.");
        }
        Spreadsheet work = sp.copy(sp.id()); // all or nothing, as Google applies a batch atomically
        ArrayNode replies = Json.array();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            if (!request.isObject() || request.size() != 1) {
                throw ApiException.badRequest("Invalid requests[" + i + "]: exactly one kind of request is "
                        + "required");
            }
            String kind = request.propertyNames().iterator().next();
            String where = "Invalid requests[" + i + "]." + kind + ": ";
            try {
                replies.add(SheetRequests.apply(work, kind, request.get(kind), random));
            } catch (ApiException e) {
                throw new ApiException(e.code(), e.status(), where + e.getMessage());
            }
        }
        if (work.cellCount() > Spreadsheet.MAX_CELLS) {
            throw ApiException.badRequest(Cells.cellLimitMessage());
        }
        sp.replaceContent(work);
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        out.set("replies", replies);
        if (body.path("includeSpreadsheetInResponse").asBoolean(false)) {
            out.set("updatedSpreadsheet", SpreadsheetJson.toResource(sp, spreadsheetUrl(sp)));
        }
        return out;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** A range bounded by the grid: rows [r0, r1), columns [c0, c1). */
    private record Area(Sheet sheet, int r0, int c0, int r1, int c1) {
        String a1() {
            return A1.format(sheet.title(), r0, c0, r1, c1);
        }
    }

    /** Resolves a range for reading: open ends stop at the grid; an explicit end past it is a 400. */
    private static Area readArea(Spreadsheet sp, String text) {
        Spreadsheet.Target t = sp.resolve(text);
        Sheet s = t.sheet();
        A1.Bounds b = t.bounds();
        int r1 = b.endRow() == A1.OPEN ? Math.max(s.rowCount(), b.startRow() + 1) : b.endRow();
        int c1 = b.endCol() == A1.OPEN ? Math.max(s.columnCount(), b.startCol() + 1) : b.endCol();
        Area a = new Area(s, b.startRow(), b.startCol(), r1, c1);
        if (r1 > s.rowCount() || c1 > s.columnCount()) {
            throw exceedsGrid(a);
        }
        return a;
    }

    private static ApiException exceedsGrid(Area a) {
        return ApiException.badRequest("Range (" + a.a1() + ") exceeds grid limits. Max rows: "
                + a.sheet().rowCount() + ", max columns: " + a.sheet().columnCount());
    }

    private static JsonNode readRange(Spreadsheet sp, String text, String majorDimension, String renderOption) {
        boolean columns = dimension(majorDimension);
        boolean formatted = formatted(renderOption);
        Area a = readArea(sp, text);
        ObjectNode out = Json.object();
        out.put("range", a.a1());
        out.put("majorDimension", columns ? "COLUMNS" : "ROWS");
        List<List<JsonNode>> matrix = new ArrayList<>();
        if (!columns) {
            for (int r = a.r0; r < Math.min(a.r1, a.sheet.dataRowCount()); r++) {
                List<JsonNode> row = new ArrayList<>();
                for (int c = a.c0; c < a.c1; c++) {
                    row.add(a.sheet.get(r, c));
                }
                matrix.add(row);
            }
        } else {
            for (int c = a.c0; c < a.c1; c++) {
                List<JsonNode> col = new ArrayList<>();
                for (int r = a.r0; r < Math.min(a.r1, a.sheet.dataRowCount()); r++) {
                    col.add(a.sheet.get(r, c));
                }
                matrix.add(col);
            }
        }
        ArrayNode values = Json.array();
        int lastNonEmpty = -1;
        for (int i = 0; i < matrix.size(); i++) {
            List<JsonNode> line = matrix.get(i);
            int end = line.size();
            while (end > 0 && line.get(end - 1) == null) {
                end--;
            }
            ArrayNode l = values.addArray();
            for (int j = 0; j < end; j++) {
                l.add(Cells.render(line.get(j), formatted));
            }
            if (end > 0) {
                lastNonEmpty = i;
            }
        }
        while (values.size() > lastNonEmpty + 1) {
            values.remove(values.size() - 1);
        }
        if (!values.isEmpty()) {
            out.set("values", values);
        }
        return out;
    }

    private static JsonNode batchGet(Spreadsheet sp, EmulatorRequest req) {
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        List<String> ranges = req.params("ranges");
        if (!ranges.isEmpty()) {
            ArrayNode vr = out.putArray("valueRanges");
            for (String r : ranges) {
                vr.add(readRange(sp, r, req.param("majorDimension"), req.param("valueRenderOption")));
            }
        }
        return out;
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    /** A validated write: where, and the rows of input values (already in ROWS order). */
    private record Write(Area area, List<List<JsonNode>> rows, int width) {
    }

    private static Write planWrite(Spreadsheet sp, String text, JsonNode valueRange, String prefix) {
        Spreadsheet.Target t = sp.resolve(text);
        Sheet s = t.sheet();
        A1.Bounds b = t.bounds();
        if (b.endRow() == b.startRow() + 1 && b.endCol() == b.startCol() + 1) {
            // one cell (Sheet!A5) is where the values start, as in the API
            b = new A1.Bounds(b.startRow(), b.startCol(), A1.OPEN, A1.OPEN);
        }
        List<List<JsonNode>> rows = matrix(valueRange, prefix);
        int height = rows.size();
        int width = 0;
        for (List<JsonNode> r : rows) {
            width = Math.max(width, r.size());
        }
        String requested = A1.format(s.title(), b.startRow(), b.startCol(),
                b.endRow() == A1.OPEN ? Math.max(s.rowCount(), b.startRow() + 1) : b.endRow(),
                b.endCol() == A1.OPEN ? Math.max(s.columnCount(), b.startCol() + 1) : b.endCol());
        if (b.endRow() != A1.OPEN && height > b.endRow() - b.startRow()) {
            throw ApiException.badRequest(prefix + "Requested writing within range [" + requested
                    + "], but tried writing to row [" + (b.startRow() + height) + "]");
        }
        if (b.endCol() != A1.OPEN && width > b.endCol() - b.startCol()) {
            throw ApiException.badRequest(prefix + "Requested writing within range [" + requested
                    + "], but tried writing to column [" + A1.columnLetters(b.startCol() + width - 1) + "]");
        }
        Area a = new Area(s, b.startRow(), b.startCol(), b.startRow() + Math.max(height, 1),
                b.startCol() + Math.max(width, 1));
        if (a.r1 > s.rowCount() || a.c1 > s.columnCount()) {
            throw ApiException.badRequest(prefix + exceedsGrid(a).getMessage());
        }
        return new Write(a, rows, width);
    }

    /** The values of a ValueRange as rows, transposed when majorDimension is COLUMNS. */
    private static List<List<JsonNode>> matrix(JsonNode valueRange, String prefix) {
        JsonNode values = valueRange.path("values");
        List<List<JsonNode>> lines = new ArrayList<>();
        if (values.isMissingNode() || values.isNull()) {
            return lines;
        }
        if (!values.isArray()) {
            throw ApiException.badRequest(prefix + "Invalid value at 'data.values': values must be a list of lists");
        }
        for (JsonNode line : values) {
            if (!line.isArray()) {
                throw ApiException.badRequest(prefix + "Invalid value at 'data.values': values must be a list of "
                        + "lists");
            }
            List<JsonNode> l = new ArrayList<>();
            line.forEach(l::add);
            lines.add(l);
        }
        if (!dimension(Json.text(valueRange.path("majorDimension")))) {
            return lines;
        }
        int height = 0;
        for (List<JsonNode> l : lines) {
            height = Math.max(height, l.size());
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<JsonNode> row = new ArrayList<>();
            for (List<JsonNode> col : lines) {
                row.add(r < col.size() ? col.get(r) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Applies a planned write and describes it as an UpdateValuesResponse. */
    private static ObjectNode apply(Spreadsheet sp, Write w, boolean userEntered, boolean includeValues,
            String responseRenderOption) {
        Area a = w.area;
        int cells = 0;
        Set<Integer> touchedRows = new HashSet<>();
        Set<Integer> touchedCols = new HashSet<>();
        for (int i = 0; i < w.rows.size(); i++) {
            List<JsonNode> row = w.rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                JsonNode in = row.get(j);
                if (in == null || in.isNull()) {
                    continue; // null skips the cell, as in the API
                }
                String where = "data.values[" + i + "][" + j + "]";
                JsonNode stored = userEntered ? Cells.userEntered(in, where) : Cells.stored(in, where);
                a.sheet.set(a.r0 + i, a.c0 + j, stored);
                cells++;
                touchedRows.add(i);
                touchedCols.add(j);
            }
        }
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        Area written = new Area(a.sheet, a.r0, a.c0, a.r0 + Math.max(w.rows.size(), 1), a.c0 + Math.max(w.width, 1));
        out.put("updatedRange", written.a1());
        if (!touchedRows.isEmpty()) {
            out.put("updatedRows", touchedRows.size());
            out.put("updatedColumns", touchedCols.size());
            out.put("updatedCells", cells);
        }
        if (includeValues) {
            out.set("updatedData", readRange(sp, written.a1(), "ROWS", responseRenderOption));
        }
        return out;
    }

    private static boolean userEntered(String valueInputOption) {
        if (valueInputOption == null || valueInputOption.isEmpty()
                || valueInputOption.equals("INPUT_VALUE_OPTION_UNSPECIFIED")) {
            throw ApiException.badRequest("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED");
        }
        return switch (valueInputOption) {
            case "RAW" -> false;
            case "USER_ENTERED" -> true;
            default -> throw ApiException.badRequest("Invalid value at 'value_input_option' (type.googleapis.com/"
                    + "google.apps.sheets.v4.ValueInputOption), \"" + valueInputOption + "\"");
        };
    }

    private static JsonNode update(Spreadsheet sp, String range, EmulatorRequest req) {
        boolean userEntered = userEntered(req.param("valueInputOption"));
        JsonNode body = req.json();
        String bodyRange = Json.text(body.path("range"));
        if (bodyRange != null && !bodyRange.isEmpty() && !sameRange(sp, bodyRange, range)) {
            throw ApiException.badRequest("Requested range [" + range + "] does not match value's range ["
                    + bodyRange + "]");
        }
        Write w = planWrite(sp, range, body, "");
        return apply(sp, w, userEntered, Boolean.parseBoolean(req.param("includeValuesInResponse")),
                req.param("responseValueRenderOption"));
    }

    private static boolean sameRange(Spreadsheet sp, String a, String b) {
        return sp.resolve(a).equals(sp.resolve(b));
    }

    private static JsonNode batchUpdateValues(Spreadsheet sp, JsonNode body) {
        boolean userEntered = userEntered(Json.text(body.path("valueInputOption")));
        boolean includeValues = body.path("includeValuesInResponse").asBoolean(false);
        String renderOption = Json.text(body.path("responseValueRenderOption"));
        JsonNode data = body.path("data");
        List<Write> writes = new ArrayList<>();
        if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                JsonNode vr = data.get(i);
                String prefix = "Invalid data[" + i + "]: ";
                String range = Json.text(vr.path("range"));
                if (range == null || range.isBlank()) {
                    throw ApiException.badRequest(prefix + "A range is required");
                }
                try {
                    writes.add(planWrite(sp, range, vr, prefix));
                } catch (ApiException e) {
                    throw e.getMessage().startsWith(prefix) ? e
                            : new ApiException(e.code(), e.status(), prefix + e.getMessage());
                }
            }
        }
        // validate every cell before changing any, so a bad value leaves the spreadsheet as it was
        for (Write w : writes) {
            for (int i = 0; i < w.rows.size(); i++) {
                for (int j = 0; j < w.rows.get(i).size(); j++) {
                    Cells.stored(w.rows.get(i).get(j), "data.values[" + i + "][" + j + "]");
                }
            }
        }
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        if (writes.isEmpty()) {
            return out;
        }
        ArrayNode responses = Json.array();
        long rows = 0;
        long cols = 0;
        long cells = 0;
        Set<Integer> sheets = new HashSet<>();
        for (Write w : writes) {
            ObjectNode r = apply(sp, w, userEntered, includeValues, renderOption);
            responses.add(r);
            rows += r.path("updatedRows").asLong(0);
            cols += r.path("updatedColumns").asLong(0);
            cells += r.path("updatedCells").asLong(0);
            if (r.path("updatedCells").asLong(0) > 0) {
                sheets.add(w.area.sheet.sheetId());
            }
        }
        if (cells > 0) {
            out.put("totalUpdatedRows", rows);
            out.put("totalUpdatedColumns", cols);
            out.put("totalUpdatedCells", cells);
            out.put("totalUpdatedSheets", sheets.size());
        }
        out.set("responses", responses);
        return out;
    }

    private static JsonNode append(Spreadsheet sp, String range, EmulatorRequest req) {
        boolean userEntered = userEntered(req.param("valueInputOption"));
        String insert = req.param("insertDataOption");
        boolean insertRows = "INSERT_ROWS".equals(insert);
        if (insert != null && !insertRows && !insert.equals("OVERWRITE")) {
            throw ApiException.badRequest("Invalid value at 'insert_data_option', \"" + insert + "\"");
        }
        JsonNode body = req.json();
        Spreadsheet.Target t = sp.resolve(range);
        Sheet s = t.sheet();
        A1.Bounds b = t.bounds();
        int r1 = b.endRow() == A1.OPEN ? s.rowCount() : Math.min(b.endRow(), s.rowCount());
        int c1 = b.endCol() == A1.OPEN ? s.columnCount() : Math.min(b.endCol(), s.columnCount());
        int first = s.firstDataRow(b.startRow(), r1, b.startCol(), c1);
        int start;
        int tableCol = b.startCol();
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        if (first >= 0) {
            // the table starts inside the range but goes on below its end, as Google's does: appending to
            // 'Hoja!A1' twice adds rows after the data, never over it
            int last = s.lastDataRow(first, s.rowCount(), b.startCol(), c1);
            int minCol = Integer.MAX_VALUE;
            int maxCol = -1;
            for (int r = first; r < last; r++) {
                for (int c = b.startCol(); c < c1; c++) {
                    if (s.get(r, c) != null) {
                        minCol = Math.min(minCol, c);
                        maxCol = Math.max(maxCol, c);
                    }
                }
            }
            tableCol = minCol;
            out.put("tableRange", A1.format(s.title(), first, minCol, last, maxCol + 1));
            start = last;
        } else {
            start = b.startRow();
        }
        List<List<JsonNode>> rows = matrix(body, "");
        int height = rows.size();
        int width = 0;
        for (List<JsonNode> r : rows) {
            width = Math.max(width, r.size());
        }
        if (tableCol + width > s.columnCount()) {
            Area a = new Area(s, start, tableCol, start + Math.max(height, 1), tableCol + width);
            throw exceedsGrid(a);
        }
        long grow = insertRows ? height : Math.max(0, start + height - s.rowCount());
        if (sp.cellCount() + grow * s.columnCount() > Spreadsheet.MAX_CELLS) {
            throw ApiException.badRequest(Cells.cellLimitMessage());
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).size(); j++) {
                Cells.stored(rows.get(i).get(j), "values[" + i + "][" + j + "]");
            }
        }
        if (insertRows) {
            s.insertRows(start, height);
        } else if (grow > 0) {
            s.resize(s.rowCount() + (int) grow, s.columnCount());
        }
        Area area = new Area(s, start, tableCol, start + Math.max(height, 1), tableCol + Math.max(width, 1));
        ObjectNode updates = apply(sp, new Write(area, rows, width), userEntered,
                Boolean.parseBoolean(req.param("includeValuesInResponse")), req.param("responseValueRenderOption"));
        out.set("updates", updates);
        return out;
    }

    private static JsonNode clear(Spreadsheet sp, List<String> ranges, boolean batch) {
        List<Area> areas = new ArrayList<>();
        for (String r : ranges) {
            areas.add(readArea(sp, r));
        }
        ObjectNode out = Json.object();
        out.put("spreadsheetId", sp.id());
        ArrayNode cleared = Json.array();
        for (Area a : areas) {
            for (int r = Math.min(a.r1, a.sheet.dataRowCount()) - 1; r >= a.r0; r--) {
                for (int c = a.c1 - 1; c >= a.c0; c--) {
                    a.sheet.set(r, c, null);
                }
            }
            cleared.add(a.a1());
        }
        if (batch) {
            out.set("clearedRanges", cleared);
        } else if (!cleared.isEmpty()) {
            out.set("clearedRange", cleared.get(0));
        }
        return out;
    }

    // ---- options --------------------------------------------------------------------------------------------

    /** True for COLUMNS; ROWS (or absent) is false. */
    private static boolean dimension(String majorDimension) {
        if (majorDimension == null || majorDimension.isEmpty() || majorDimension.equals("ROWS")
                || majorDimension.equals("DIMENSION_UNSPECIFIED")) {
            return false;
        }
        if (majorDimension.equals("COLUMNS")) {
            return true;
        }
        throw ApiException.badRequest("Invalid value at 'major_dimension' (type.googleapis.com/"
                + "google.apps.sheets.v4.Dimension), \"" + majorDimension + "\"");
    }

    private static boolean formatted(String renderOption) {
        if (renderOption == null || renderOption.isEmpty() || renderOption.equals("FORMATTED_VALUE")) {
            return true;
        }
        if (renderOption.equals("UNFORMATTED_VALUE") || renderOption.equals("FORMULA")) {
            return false;
        }
        throw ApiException.badRequest("Invalid value at 'value_render_option' (type.googleapis.com/"
                + "google.apps.sheets.v4.ValueRenderOption), \"" + renderOption.toUpperCase(Locale.ROOT) + "\"");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(Json.text(n));
        }
        return out;
    }
}
