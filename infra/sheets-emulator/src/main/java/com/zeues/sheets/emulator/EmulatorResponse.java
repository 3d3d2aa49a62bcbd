package com.zeues.sheets.emulator;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What to answer, decided before anything is sent, so a filter may replace it, delay it, or drop it (hold the
 * connection, then close it without an answer: a timeout as the client sees it).
 */
public final class EmulatorResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final boolean reachedHandler;
    private final long dropAfterMillis;
    private final String fault;

    private EmulatorResponse(int status, String contentType, byte[] body, boolean reachedHandler,
            long dropAfterMillis, String fault) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.reachedHandler = reachedHandler;
        this.dropAfterMillis = dropAfterMillis;
        this.fault = fault;
    }

    static EmulatorResponse json(int status, JsonNode body) {
        return new EmulatorResponse(status, "application/json; charset=UTF-8", Json.write(body), true, -1, null);
    }

    static EmulatorResponse prettyJson(int status, JsonNode body) {
        return new EmulatorResponse(status, "application/json; charset=UTF-8", Json.writePretty(body), true, -1,
                null);
    }

    static EmulatorResponse text(int status, String text) {
        return new EmulatorResponse(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8),
                true, -1, null);
    }

    /** Google's error body: {@code {"error": {"code", "message", "status"}}}. */
    static EmulatorResponse error(int code, String status, String message) {
        ObjectNode root = Json.object();
        ObjectNode e = root.putObject("error");
        e.put("code", code);
        e.put("message", message);
        e.put("status", status);
        return json(code, root);
    }

    static EmulatorResponse error(ApiException e) {
        return error(e.code(), e.status(), e.getMessage());
    }

    /** This answer, marked as produced by a fault (it never reached the API handler). */
    EmulatorResponse asFault(String faultName) {
        return new EmulatorResponse(status, contentType, body, false, dropAfterMillis, faultName);
    }

    /** This answer withheld: the connection is held for {@code millis}, then closed without an answer. */
    EmulatorResponse dropped(long millis, String faultName) {
        return new EmulatorResponse(status, contentType, body, reachedHandler, Math.max(0, millis), faultName);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    /** Whether the request reached the API handler (a write with a 2xx status was applied). */
    public boolean reachedHandler() {
        return reachedHandler;
    }

    /** Whether the answer is withheld (the client gets no response). */
    public boolean isDropped() {
        return dropAfterMillis >= 0;
    }

    public long dropAfterMillis() {
        return dropAfterMillis;
    }

    /** The injected fault that shaped this answer, or null. */
    public String fault() {
        return fault;
    }
}
