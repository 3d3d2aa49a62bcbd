package com.zeues.occupation.views;

import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.model.WorkerRef;
import com.zeues.domain.seed.SeedInterpreter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The listing and dashboard rules of contract §3 over the read views. Listings are in sheet row order
 * ({@code fila}; spools without a known row last, then by tag); the occupied list is newest occupation first.
 */
@Component
public class SpoolListings {

    /** Newest occupation first; ties by sheet order. */
    public static final Comparator<SpoolView> NEWEST_OCCUPATION = Comparator
            .comparing(SpoolView::fechaOcupacion, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(SpoolViewStore.SHEET_ORDER);

    /** A listing's matches in sheet order: how many in all, and any page of them. */
    public interface Matches {
        int total();

        List<SpoolView> slice(int from, int to);

        static Matches of(List<SpoolView> inOrder) {
            return new Matches() {
                public int total() {
                    return inOrder.size();
                }

                public List<SpoolView> slice(int from, int to) {
                    return inOrder.subList(Math.min(from, inOrder.size()), Math.min(to, inOrder.size()));
                }
            };
        }

        static Matches of(SpoolViewStore.Index index) {
            return new Matches() {
                public int total() {
                    return index.size();
                }

                public List<SpoolView> slice(int from, int to) {
                    return index.slice(from, to);
                }
            };
        }
    }

    private final Map<Operacion, SpoolViewStore.Index> iniciables = new EnumMap<>(Operacion.class);
    /** Occupied, started or in the repair flow: every other listing is a filter of these few. */
    private final SpoolViewStore.Index inProgress;

    private final SpoolViewStore store;

    public SpoolListings(SpoolViewStore store) {
        this.store = store;
        for (Operacion op : Operacion.values()) {
            iniciables.put(op, store.index(iniciable(op)));
        }
        inProgress = store.index(v -> v.occupied() || started(v.arm()) || started(v.sold())
                || v.reparacion() != null);
    }

    private static boolean started(OpEstado estado) {
        return estado != null && estado.isStarted();
    }

    /** The spools a worker may take now for {@code op}. */
    public Matches iniciar(Operacion op) {
        return Matches.of(iniciables.get(op));
    }

    /** The spools {@code worker} occupies for {@code op}: what it may complete. */
    public List<SpoolView> completar(Operacion op, int worker) {
        return select(v -> v.occupied() && v.workerIdOcupante() == worker && v.operacionActual() == op);
    }

    /** The started operations {@code worker} may cancel now (contract §2.5). */
    public List<SpoolView> cancelar(Operacion op, int worker) {
        return select(cancelable(op, worker));
    }

    /** Spools in the repair flow: rejected, in repair (working or paused) or blocked. */
    public List<SpoolView> reparacion() {
        return select(v -> v.reparacion() != null && v.reparacion() != ReparacionEstado.PENDIENTE_METROLOGIA);
    }

    /** Every occupied spool, newest occupation first. */
    public List<SpoolView> occupied() {
        return inProgress.inOrder().stream().filter(SpoolView::occupied).sorted(NEWEST_OCCUPATION).toList();
    }

    /** One item of {@code /api/dashboard/occupied} (and of the SSE snapshot). */
    public static Map<String, Object> occupiedItem(SpoolView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag_spool", v.tagSpool());
        m.put("worker_nombre", v.ocupadoPor());
        m.put("worker_id", v.workerIdOcupante());
        m.put("operacion", v.operacionActual());
        m.put("estado_detalle", v.estadoDetalle());
        m.put("fecha_ocupacion", v.fechaOcupacion());
        return m;
    }

    private List<SpoolView> select(Predicate<SpoolView> rule) {
        return inProgress.inOrder().stream().filter(rule).toList();
    }

    static Predicate<SpoolView> iniciable(Operacion op) {
        return switch (op) {
            case ARM -> v -> v.fechaMateriales() != null && v.arm() != OpEstado.COMPLETADO && !v.occupied()
                    && !v.bloqueado();
            case SOLD -> v -> v.arm() == OpEstado.COMPLETADO && v.sold() != OpEstado.COMPLETADO && !v.occupied()
                    && !v.bloqueado();
            case METROLOGIA -> v -> v.arm() == OpEstado.COMPLETADO && v.sold() == OpEstado.COMPLETADO
                    && !v.occupied() && v.metrologia() != MetrologiaEstado.APROBADO && !v.bloqueado()
                    && (v.reparacion() == null || v.reparacion() == ReparacionEstado.PENDIENTE_METROLOGIA);
            case REPARACION -> v -> !v.occupied() && (v.reparacion() == ReparacionEstado.RECHAZADO
                    || v.reparacion() == ReparacionEstado.REPARACION_PAUSADA);
        };
    }

    /**
     * Who may cancel, as the command decides it: an occupied operation only by its occupant; a paused ARM or SOLD
     * only by the worker who started it; a paused repair by anyone (with a repair role, checked by the command).
     */
    static Predicate<SpoolView> cancelable(Operacion op, int worker) {
        return switch (op) {
            case ARM, SOLD -> v -> {
                OpEstado estado = op == Operacion.ARM ? v.arm() : v.sold();
                if (!estado.isStarted()) {
                    return false;
                }
                if (v.occupied()) {
                    return v.workerIdOcupante() == worker && v.operacionActual() == op;
                }
                WorkerRef starter = SeedInterpreter.worker(op == Operacion.ARM ? v.armador() : v.soldador());
                return starter != null && starter.id() == worker;
            };
            case REPARACION -> v -> (v.reparacion() == ReparacionEstado.EN_REPARACION && v.occupied()
                    && v.workerIdOcupante() == worker)
                    || (v.reparacion() == ReparacionEstado.REPARACION_PAUSADA && !v.occupied());
            case METROLOGIA -> v -> false; // an instant inspection is never started, so never cancelled
        };
    }

    /** What {@code filtro_aplicado} says for each listing. */
    public static String filtroIniciar(Operacion op) {
        return switch (op) {
            case ARM -> "ARM: materiales listos, ARM no completado, libre, no bloqueado";
            case SOLD -> "SOLD: ARM completado, SOLD no completado, libre";
            case METROLOGIA -> "METROLOGIA: ARM y SOLD completados, libre, no aprobado, sin reparación pendiente, "
                    + "no bloqueado";
            case REPARACION -> "REPARACION: RECHAZADO o REPARACION_PAUSADA, libre";
        };
    }

    public static String filtroCompletar(Operacion op, int worker) {
        return op + ": ocupados por el trabajador " + worker + " para " + op;
    }

    public static String filtroCancelar(Operacion op, int worker) {
        return op + ": iniciados por el trabajador " + worker + " (en progreso o pausados) que puede cancelar";
    }

    public static final String FILTRO_REPARACION =
            "REPARACION: RECHAZADO, EN_REPARACION, REPARACION_PAUSADA o BLOQUEADO";

    /**
     * The counts of {@code /api/dashboard/resumen}: spools per state of each operation, occupied per operation,
     * blocked, and the events of {@code today}.
     */
    public Map<String, Object> resumen(long eventosHoy, LocalDate today) {
        Map<OpEstado, Integer> arm = zeros(OpEstado.class);
        Map<OpEstado, Integer> sold = zeros(OpEstado.class);
        Map<MetrologiaEstado, Integer> metrologia = zeros(MetrologiaEstado.class);
        Map<String, Integer> reparacion = new LinkedHashMap<>();
        reparacion.put("ninguna", 0);
        for (ReparacionEstado r : ReparacionEstado.values()) {
            reparacion.put(r.name(), 0);
        }
        Map<String, Integer> ocupados = new LinkedHashMap<>();
        for (Operacion op : List.of(Operacion.ARM, Operacion.SOLD, Operacion.REPARACION)) {
            ocupados.put(op.name(), 0);
        }
        int total = 0;
        int occupiedTotal = 0;
        int bloqueados = 0;
        for (SpoolView v : store.all()) {
            total++;
            arm.merge(v.arm(), 1, Integer::sum);
            sold.merge(v.sold(), 1, Integer::sum);
            metrologia.merge(v.metrologia(), 1, Integer::sum);
            reparacion.merge(v.reparacion() == null ? "ninguna" : v.reparacion().name(), 1, Integer::sum);
            if (v.occupied()) {
                occupiedTotal++;
                ocupados.merge(v.operacionActual().name(), 1, Integer::sum);
            }
            if (v.bloqueado()) {
                bloqueados++;
            }
        }
        ocupados.put("total", occupiedTotal);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_spools", total);
        body.put("arm", byJson(arm));
        body.put("sold", byJson(sold));
        body.put("metrologia", byJson(metrologia));
        body.put("reparacion", reparacion);
        body.put("ocupados", ocupados);
        body.put("bloqueados", bloqueados);
        body.put("eventos_hoy", eventosHoy);
        body.put("fecha", today.toString());
        return body;
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0);
        }
        return m;
    }

    /** Keys as the spool view writes the states ({@code en_progreso}, {@code aprobado}). */
    private static Map<String, Integer> byJson(Map<? extends Enum<?>, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k instanceof OpEstado o ? o.json()
                : k instanceof MetrologiaEstado m ? m.json() : k.name(), v));
        return out;
    }
}
