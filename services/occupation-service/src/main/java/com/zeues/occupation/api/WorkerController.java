package com.zeues.occupation.api;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Worker;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.streams.SpoolStoreQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The worker registry as the topology holds it (contract §3). */
@RestController
@RequestMapping(path = "/api/workers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trabajadores")
public class WorkerController {

    private final SpoolStoreQueries queries;

    public WorkerController(SpoolStoreQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Trabajadores activos")
    public Mono<Map<String, Object>> workers() {
        return Mono.fromCallable(() -> {
            List<Map<String, Object>> active = queries.workers().stream().filter(Worker::activo)
                    .map(WorkerController::view).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("workers", active);
            body.put("total", active.size());
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{id}/roles")
    @Operation(summary = "Roles de un trabajador")
    public Mono<ResponseEntity<Object>> roles(@PathVariable String id) {
        int workerId = parseId(id);
        return Mono.fromCallable(() -> queries.worker(workerId)
                .filter(Worker::activo)
                .<ResponseEntity<Object>>map(w -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("worker_id", w.id());
                    body.put("roles", w.roles());
                    return ResponseEntity.ok(body);
                })
                .orElseGet(() -> ResponseEntity.status(404).body(VerdictBodies.error(ErrorCode.WORKER_NO_ENCONTRADO,
                        "Trabajador " + workerId + " no encontrado o inactivo", Map.of("worker_id", workerId)))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static int parseId(String id) {
        try {
            int v = Integer.parseInt(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ValidationException(FieldError.path("id", "debe ser un entero mayor que 0"));
    }

    static Map<String, Object> view(Worker w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("nombre", w.nombre());
        m.put("apellido", w.apellido());
        m.put("nombre_completo", w.nombreCompleto());
        m.put("roles", w.roles());
        m.put("activo", w.activo());
        return m;
    }
}
