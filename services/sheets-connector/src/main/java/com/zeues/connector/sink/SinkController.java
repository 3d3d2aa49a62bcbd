package com.zeues.connector.sink;

import com.zeues.connector.config.ConnectorProperties;
import com.zeues.domain.time.BusinessTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sheet sink's HTTP surface on the connector's port: {@code GET /api/sheets/sink} (its status, read by the
 * occupation service's health) and {@code POST /api/admin/sheets/resync} (rewrite every system-owned Operaciones
 * cell from the current state; the occupation service relays it from its own port). When the connector has an
 * admin token ({@code ZEUES_ADMIN_TOKEN}) the resync needs it as {@code Authorization: Bearer}.
 */
@RestController
public class SinkController {

    private final SheetSink sink;
    private final BusinessTime time;
    private final ConnectorProperties props;

    public SinkController(SheetSink sink, BusinessTime time, ConnectorProperties props) {
        this.sink = sink;
        this.time = time;
        this.props = props;
    }

    @GetMapping("/api/sheets/sink")
    public SinkStatusBody status() {
        return SinkStatusBody.of(sink.status(), time);
    }

    @PostMapping("/api/admin/sheets/resync")
    public Mono<ResponseEntity<Object>> resync(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                               String authorization) {
        if (!authorized(authorization)) {
            return Mono.just(error(HttpStatus.FORBIDDEN, "TOKEN_INVALIDO",
                    "Token de administración inválido o ausente para /api/admin/sheets/resync"));
        }
        if (!sink.enabled()) {
            return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "SERVICIO_NO_DISPONIBLE",
                    "La escritura en la planilla está desactivada en el conector (zeues.sink.enabled=false)"));
        }
        return Mono.fromFuture(sink.requestResync("POST /api/admin/sheets/resync"))
                .timeout(props.sink().resyncTimeout())
                .map(result -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("success", true);
                    body.put("message", "Planilla resincronizada: " + result.written() + " de " + result.spools()
                            + " spools reescritos en Operaciones");
                    body.put("resync", result);
                    return ResponseEntity.ok((Object) body);
                })
                .onErrorResume(TimeoutException.class, e -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("success", true);
                    body.put("estado", "EN_CURSO");
                    body.put("message", "La resincronización sigue en curso dentro de la cuota de escritura; "
                            + "ver GET /api/sheets/sink");
                    return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).body((Object) body));
                })
                .onErrorResume(e -> !(e instanceof TimeoutException), e -> Mono.just(error(
                        HttpStatus.SERVICE_UNAVAILABLE, "SERVICIO_NO_DISPONIBLE",
                        "No se pudo resincronizar la planilla: " + e.getMessage())));
    }

    private boolean authorized(String authorization) {
        String token = props.adminToken();
        if (token == null || token.isBlank()) {
            return true;
        }
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).strip() : null;
        return presented != null && MessageDigest.isEqual(token.strip().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", code);
        body.put("message", message);
        body.put("detail", message);
        body.put("data", null);
        return ResponseEntity.status(status).body(body);
    }
}
