package com.zeues.connector.sink;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The events of one flush: every record of every partition from the committed offset ({@link #start}) to the
 * {@link #end} recorded in the plan. The audit rows are in one canonical order that depends only on those records
 * (a merge by event time across partitions that keeps each partition's order), so a batch rebuilt after a crash
 * from the same offsets gives the same rows in the same order.
 */
final class EventBatch {

    /** One decoded record. */
    record Item(int partition, long offset, long timestamp, SpoolEvent event) {
    }

    private final Map<TopicPartition, Long> start;
    private final Map<TopicPartition, Long> end;
    private final List<SpoolEvent> events;
    private final Map<String, SpoolView> views;
    private final int records;
    private final long oldestTimestamp;

    private EventBatch(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, List<SpoolEvent> events,
                       Map<String, SpoolView> views, int records, long oldestTimestamp) {
        this.start = Map.copyOf(start);
        this.end = Map.copyOf(end);
        this.events = List.copyOf(events);
        this.views = views;
        this.records = records;
        this.oldestTimestamp = oldestTimestamp;
    }

    /** Builds the batch from its records (unreadable ones already left out), each partition's in offset order. */
    static EventBatch of(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, Collection<Item> items,
                         int records) {
        Map<Integer, List<Item>> byPartition = new TreeMap<>();
        long oldest = Long.MAX_VALUE;
        for (Item i : items) {
            byPartition.computeIfAbsent(i.partition(), p -> new ArrayList<>()).add(i);
            oldest = Math.min(oldest, i.timestamp());
        }
        byPartition.values().forEach(l -> l.sort(Comparator.comparingLong(Item::offset)));
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> {
            Item x = byPartition.get(a[0]).get(a[1]);
            Item y = byPartition.get(b[0]).get(b[1]);
            return x.timestamp() != y.timestamp() ? Long.compare(x.timestamp(), y.timestamp())
                    : Integer.compare(x.partition(), y.partition());
        });
        byPartition.forEach((p, l) -> heads.add(new int[] {p, 0}));
        List<SpoolEvent> ordered = new ArrayList<>(items.size());
        Map<String, SpoolView> views = new LinkedHashMap<>();
        while (!heads.isEmpty()) {
            int[] h = heads.poll();
            List<Item> l = byPartition.get(h[0]);
            SpoolEvent e = l.get(h[1]).event();
            ordered.add(e);
            if (e.spool() != null && e.tagSpool() != null) {
                SpoolView prev = views.get(e.tagSpool());
                if (prev == null || prev.version() <= e.spool().version()) {
                    views.put(e.tagSpool(), e.spool());
                }
            }
            if (h[1] + 1 < l.size()) {
                heads.add(new int[] {h[0], h[1] + 1});
            }
        }
        return new EventBatch(start, end, ordered, views, records, oldest == Long.MAX_VALUE ? 0 : oldest);
    }

    Map<TopicPartition, Long> start() {
        return start;
    }

    Map<TopicPartition, Long> end() {
        return end;
    }

    /** All events, in the canonical order. */
    List<SpoolEvent> events() {
        return events;
    }

    /** The audit rows: the events whose id is not in {@code known} (rows found in the sheet at a takeover). */
    List<SpoolEvent> rows(Set<String> known) {
        if (known == null || known.isEmpty()) {
            return events;
        }
        return events.stream().filter(e -> !known.contains(e.eventId())).toList();
    }

    /** The latest view of every spool the batch touches. */
    Map<String, SpoolView> views() {
        return views;
    }

    /** Records consumed, unreadable ones included. */
    int records() {
        return records;
    }

    /** Epoch millis of the oldest event (0 when none). */
    long oldestTimestamp() {
        return oldestTimestamp;
    }

    /** The plan to commit before the write: partition → end offset. */
    Map<Integer, Long> plan() {
        Map<Integer, Long> out = new TreeMap<>();
        end.forEach((tp, o) -> out.put(tp.partition(), o));
        return out;
    }
}
