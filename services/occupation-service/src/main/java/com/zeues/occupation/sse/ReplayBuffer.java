package com.zeues.occupation.sse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last events of this instance's sequence, for a client that reconnects with {@code Last-Event-ID}: at most
 * {@code maxEvents}, none older than {@code maxAgeMs}. Not thread-safe: {@link SseBroadcaster} guards it.
 */
final class ReplayBuffer {

    private final ArrayDeque<SseEvent> events = new ArrayDeque<>();
    private final int maxEvents;
    private final long maxAgeMs;

    ReplayBuffer(int maxEvents, long maxAgeMs) {
        this.maxEvents = Math.max(0, maxEvents);
        this.maxAgeMs = maxAgeMs;
    }

    void add(SseEvent event, long nowMs) {
        events.addLast(event);
        trim(nowMs);
    }

    /**
     * The events after {@code lastSeq} in sequence order, or null when some of them are no longer held (or
     * {@code lastSeq} was never issued): then the client needs a fresh snapshot.
     */
    List<SseEvent> after(long lastSeq, long currentSeq, long nowMs) {
        trim(nowMs);
        if (lastSeq < 0 || lastSeq > currentSeq) {
            return null;
        }
        if (lastSeq == currentSeq) {
            return List.of();
        }
        SseEvent first = events.peekFirst();
        if (first == null || first.seq() > lastSeq + 1) {
            return null;
        }
        List<SseEvent> missed = new ArrayList<>((int) Math.min(currentSeq - lastSeq, events.size()));
        Iterator<SseEvent> it = events.descendingIterator();
        while (it.hasNext()) {
            SseEvent e = it.next();
            if (e.seq() <= lastSeq) {
                break;
            }
            missed.add(e);
        }
        java.util.Collections.reverse(missed);
        return missed;
    }

    int size() {
        return events.size();
    }

    private void trim(long nowMs) {
        while (events.size() > maxEvents) {
            events.removeFirst();
        }
        while (!events.isEmpty() && events.peekFirst().atMillis() < nowMs - maxAgeMs) {
            events.removeFirst();
        }
    }
}
