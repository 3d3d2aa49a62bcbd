package com.zeues.occupation.views;

import com.zeues.domain.model.SpoolView;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private final ConcurrentHashMap<String, SpoolView> views = new ConcurrentHashMap<>();

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
}
