package com.zeues.occupation.api;

import com.zeues.domain.history.WorkSessions;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.cluster.PeerClient;
import com.zeues.occupation.streams.SpoolStoreQueries;
import com.zeues.occupation.cluster.StoreOwners;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.streams.StoresUnavailableException;
import java.time.Duration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A spool's status and history, read from the topology's stores (never from Google): here when this instance owns
 * the spool's partition, else from the instance that does.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultas", description = "Estado e historial de un spool")
public class SpoolQueryController {

    private final SpoolStoreQueries queries;
    private final StoreOwners owners;
    private final PeerClient peers;
    private final Duration ownerLookupTimeout;

    public SpoolQueryController(SpoolStoreQueries queries, StoreOwners owners, PeerClient peers,
                                ZeuesProperties props) {
        this.queries = queries;
        this.owners = owners;
        this.peers = peers;
        this.ownerLookupTimeout = props.streams().peerTimeout();
    }

    @GetMapping("/occupation/status/{tag}")
    @Operation(summary = "La vista actual de un spool")
    public Mono<ResponseEntity<Object>> status(@PathVariable String tag, ServerHttpRequest request) {
        String t = RequestFields.checkPathTag(tag);
        return atOwner(t, request, () -> queries.spool(t)
                .<ResponseEntity<Object>>map(s -> ResponseEntity.ok(SpoolView.of(s)))
                .orElseGet(() -> notFound(t)));
    }

    @GetMapping("/history/{tag}")
    @Operation(summary = "Sesiones de trabajo y eventos de un spool")
    public Mono<ResponseEntity<Object>> history(@PathVariable String tag, ServerHttpRequest request) {
        String t = RequestFields.checkPathTag(tag);
        return atOwner(t, request, () -> {
            if (queries.spool(t).isEmpty()) {
                return notFound(t);
            }
            List<SpoolEvent> events = queries.history(t);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tag_spool", t);
            body.put("sessions", WorkSessions.of(events));
            body.put("events", events);
            return ResponseEntity.ok((Object) body);
        });
    }

    /** Runs {@code local} when this instance owns the spool, else forwards the request to the owner. */
    private Mono<ResponseEntity<Object>> atOwner(String tag, ServerHttpRequest request,
                                                 Callable<ResponseEntity<Object>> local) {
        // Streams' metadata lookup takes a lock its stream thread holds through a rebalance: bounded, a 503
        return Mono.fromCallable(() -> owners.remoteOwnerOf(tag))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(ownerLookupTimeout, Mono.error(() -> new StoresUnavailableException(
                        "no owner known for " + tag + " within " + ownerLookupTimeout.toMillis() + " ms")))
                .flatMap((Optional<HostInfo> owner) -> {
                    if (owner.isEmpty()) {
                        return Mono.fromCallable(local);
                    }
                    if (PeerClient.wasForwarded(request)) {
                        // the sender thinks we own it and we think it does: the partitions are moving
                        return Mono.error(new StoresUnavailableException("spool " + tag + " is changing owner"));
                    }
                    return peers.forward(owner.get(), request);
                });
    }

    static ResponseEntity<Object> notFound(String tag) {
        return ResponseEntity.status(404).body(VerdictBodies.error(ErrorCode.SPOOL_NO_ENCONTRADO,
                "Spool " + tag + " no encontrado", Map.of("tag_spool", tag)));
    }
}
