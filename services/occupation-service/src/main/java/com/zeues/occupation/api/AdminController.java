package com.zeues.occupation.api;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.command.CommandFactory;
import com.zeues.occupation.command.CommandGateway;
import com.zeues.occupation.command.MasterDataSync;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The supervisor's endpoints of contract §2.9; the admin token is checked by {@code AccessTokenFilter}. */
@RestController
// produces: an Accept the API cannot answer is refused while routing, before a command is sent (not after)
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervisor", description = "Requiere Authorization: Bearer <token de administración>")
@SecurityRequirement(name = "admin")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final CommandGateway gateway;
    private final CommandFactory commands;
    private final MasterDataSync sync;

    public AdminController(CommandGateway gateway, CommandFactory commands, MasterDataSync sync) {
        this.gateway = gateway;
        this.commands = commands;
        this.sync = sync;
    }

    @PostMapping("/spools/{tag}/desbloquear")
    @Operation(summary = "Desbloquear un spool tras 3 rechazos: vuelve a RECHAZADO (Ciclo 2/3)")
    public Mono<ResponseEntity<Object>> desbloquear(@PathVariable String tag,
                                                    @RequestBody(required = false) JsonNode body,
                                                    @RequestHeader(value = OccupationController.IDEMPOTENCY_KEY,
                                                            required = false) String key) {
        return supervisor(CommandType.DESBLOQUEAR, tag, body, key);
    }

    @PostMapping("/spools/{tag}/liberar")
    @Operation(summary = "Liberar una ocupación atascada, como si su ocupante hubiera pausado")
    public Mono<ResponseEntity<Object>> liberar(@PathVariable String tag, @RequestBody(required = false) JsonNode body,
                                                @RequestHeader(value = OccupationController.IDEMPOTENCY_KEY,
                                                        required = false) String key) {
        return supervisor(CommandType.LIBERAR, tag, body, key);
    }

    @PostMapping("/sync")
    @Operation(summary = "Releer los datos maestros de la planilla ahora; responde cuando son visibles")
    public Mono<ResponseEntity<Object>> sync() {
        return sync.requestAndAwait("admin")
                .map(id -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("success", true);
                    body.put("sync_id", id);
                    body.put("message", "Datos maestros sincronizados");
                    return ResponseEntity.ok((Object) body);
                })
                .onErrorResume(MasterDataSync.SyncTimeoutException.class, e -> Mono.just(ResponseEntity.status(504)
                        .body(VerdictBodies.error(ErrorCode.OPERACION_PENDIENTE, "La sincronización " + e.syncId()
                                + " no terminó a tiempo; ¿está en ejecución el conector de planillas?",
                                Map.of("sync_id", e.syncId())))))
                .onErrorResume(e -> !(e instanceof MasterDataSync.SyncTimeoutException), e -> {
                    // the cause goes to the log; the answer names no exception (contract: no internals in bodies)
                    log.warn("admin sync could not be requested: {}", e.toString());
                    return Mono.just(ResponseEntity.status(503).body(VerdictBodies.error(
                            ErrorCode.SERVICIO_NO_DISPONIBLE, "No se pudo solicitar la sincronización: Kafka no está "
                                    + "disponible; no se aplicó ningún cambio", null)));
                });
    }

    private Mono<ResponseEntity<Object>> supervisor(CommandType type, String rawTag, JsonNode body, String key) {
        IdempotencyKeys.check(key);
        String tag = RequestFields.checkPathTag(rawTag);
        String motivo = null;
        if (body != null && !body.isNull()) {
            RequestFields f = new RequestFields(body);
            motivo = f.motivo("motivo");
            f.validate();
        }
        SpoolCommand cmd = commands.create(type, tag, 0, null, null, null, motivo, key);
        return gateway.submit(cmd).map(outcome -> VerdictResponses.of(cmd, outcome));
    }
}
