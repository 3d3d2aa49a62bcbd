package com.zeues.sheets.emulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outermost filter: remembers every write request (the last {@value #CAPACITY}) with when it came, what it
 * touched, what the client got, and whether it was applied, so a test can count the writes per minute or see
 * that a retried write rewrote the same cells.
 */
public final class WriteLog implements RequestFilter {

    static final int CAPACITY = 10_000;

    /**
     * One write request.
     *
     * @param seq           1, 2, 3… since the emulator started (never reset, so {@code since} works after a clear)
     * @param receivedAt    when the request arrived
     * @param answeredAt    when the answer was decided (before any hold of an unanswered write)
     * @param operation     {@code values.batchUpdate}, {@code values.append}, {@code spreadsheets.batchUpdate}, …
     * @param spreadsheetId the spreadsheet
     * @param targets       the ranges written ({@code data[].range}, the path's range) or the request kinds of a
     *                      spreadsheets.batchUpdate ({@code addSheet})
     * @param status        the HTTP status decided for it
     * @param applied       whether the change was made
     * @param answered      false when a fault withheld the answer (timeout after write, dropped connection)
     * @param fault         the injected fault, or null
     */
    public record Entry(long seq, Instant receivedAt, Instant answeredAt, String operation, String spreadsheetId,
            List<String> targets, int status, boolean applied, boolean answered, String fault) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long seq;

    @Override
    public EmulatorResponse filter(EmulatorRequest request, Chain chain) {
        ApiCall call = request.call();
        if (!call.isWrite()) {
            return chain.proceed(request);
        }
        EmulatorResponse response = chain.proceed(request);
        boolean applied = response.reachedHandler() && response.status() / 100 == 2;
        Entry e;
        synchronized (entries) {
            e = new Entry(++seq, Instant.ofEpochMilli(request.receivedAtMillis()), Instant.now(), call.operation(),
                    call.spreadsheetId(), targets(request), response.status(), applied, !response.isDropped(),
                    response.fault());
            entries.addLast(e);
            while (entries.size() > CAPACITY) {
                entries.pollFirst();
            }
        }
        return response;
    }

    /** The entries with {@code seq > since}, oldest first. */
    public List<Entry> entries(long since) {
        synchronized (entries) {
            List<Entry> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.seq() > since) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    public List<Entry> entries() {
        return entries(0);
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static List<String> targets(EmulatorRequest request) {
        ApiCall call = request.call();
        if (call.range() != null) {
            return List.of(call.range());
        }
        List<String> out = new ArrayList<>();
        try {
            JsonNode body = request.json();
            switch (call.operation()) {
                case "values.batchUpdate" -> body.path("data").forEach(d -> out.add(Json.text(d.path("range"))));
                case "values.batchClear" -> body.path("ranges").forEach(r -> out.add(Json.text(r)));
                case "spreadsheets.batchUpdate" -> body.path("requests").forEach(r -> r.propertyNames()
                        .forEach(out::add));
                default -> {
                }
            }
        } catch (RuntimeException ignored) {
            // a malformed body is logged without targets; the handler answers 400
        }
        return out;
    }

    static ArrayNode toJson(List<Entry> list) {
        ArrayNode a = Json.array();
        for (Entry e : list) {
            ObjectNode o = a.addObject();
            o.put("seq", e.seq());
            o.put("receivedAt", e.receivedAt().toString());
            o.put("receivedAtMillis", e.receivedAt().toEpochMilli());
            o.put("answeredAt", e.answeredAt().toString());
            o.put("operation", e.operation());
            o.put("spreadsheetId", e.spreadsheetId());
            ArrayNode t = o.putArray("targets");
            e.targets().forEach(t::add);
            o.put("status", e.status());
            o.put("applied", e.applied());
            o.put("answered", e.answered());
            if (e.fault() != null) {
                o.put("fault", e.fault());
            }
        }
        return a;
    }
}
