package com.zeues.domain.rules;

import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import java.time.Instant;

/** Numbers an accepted transition and builds its event: one version, one event, one new view. */
public final class ChangeApplier {

    private ChangeApplier() {
    }

    public record Applied(SpoolState state, SpoolView view, SpoolEvent event) {
    }

    public static Applied apply(SpoolState before, Transition t, Instant now) {
        long version = before.version() + 1;
        SpoolState after = t.after().toBuilder().version(version).build();
        SpoolView view = SpoolView.of(after);
        SpoolEvent event = new SpoolEvent(SpoolEvent.SCHEMA_VERSION, SpoolEvent.eventId(after.tagSpool(), version),
                now, t.tipo(), after.tagSpool(), t.worker().id(), t.worker().nombre(), t.operacion(), t.accion(),
                t.fechaOperacion(), version, t.metadata(), view.estadoDetalle(), view);
        return new Applied(after, view, event);
    }
}
