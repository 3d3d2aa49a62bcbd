package com.zeues.occupation.api;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolView;
import com.zeues.occupation.streams.StoresUnavailableException;
import com.zeues.occupation.views.SpoolListings;
import com.zeues.occupation.views.SpoolListings.Matches;
import com.zeues.occupation.views.ViewConsumer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tablets' listings of contract §3, from the read views (never from Google): what a worker may take,
 * complete or cancel now, and the repair list. In sheet row order, every match unless {@code limit}/{@code offset}
 * ask for a page.
 */
@RestController
@RequestMapping(path = "/api/spools", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Listados", description = "Spools disponibles por operación, desde las vistas de lectura")
public class ListingController {

    private final SpoolListings listings;
    private final ViewConsumer views;

    public ListingController(SpoolListings listings, ViewConsumer views) {
        this.listings = listings;
        this.views = views;
    }

    @GetMapping("/iniciar")
    @Operation(summary = "Spools que un trabajador puede tomar ahora para la operación")
    public Map<String, Object> iniciar(@RequestParam(required = false) String operacion,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String offset) {
        QueryFields q = new QueryFields();
        Operacion op = q.operacion("operacion", operacion, true);
        Page page = page(q, limit, offset);
        ready("/api/spools/iniciar");
        return page.body(listings.iniciar(op), SpoolListings.filtroIniciar(op), Map.of());
    }

    @GetMapping("/completar")
    @Operation(summary = "Spools que el trabajador ocupa para la operación (puede completarlos)")
    public Map<String, Object> completar(@RequestParam(required = false) String operacion,
                                         @RequestParam(name = "worker_id", required = false) String workerId,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String offset) {
        QueryFields q = new QueryFields();
        Operacion op = q.operacion("operacion", operacion, true);
        int worker = q.workerId("worker_id", workerId);
        Page page = page(q, limit, offset);
        ready("/api/spools/completar");
        return page.body(Matches.of(listings.completar(op, worker)), SpoolListings.filtroCompletar(op, worker),
                Map.of());
    }

    @GetMapping("/cancelar")
    @Operation(summary = "Operaciones iniciadas (en progreso o pausadas) que el trabajador puede cancelar")
    public Map<String, Object> cancelar(@RequestParam(required = false) String operacion,
                                        @RequestParam(name = "worker_id", required = false) String workerId,
                                        @RequestParam(required = false) String limit,
                                        @RequestParam(required = false) String offset) {
        QueryFields q = new QueryFields();
        Operacion op = q.operacion("operacion", operacion, true);
        int worker = q.workerId("worker_id", workerId);
        Page page = page(q, limit, offset);
        ready("/api/spools/cancelar");
        return page.body(Matches.of(listings.cancelar(op, worker)), SpoolListings.filtroCancelar(op, worker),
                Map.of());
    }

    @GetMapping("/reparacion")
    @Operation(summary = "Spools en el circuito de reparación: rechazados, en reparación o bloqueados")
    public Map<String, Object> reparacion(@RequestParam(required = false) String limit,
                                          @RequestParam(required = false) String offset) {
        QueryFields q = new QueryFields();
        Page page = page(q, limit, offset);
        ready("/api/spools/reparacion");
        List<SpoolView> all = listings.reparacion();
        return page.body(Matches.of(all), ListingController::repairItem, SpoolListings.FILTRO_REPARACION,
                Map.of("bloqueados", all.stream().filter(SpoolView::bloqueado).count()));
    }

    private static Map<String, Object> repairItem(SpoolView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag_spool", v.tagSpool());
        m.put("estado_detalle", v.estadoDetalle());
        m.put("fecha_rechazo", v.fechaRechazo());
        m.put("ciclo", v.ciclo());
        m.put("bloqueado", v.bloqueado());
        return m;
    }

    private static Page page(QueryFields q, String limit, String offset) {
        Integer l = q.limit("limit", limit);
        Integer o = q.offset("offset", offset);
        q.validate();
        return new Page(l, o);
    }

    private void ready(String path) {
        if (!views.caughtUp()) {
            throw new StoresUnavailableException("read views loading for " + path);
        }
    }

    /**
     * The opt-in page: without {@code limit} and {@code offset}, every match; with either, that page, and both
     * echoed ({@code limit} null when only {@code offset} was given: everything after it). {@code total} always
     * counts every match.
     */
    record Page(Integer limit, Integer offset) {

        Map<String, Object> body(Matches matches, String filtro, Map<String, Object> extra) {
            return body(matches, v -> v, filtro, extra);
        }

        /** Only the page's spools are read from the listing and shown with {@code item}. */
        Map<String, Object> body(Matches matches, Function<SpoolView, ?> item, String filtro,
                                 Map<String, Object> extra) {
            Map<String, Object> body = new LinkedHashMap<>();
            boolean paged = limit != null || offset != null;
            int total = matches.total();
            int from = paged && offset != null ? offset : 0;
            int to = paged && limit != null ? (int) Math.min((long) from + limit, Integer.MAX_VALUE) : Integer.MAX_VALUE;
            List<?> spools = matches.slice(from, to).stream().map(item).toList();
            body.put("spools", spools);
            body.put("total", total);
            body.putAll(extra);
            body.put("filtro_aplicado", filtro);
            if (paged) {
                body.put("limit", limit);
                body.put("offset", offset == null ? 0 : offset);
            }
            return body;
        }
    }
}
