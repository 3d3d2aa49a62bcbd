package com.zeues.sheets.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One HTTP request as the filters and handlers see it: body already read (and un-gzipped). */
public final class EmulatorRequest {

    private final String method;
    private final String rawPath;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final long receivedAtMillis;
    private final ApiCall call;

    EmulatorRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
            long receivedAtMillis) {
        this.method = method;
        this.rawPath = rawPath;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.receivedAtMillis = receivedAtMillis;
        this.call = ApiCall.classify(method, rawPath);
    }

    public String method() {
        return method;
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    public ApiCall call() {
        return call;
    }

    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    public byte[] body() {
        return body;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a repeated query parameter ({@code ranges=a&ranges=b}), in order. */
    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    Map<String, List<String>> query() {
        return Collections.unmodifiableMap(query);
    }

    /** The body as JSON; an empty body is an empty object; malformed JSON is a 400. */
    JsonNode json() {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.read(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid JSON payload received. " + e.getOriginalMessage());
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }
}
