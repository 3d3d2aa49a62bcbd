package com.zeues.connector.sink;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the sink's next Metadata row goes, kept with the sink's committed offsets (the metadata string of every
 * partition's {@code OffsetAndMetadata}), so the offsets and the cursor are always committed together.
 *
 * <p>Before a write the sink commits its unchanged offsets with the cursor and a <em>plan</em>: the end offset of
 * the batch on every partition. After Google answered 2xx it commits the batch's end offsets with the advanced
 * cursor and no plan. A sink that starts and finds a plan rebuilds exactly that batch (same records, same order)
 * and writes it at the same rows, whether the first write happened or not; so a crash or a timeout between the
 * write and the commit never adds a row.
 *
 * @param seq       increases with every commit; the highest across partitions wins when they disagree
 * @param tab       the Metadata tab: 1 = {@code Metadata}, k = {@code Metadata_k}
 * @param row       the next free row of that tab (1-based; row 1 is the header)
 * @param plan      partition → end offset of the batch being written; empty when none is in flight
 * @param takeover  while the sink re-reads events that may already be in the sheet (it started without a
 *                  committed cursor): the tab and row below which the Metadata rows were found; null otherwise
 */
public record SinkCursor(long seq, int tab, int row, Map<Integer, Long> plan, Position takeover) {

    static final String PREFIX = "zsink1";

    /** A place in the Metadata log. */
    public record Position(int tab, int row) implements Comparable<Position> {

        @Override
        public int compareTo(Position o) {
            return tab != o.tab ? Integer.compare(tab, o.tab) : Integer.compare(row, o.row);
        }
    }

    public SinkCursor {
        if (tab < 1 || row < 2) {
            throw new IllegalArgumentException("cursor tab " + tab + " row " + row);
        }
        plan = plan == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(plan));
    }

    public Position position() {
        return new Position(tab, row);
    }

    public boolean hasPlan() {
        return !plan.isEmpty();
    }

    /** {@code zsink1;s=42;c=1:1337;p=0:120,1:98;t=1:2}: short enough for offset metadata (4 KB by default). */
    public String encode() {
        StringBuilder sb = new StringBuilder(PREFIX).append(";s=").append(seq).append(";c=").append(tab).append(':')
                .append(row);
        if (!plan.isEmpty()) {
            sb.append(";p=");
            boolean first = true;
            for (Map.Entry<Integer, Long> e : plan.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(e.getKey()).append(':').append(e.getValue());
            }
        }
        if (takeover != null) {
            sb.append(";t=").append(takeover.tab()).append(':').append(takeover.row());
        }
        return sb.toString();
    }

    /** The cursor in {@code metadata}, or null when there is none (another writer's metadata, empty, garbled). */
    public static SinkCursor decode(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX + ";")) {
            return null;
        }
        try {
            long seq = -1;
            int tab = 0;
            int row = 0;
            Map<Integer, Long> plan = new TreeMap<>();
            Position takeover = null;
            for (String part : metadata.substring(PREFIX.length() + 1).split(";")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = part.substring(0, eq);
                String v = part.substring(eq + 1);
                switch (k) {
                    case "s" -> seq = Long.parseLong(v);
                    case "c" -> {
                        Position p = position(v);
                        tab = p.tab();
                        row = p.row();
                    }
                    case "p" -> {
                        for (String pe : v.split(",")) {
                            if (!pe.isEmpty()) {
                                int colon = pe.indexOf(':');
                                plan.put(Integer.parseInt(pe.substring(0, colon)), Long.parseLong(pe.substring(colon + 1)));
                            }
                        }
                    }
                    case "t" -> takeover = position(v);
                    default -> {
                        // a later version's field: ignored
                    }
                }
            }
            if (seq < 0 || tab < 1 || row < 2) {
                return null;
            }
            return new SinkCursor(seq, tab, row, plan, takeover);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Position position(String v) {
        int colon = v.indexOf(':');
        return new Position(Integer.parseInt(v.substring(0, colon)), Integer.parseInt(v.substring(colon + 1)));
    }
}
