package com.zeues.sheets.emulator;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /_emulator/…}: for tests and humans. Spreadsheets as whole JSON documents, demo reset, fault settings,
 * the write log.
 */
final class AdminApi {

    private static final String PREFIX = "/_emulator";

    private final SheetsEmulator emulator;

    AdminApi(SheetsEmulator emulator) {
        this.emulator = emulator;
    }

    EmulatorResponse handle(EmulatorRequest req) {
        try {
            return route(req);
        } catch (ApiException e) {
            return EmulatorResponse.error(e);
        }
    }

    private EmulatorResponse route(EmulatorRequest req) {
        String path = ApiCall.decode(req.rawPath().substring(PREFIX.length()));
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        String m = req.method();
        if (path.isEmpty() || path.equals("/")) {
            return EmulatorResponse.text(200, help());
        }
        if (path.equals("/health")) {
            ObjectNode o = Json.object();
            o.put("status", "UP");
            return EmulatorResponse.json(200, o);
        }
        if (path.equals("/reset") && m.equals("POST")) {
            emulator.resetAll();
            return ok("reset: " + SheetsEmulator.DEFAULT_SPREADSHEET_ID + " holds the demo data again; other "
                    + "spreadsheets, faults and the write log are cleared");
        }
        if (path.equals("/faults")) {
            FaultInjector faults = emulator.faults();
            switch (m) {
                case "GET" -> {
                    return EmulatorResponse.prettyJson(200, faults.toJson());
                }
                case "PUT" -> faults.set(FaultSettings.merge(FaultSettings.NONE, req.json()));
                case "PATCH", "POST" -> faults.set(FaultSettings.merge(faults.settings(), req.json()));
                case "DELETE" -> faults.clear();
                default -> throw methodNotAllowed(m, path);
            }
            return EmulatorResponse.prettyJson(200, faults.toJson());
        }
        if (path.equals("/writes")) {
            switch (m) {
                case "GET" -> {
                    long since = parseLong(req.param("since"));
                    return EmulatorResponse.prettyJson(200, WriteLog.toJson(emulator.writeLog().entries(since)));
                }
                case "DELETE" -> {
                    emulator.writeLog().clear();
                    return ok("write log cleared");
                }
                default -> throw methodNotAllowed(m, path);
            }
        }
        if (path.equals("/spreadsheets") && m.equals("GET")) {
            ArrayNode list = Json.array();
            for (String id : emulator.store().ids()) {
                Spreadsheet sp = emulator.store().find(id);
                if (sp == null) {
                    continue;
                }
                ObjectNode o = list.addObject();
                sp.read(() -> {
                    o.put("spreadsheetId", sp.id());
                    o.put("title", sp.title());
                    ArrayNode sheets = o.putArray("sheets");
                    for (Sheet s : sp.sheets()) {
                        ObjectNode so = sheets.addObject();
                        so.put("title", s.title());
                        so.put("rowCount", s.rowCount());
                        so.put("columnCount", s.columnCount());
                        so.put("dataRows", s.dataRowCount());
                    }
                    return null;
                });
            }
            return EmulatorResponse.prettyJson(200, list);
        }
        if (path.startsWith("/spreadsheets/")) {
            String[] parts = path.substring("/spreadsheets/".length()).split("/");
            String id = parts[0];
            if (!SpreadsheetStore.validId(id)) {
                throw ApiException.badRequest("A spreadsheet id is 1-128 of A-Z a-z 0-9 _ -");
            }
            if (parts.length == 2 && parts[1].equals("reset") && m.equals("POST")) {
                emulator.store().put(DemoSpreadsheet.build(id));
                return ok(id + " holds the demo data");
            }
            if (parts.length != 1) {
                throw ApiException.notFound("No admin resource " + path);
            }
            switch (m) {
                case "GET" -> {
                    Spreadsheet sp = emulator.store().require(id);
                    return EmulatorResponse.prettyJson(200, sp.read(() -> SpreadsheetJson.toDocument(sp)));
                }
                case "PUT" -> {
                    Spreadsheet sp = SpreadsheetJson.fromDocument(id, req.json());
                    emulator.store().put(sp);
                    return ok(id + " replaced: " + sp.sheets().size() + " sheets");
                }
                case "DELETE" -> {
                    if (!emulator.store().remove(id)) {
                        throw ApiException.notFound();
                    }
                    return ok(id + " deleted");
                }
                default -> throw methodNotAllowed(m, path);
            }
        }
        throw ApiException.notFound("No admin resource " + m + " " + path + "; GET /_emulator/ lists them");
    }

    private static long parseLong(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("not a number: " + s);
        }
    }

    private static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "METHOD_NOT_ALLOWED", method + " is not allowed on /_emulator" + path);
    }

    private static EmulatorResponse ok(String message) {
        ObjectNode o = Json.object();
        o.put("ok", true);
        o.put("message", message);
        return EmulatorResponse.json(200, o);
    }

    private String help() {
        List<String> lines = List.of(
                "ZEUES Google Sheets v4 emulator at " + emulator.baseUrl(),
                "",
                "Sheets API (what the Google Java client calls, root URL " + emulator.baseUrl() + "):",
                "  GET  /v4/spreadsheets/{id}                         spreadsheets.get",
                "  POST /v4/spreadsheets/{id}:batchUpdate             addSheet, deleteSheet, updateSheetProperties,",
                "                                                     updateSpreadsheetProperties, append/insert/deleteDimension",
                "  GET  /v4/spreadsheets/{id}/values/{range}          values.get",
                "  PUT  /v4/spreadsheets/{id}/values/{range}          values.update",
                "  GET  /v4/spreadsheets/{id}/values:batchGet         values.batchGet",
                "  POST /v4/spreadsheets/{id}/values:batchUpdate      values.batchUpdate",
                "  POST /v4/spreadsheets/{id}/values/{range}:append   values.append",
                "  POST /v4/spreadsheets/{id}/values/{range}:clear    values.clear, and values:batchClear",
                "",
                "Admin:",
                "  GET    /_emulator/spreadsheets                      ids, tabs, sizes",
                "  GET    /_emulator/spreadsheets/{id}                 the whole spreadsheet as JSON",
                "  PUT    /_emulator/spreadsheets/{id}                 replace or create it from such JSON",
                "  DELETE /_emulator/spreadsheets/{id}",
                "  POST   /_emulator/spreadsheets/{id}/reset           the demo data under that id",
                "  POST   /_emulator/reset                             back to the demo spreadsheet only, no faults",
                "  GET|PUT|PATCH|DELETE /_emulator/faults              fault injection settings",
                "  GET    /_emulator/writes?since=SEQ                  the write log; DELETE clears it",
                "  GET    /_emulator/health");
        return String.join("\n", lines) + "\n";
    }
}
