package com.zeues.sheets.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's partial-response {@code fields} parameter: {@code sheets.properties(title,sheetId)},
 * {@code sheets/properties/title}, {@code spreadsheetId,sheets.properties}, {@code *}. Arrays are filtered
 * element by element.
 */
final class FieldMask {

    /** Child selections by name; an empty map means "the whole value". */
    private final Map<String, FieldMask> children = new LinkedHashMap<>();
    private boolean all;

    private FieldMask() {
    }

    static FieldMask parse(String text) {
        FieldMask root = new FieldMask();
        Parser p = new Parser(text.replace(" ", ""));
        p.list(root);
        if (p.pos != p.text.length()) {
            throw ApiException.badRequest("Invalid field selection " + text);
        }
        return root;
    }

    JsonNode apply(JsonNode node) {
        if (all || children.isEmpty() || node == null) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            for (JsonNode e : node) {
                out.add(apply(e));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = Json.object();
        for (Map.Entry<String, FieldMask> c : children.entrySet()) {
            JsonNode v = node.get(c.getKey());
            if (v != null) {
                out.set(c.getKey(), c.getValue().apply(v));
            }
        }
        return out;
    }

    private FieldMask child(String name) {
        return children.computeIfAbsent(name, n -> new FieldMask());
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        void list(FieldMask target) {
            item(target);
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                item(target);
            }
        }

        void item(FieldMask target) {
            FieldMask current = target;
            String name = name();
            while (true) {
                if (name.equals("*")) {
                    current.all = true;
                    return;
                }
                current = current.child(name);
                if (pos < text.length() && (text.charAt(pos) == '/' || text.charAt(pos) == '.')) {
                    pos++;
                    name = name();
                    continue;
                }
                break;
            }
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                list(current);
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw ApiException.badRequest("Invalid field selection " + text);
                }
                pos++;
            } else {
                current.all = true;
            }
        }

        String name() {
            int start = pos;
            while (pos < text.length() && ",/.()".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                throw ApiException.badRequest("Invalid field selection " + text);
            }
            return text.substring(start, pos);
        }
    }
}
