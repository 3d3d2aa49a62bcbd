package com.zeues.occupation.api;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.verdict.VerdictBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/admin/sheets/resync} on the service's port (admin token checked by {@code AccessTokenFilter}):
 * relayed over HTTP to the sheets connector that runs the sheet sink ({@code zeues.connector-url}), which rewrites
 * every system-owned Operaciones cell from the current state within the write quota and answers when done. The
 * connector's answer (status and body) is returned as is; a connector that cannot be reached is a 503.
 */
@RestController
@Tag(name = "Supervisor", description = "Requiere Authorization: Bearer <token de administración>")
@SecurityRequirement(name = "admin")
public class SheetsResyncController {

    private static final Logger log = LoggerFactory.getLogger(SheetsResyncController.class);

    private final URI target;
    private final String connectorUrl;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public SheetsResyncController(
            @Value("${zeues.connector-url:http://127.0.0.1:${ZEUES_CONNECTOR_PORT:8081}}") String connectorUrl,
            @Value("${zeues.sheets-sink.resync-timeout:150s}") Duration timeout) {
        this.connectorUrl = connectorUrl.endsWith("/") ? connectorUrl.substring(0, connectorUrl.length() - 1)
                : connectorUrl;
        this.target = URI.create(this.connectorUrl + "/api/admin/sheets/resync");
        this.timeout = timeout;
    }

    // produces: an Accept the API cannot answer is refused before the connector is called
    @PostMapping(path = "/api/admin/sheets/resync", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reescribir en la planilla todas las columnas de sistema de Operaciones desde el estado actual")
    public Mono<ResponseEntity<Object>> resync(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                               String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return Mono.fromFuture(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .map(r -> ResponseEntity.status(r.statusCode()).contentType(MediaType.APPLICATION_JSON)
                        .body((Object) r.body()))
                .onErrorResume(e -> {
                    // the cause goes to the log; the answer names no exception (contract: no internals in bodies)
                    log.warn("sheets resync: the connector at {} did not answer: {}", connectorUrl, e.toString());
                    String why = e instanceof java.net.http.HttpTimeoutException ? "tiempo de espera agotado"
                            : "sin conexión";
                    return Mono.just(ResponseEntity.status(503).body(VerdictBodies.error(
                            ErrorCode.SERVICIO_NO_DISPONIBLE, "El conector de planillas no respondió en "
                                    + connectorUrl + " (" + why + "); no se reescribió nada", null)));
                });
    }
}
