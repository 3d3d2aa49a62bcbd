package com.zeues.sheets.emulator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Cell values in and out: what is stored for an input value, and how a stored value is rendered. */
final class Cells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Cells() {
    }

    /**
     * The stored form of an input cell taken as is (RAW): a string, number or boolean; {@code ""} clears the
     * cell ({@code null}). A JSON null is handled by the caller (it skips the cell). Anything else is a 400.
     */
    static JsonNode stored(JsonNode input, String where) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return null;
        }
        if (input.isString()) {
            return input.stringValue().isEmpty() ? null : input;
        }
        if (input.isNumber()) {
            return number(input.decimalValue());
        }
        if (input.isBoolean()) {
            return input;
        }
        throw ApiException.badRequest("Invalid value at '" + where + "': a cell value must be a string, number "
                + "or boolean");
    }

    /**
     * The stored form of an input cell under USER_ENTERED: like the Sheets UI, a numeric text becomes a number,
     * TRUE/FALSE a boolean and a leading apostrophe keeps the rest as text. (Dates and formulas stay text.)
     */
    static JsonNode userEntered(JsonNode input, String where) {
        JsonNode v = stored(input, where);
        if (v == null || !v.isString()) {
            return v;
        }
        String s = v.stringValue();
        if (s.startsWith("'")) {
            return s.length() == 1 ? null : Json.NODES.stringNode(s.substring(1));
        }
        String t = s.trim();
        if (NUMBER.matcher(t).matches()) {
            return number(new BigDecimal(t));
        }
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return Json.NODES.booleanNode(upper.equals("TRUE"));
        }
        return v;
    }

    /**
     * A stored value as the API returns it: FORMATTED_VALUE (the default) gives text for every cell;
     * UNFORMATTED_VALUE and FORMULA give numbers and booleans as JSON numbers and booleans.
     */
    static JsonNode render(JsonNode stored, boolean formatted) {
        if (stored == null) {
            return Json.NODES.stringNode("");
        }
        if (!formatted || stored.isString()) {
            return stored;
        }
        if (stored.isBoolean()) {
            return Json.NODES.stringNode(stored.booleanValue() ? "TRUE" : "FALSE");
        }
        return Json.NODES.stringNode(formatNumber(stored.decimalValue()));
    }

    /** A number node in a canonical form: integral values as integers, others without trailing zeros. */
    static JsonNode number(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        if (s.scale() <= 0) {
            java.math.BigInteger i = s.toBigIntegerExact();
            return i.bitLength() < 64 ? Json.NODES.numberNode(i.longValue()) : Json.NODES.numberNode(i);
        }
        return Json.NODES.numberNode(s);
    }

    static String formatNumber(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    static String cellLimitMessage() {
        return "This action would increase the number of cells in the workbook above the limit of "
                + Spreadsheet.MAX_CELLS + " cells.";
    }
}
