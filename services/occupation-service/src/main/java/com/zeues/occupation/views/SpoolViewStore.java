package com.zeues.occupation.views;

import com.zeues.domain.model.SpoolView;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The latest view of every spool this instance has read, one record per spool. Only the views consumer writes;
 * listings, the dashboard and SSE snapshots read.
 *
 * <p>Ordering by {@code version}: an event's view replaces the held one only when its version is higher; a
 * {@code zeues.spool-state} record also when it is equal, because a master-data update (NV, OT, Fecha_Materiales,
 * the sheet row) republishes the view without a version bump (docs/decisions.md, "Master-data changes").
 */
@Component
public class SpoolViewStore {

    /** Sheet row order: by row number, unknown rows last, then by tag. */
    public static final Comparator<SpoolView> SHEET_ORDER = Comparator
            .comparing(SpoolView::fila, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(SpoolView::tagSpool);

    private final ConcurrentHashMap<String, SpoolView> views = new ConcurrentHashMap<>();
    private final List<Index> indexes = new CopyOnWriteArrayList<>();

    /**
     * The spools that satisfy {@code rule}, kept in sheet order as views change, so a listing reads a page of them
     * instead of filtering and sorting every spool: with 250,000 spools that took 50 ms of CPU per listing
     * (docs/benchmarks.md, "Large plant"). Register indexes before the consumer starts writing.
     */
    public Index index(Predicate<SpoolView> rule) {
        Index ix = new Index(rule);
        views.values().forEach(v -> ix.replace(null, v));
        indexes.add(ix);
        return ix;
    }

    /** A record of {@code zeues.spool-state}; true when it changed the held view. */
    public boolean applyState(SpoolView view) {
        return apply(view, true);
    }

    /** The view carried by a record of {@code zeues.spool-events}; true when it changed the held view. */
    public boolean applyEvent(SpoolView view) {
        return apply(view, false);
    }

    private boolean apply(SpoolView view, boolean sameVersionReplaces) {
        if (view == null || view.tagSpool() == null) {
            return false;
        }
        boolean[] changed = {false};
        views.compute(view.tagSpool(), (tag, held) -> {
            if (held == null || view.version() > held.version()
                    || (sameVersionReplaces && view.version() == held.version())) {
                changed[0] = true;
                // under the key's lock: the indexes change with the map, never two updates of one spool at once
                for (Index ix : indexes) {
                    ix.replace(held, view);
                }
                return view;
            }
            return held;
        });
        return changed[0];
    }

    public Optional<SpoolView> get(String tag) {
        return Optional.ofNullable(views.get(tag));
    }

    /** A live, unmodifiable view of every spool (weakly consistent while the consumer writes). */
    public Collection<SpoolView> all() {
        return Collections.unmodifiableCollection(views.values());
    }

    public int size() {
        return views.size();
    }

    /** The spools satisfying one rule, in sheet order, with their count. */
    public static final class Index {

        private final Predicate<SpoolView> rule;
        private final ConcurrentSkipListMap<SpoolView, SpoolView> members = new ConcurrentSkipListMap<>(SHEET_ORDER);
        private final AtomicInteger size = new AtomicInteger(); // the skip list counts by walking

        private Index(Predicate<SpoolView> rule) {
            this.rule = rule;
        }

        /** {@code held} (null for a new spool) becomes {@code view}. */
        private void replace(SpoolView held, SpoolView view) {
            boolean was = held != null && rule.test(held);
            boolean is = rule.test(view);
            boolean sameKey = held != null && SHEET_ORDER.compare(held, view) == 0;
            if (is && members.put(view, view) == null) {
                size.incrementAndGet();
            }
            if (was && !(is && sameKey) && members.remove(held) != null) {
                size.decrementAndGet();
            }
        }

        public int size() {
            return size.get();
        }

        /** The members in sheet order; weakly consistent while the consumer writes. */
        public Collection<SpoolView> inOrder() {
            return Collections.unmodifiableCollection(members.values());
        }

        /** The members at positions [from, to) in sheet order: walks {@code to} of them, not all. */
        public List<SpoolView> slice(int from, int to) {
            List<SpoolView> out = new ArrayList<>(Math.max(0, Math.min(to, size()) - from));
            int i = 0;
            for (SpoolView v : members.values()) {
                if (i >= to) {
                    break;
                }
                if (i++ >= from) {
                    out.add(v);
                }
            }
            return out;
        }
    }
}
