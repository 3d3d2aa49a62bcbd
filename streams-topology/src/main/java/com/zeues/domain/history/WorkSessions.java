package com.zeues.domain.history;

import com.zeues.domain.model.Accion;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Contract §3 history sessions: a TOMAR opens one; a pause, completion or cancel of the same operation closes
 * it (system releases included); a close without an open session is ignored; metrología and overrides make
 * none.
 */
public final class WorkSessions {

    private WorkSessions() {
    }

    public static List<WorkSession> of(List<SpoolEvent> events) {
        List<WorkSession> done = new ArrayList<>();
        Map<Operacion, SpoolEvent> open = new EnumMap<>(Operacion.class);
        events.stream().sorted(Comparator.comparingLong(SpoolEvent::version)).forEach(e -> {
            Operacion op = e.operacion();
            if (op == null || op == Operacion.METROLOGIA || e.accion() == Accion.OVERRIDE) {
                return;
            }
            if (e.accion() == Accion.TOMAR) {
                SpoolEvent previous = open.put(op, e);
                if (previous != null) {
                    done.add(closed(previous, e)); // an unclosed session ends when the next one starts
                }
            } else {
                SpoolEvent start = open.remove(op);
                if (start != null) {
                    done.add(closed(start, e));
                }
            }
        });
        open.values().forEach(start -> done.add(new WorkSession(start.workerNombre(), start.workerId(),
                start.operacion(), start.timestamp(), null, null)));
        done.sort(Comparator.comparing(WorkSession::startTime));
        return done;
    }

    private static WorkSession closed(SpoolEvent start, SpoolEvent end) {
        return new WorkSession(start.workerNombre(), start.workerId(), start.operacion(), start.timestamp(),
                end.timestamp(), duration(Duration.between(start.timestamp(), end.timestamp())));
    }

    /** {@code "{h}h {m}m"} or {@code "{m}m"}, whole minutes; hours may exceed 24. */
    public static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long h = minutes / 60;
        long m = minutes % 60;
        return h > 0 ? h + "h " + m + "m" : m + "m";
    }
}
