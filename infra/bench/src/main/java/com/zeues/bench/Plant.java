package com.zeues.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool of spools the simulated workers share, queued by the operation each is ready for. A spool is in no
 * queue while a worker's cycle holds it, so two cycles never plan on one spool (deliberate conflicts are planned
 * inside a cycle). Finished (approved or blocked) spools leave the pool.
 */
final class Plant {

    static final List<String> OPERATIONS = List.of("ARM", "SOLD", "METROLOGIA", "REPARACION");

    private final Map<String, Deque<ExpectedSpool>> ready = new LinkedHashMap<>();
    private int turn;
    private int retired;

    Plant() {
        OPERATIONS.forEach(op -> ready.put(op, new ArrayDeque<>()));
    }

    /** Puts a spool (back) into the queue of the operation it is ready for, or retires it. */
    synchronized void giveBack(ExpectedSpool s) {
        String op = s.nextOperation();
        if (op == null) {
            retired++;
        } else {
            ready.get(op).addLast(s);
        }
    }

    /** A spool to work on, taking the operations in turn; null when the pool has nothing left. */
    synchronized ExpectedSpool take() {
        for (int i = 0; i < OPERATIONS.size(); i++) {
            Deque<ExpectedSpool> q = ready.get(OPERATIONS.get(turn++ % OPERATIONS.size()));
            if (!q.isEmpty()) {
                return q.pollFirst();
            }
        }
        return null;
    }

    /** A spool whose state is no longer known (its cycle failed): it is not used again. */
    synchronized void discard() {
        retired++;
    }

    synchronized int available() {
        return ready.values().stream().mapToInt(Deque::size).sum();
    }

    synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        ready.forEach((op, q) -> sb.append(op).append('=').append(q.size()).append(' '));
        return sb.append("retired=").append(retired).toString();
    }
}
