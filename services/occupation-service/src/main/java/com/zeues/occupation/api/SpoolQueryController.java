package com.zeues.occupation.api;

import com.zeues.domain.history.WorkSessions;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
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

/** A spool's status and history, read from the topology's stores (never from Google). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultas", description = "Estado e historial de un spool")
public class SpoolQueryController {

    private final SpoolStoreQueries queries;

    public SpoolQueryController(SpoolStoreQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/occupation/status/{tag}")
    @Operation(summary = "La vista actual de un spool")
    public Mono<ResponseEntity<Object>> status(@PathVariable String tag) {
        String t = RequestFields.checkPathTag(tag);
        return Mono.fromCallable(() -> queries.spool(t)
                        .<ResponseEntity<Object>>map(s -> ResponseEntity.ok(SpoolView.of(s)))
                        .orElseGet(() -> notFound(t)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/history/{tag}")
    @Operation(summary = "Sesiones de trabajo y eventos de un spool")
    public Mono<ResponseEntity<Object>> history(@PathVariable String tag) {
        String t = RequestFields.checkPathTag(tag);
        return Mono.fromCallable(() -> {
            if (queries.spool(t).isEmpty()) {
                return notFound(t);
            }
            List<SpoolEvent> events = queries.history(t);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tag_spool", t);
            body.put("sessions", WorkSessions.of(events));
            body.put("events", events);
            return ResponseEntity.ok((Object) body);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static ResponseEntity<Object> notFound(String tag) {
        return ResponseEntity.status(404).body(VerdictBodies.error(ErrorCode.SPOOL_NO_ENCONTRADO,
                "Spool " + tag + " no encontrado", Map.of("tag_spool", tag)));
    }
}
