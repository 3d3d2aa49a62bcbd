package com.zeues.sheets.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a request asks for, read from its method and path before any filter runs, so that a filter (faults,
 * the write log) can tell writes from reads without parsing the path itself.
 *
 * @param operation     the API method ({@code values.batchUpdate}, {@code spreadsheets.get}, …), {@code admin}
 *                      for {@code /_emulator/}, or {@code unknown}
 * @param spreadsheetId the spreadsheet in the path, or null
 * @param range         the decoded A1 range in the path (values.get/update/append/clear), or null
 */
public record ApiCall(String operation, String spreadsheetId, String range) {

    static final String ADMIN = "admin";
    static final String UNKNOWN = "unknown";

    /** Whether this call changes a spreadsheet through the Sheets API. */
    public boolean isWrite() {
        return switch (operation) {
            case "spreadsheets.batchUpdate", "values.update", "values.batchUpdate", "values.append",
                    "values.clear", "values.batchClear" -> true;
            default -> false;
        };
    }

    /** Whether this is a Sheets API call (not the admin API, not an unknown path). */
    public boolean isApi() {
        return !operation.equals(ADMIN) && !operation.equals(UNKNOWN);
    }

    static ApiCall classify(String method, String rawPath) {
        if (rawPath.startsWith("/_emulator")) {
            return new ApiCall(ADMIN, null, null);
        }
        String prefix = "/v4/spreadsheets/";
        if (!rawPath.startsWith(prefix)) {
            return new ApiCall(UNKNOWN, null, null);
        }
        String rest = rawPath.substring(prefix.length());
        int slash = rest.indexOf('/');
        String idPart = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? null : rest.substring(slash + 1);
        if (tail == null) {
            String[] v = verb(idPart);
            String id = decode(v[0]);
            if (v[1] == null && method.equals("GET")) {
                return new ApiCall("spreadsheets.get", id, null);
            }
            if ("batchUpdate".equals(v[1]) && method.equals("POST")) {
                return new ApiCall("spreadsheets.batchUpdate", id, null);
            }
            return new ApiCall(UNKNOWN, id, null);
        }
        String id = decode(idPart);
        if (tail.startsWith("values:") || tail.startsWith("values%3A") || tail.startsWith("values%3a")) {
            String[] v = verb(tail);
            String op = switch (v[1] + " " + method) {
                case "batchGet GET" -> "values.batchGet";
                case "batchUpdate POST" -> "values.batchUpdate";
                case "batchClear POST" -> "values.batchClear";
                default -> UNKNOWN;
            };
            return new ApiCall(op, id, null);
        }
        if (tail.startsWith("values/") && tail.length() > "values/".length()) {
            String[] v = verb(tail.substring("values/".length()));
            String range = decode(v[0]);
            String op = switch ((v[1] == null ? "" : v[1]) + " " + method) {
                case " GET" -> "values.get";
                case " PUT" -> "values.update";
                case "append POST" -> "values.append";
                case "clear POST" -> "values.clear";
                default -> UNKNOWN;
            };
            return new ApiCall(op, id, range);
        }
        return new ApiCall(UNKNOWN, id, null);
    }

    /** Splits a trailing {@code :verb} (or {@code %3Averb}) off a path segment: {segment, verb-or-null}. */
    private static String[] verb(String segment) {
        for (String verb : new String[] {"batchUpdate", "batchGet", "batchClear", "append", "clear"}) {
            for (String sep : new String[] {":", "%3A", "%3a"}) {
                String suffix = sep + verb;
                if (segment.endsWith(suffix)) {
                    return new String[] {segment.substring(0, segment.length() - suffix.length()), verb};
                }
            }
        }
        return new String[] {segment, null};
    }

    /** Percent-decodes a path segment as UTF-8 ({@code +} stays a plus: this is a path, not a form). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return operation + (spreadsheetId == null ? "" : " " + spreadsheetId) + (range == null ? "" : " " + range);
    }
}
