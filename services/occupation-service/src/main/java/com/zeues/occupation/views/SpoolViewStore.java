package com.zeues.occupation.views;

import com.zeues.domain.model.SpoolView;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
    /**
     * The same views kept in sheet order, so a listing filters in order instead of sorting every match: with 250,000
     * spools the sort made a paged listing take seconds (docs/benchmarks.md, "Large plant").
     */
    private final ConcurrentSkipListMap<SpoolView, SpoolView> inSheetOrder = new ConcurrentSkipListMap<>(SHEET_ORDER);

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
                // under the key's lock: the ordered copy changes with the map, never two updates of one spool at once
                inSheetOrder.put(view, view);
                if (held != null && SHEET_ORDER.compare(held, view) != 0) {
                    inSheetOrder.remove(held); // its sheet row changed
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

    /** Every spool in sheet order ({@link #SHEET_ORDER}); weakly consistent while the consumer writes. */
    public Collection<SpoolView> inSheetOrder() {
        return Collections.unmodifiableCollection(inSheetOrder.values());
    }

    public int size() {
        return views.size();
    }
}
