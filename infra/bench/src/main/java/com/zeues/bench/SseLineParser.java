package com.zeues.bench;

import java.util.function.Consumer;

/**
 * Turns the lines of a {@code text/event-stream} into events (the {@code event:}, {@code id:} and {@code data:}
 * fields up to a blank line), as a browser's EventSource does. Comment lines ({@code :}) are skipped.
 */
final class SseLineParser {

    record Event(String type, String id, String data) {
    }

    private final Consumer<Event> sink;
    private String type;
    private String id;
    private StringBuilder data;
    private final StringBuilder partial = new StringBuilder();

    SseLineParser(Consumer<Event> sink) {
        this.sink = sink;
    }

    /** Feeds a chunk of the stream; chunks may split lines anywhere. */
    void feed(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                line(partial.toString());
                partial.setLength(0);
            } else if (c != '\r') {
                partial.append(c);
            }
        }
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (data != null || type != null) {
                sink.accept(new Event(type == null ? "message" : type, id, data == null ? "" : data.toString()));
            }
            type = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "id" -> id = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry and unknown fields: nothing to record
            }
        }
    }
}
