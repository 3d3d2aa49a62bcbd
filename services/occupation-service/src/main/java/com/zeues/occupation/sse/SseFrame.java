package com.zeues.occupation.sse;

import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Events frame rendered to its bytes once, so that an event going to ten thousand clients is
 * encoded once and each connection only wraps the same array (WHATWG HTML §9.2.5 line format).
 */
public final class SseFrame {

    private final byte[] bytes;

    private SseFrame(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** An event with an optional id and event name; data may span lines. */
    public static SseFrame event(String id, String event, String data) {
        StringBuilder b = new StringBuilder(data.length() + 64);
        if (id != null) {
            field(b, "id", id);
        }
        if (event != null) {
            field(b, "event", event);
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            field(b, "data", line);
        }
        return new SseFrame(b.append('\n').toString());
    }

    /** A comment (ignored by clients; keeps proxies and the connection alive), optionally with a retry delay. */
    public static SseFrame comment(String comment, Long retryMillis) {
        StringBuilder b = new StringBuilder();
        if (retryMillis != null) {
            field(b, "retry", Long.toString(retryMillis));
        }
        for (String line : comment.split("\r\n|\r|\n", -1)) {
            b.append(':').append(line).append('\n');
        }
        return new SseFrame(b.append('\n').toString());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append(':').append(value).append('\n');
    }

    /** The frame's bytes, shared: never modify. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
