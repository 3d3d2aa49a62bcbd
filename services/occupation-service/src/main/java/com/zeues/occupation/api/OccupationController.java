package com.zeues.occupation.api;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.time.BusinessTime;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.command.CommandFactory;
import com.zeues.occupation.command.CommandGateway;
import com.zeues.occupation.command.CommandOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The workers' commands of contract §2: checks the request's shape, sends it, answers the verdict. */
@RestController
// produces: an Accept the API cannot answer is refused while routing, before a command is sent (not after)
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ocupación", description = "Tomar, pausar, completar y cancelar trabajo sobre spools")
public class OccupationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandGateway gateway;
    private final CommandFactory commands;
    private final BusinessTime time;

    public OccupationController(CommandGateway gateway, CommandFactory commands, BusinessTime time) {
        this.gateway = gateway;
        this.commands = commands;
        this.time = time;
    }

    @PostMapping("/occupation/tomar")
    @Operation(summary = "Tomar un spool para ARM, SOLD o REPARACION")
    public Mono<ResponseEntity<Object>> tomar(@RequestBody(required = false) JsonNode body,
                                              @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.TOMAR, null, body, key);
    }

    @PostMapping("/occupation/pausar")
    @Operation(summary = "Pausar el trabajo propio sobre un spool (progreso conservado)")
    public Mono<ResponseEntity<Object>> pausar(@RequestBody(required = false) JsonNode body,
                                               @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.PAUSAR, null, body, key);
    }

    @PostMapping("/occupation/completar")
    @Operation(summary = "Completar ARM, SOLD, REPARACION, o registrar METROLOGIA (con resultado)")
    public Mono<ResponseEntity<Object>> completar(@RequestBody(required = false) JsonNode body,
                                                  @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.COMPLETAR, null, body, key);
    }

    @PostMapping("/occupation/cancelar")
    @Operation(summary = "Cancelar una operación iniciada")
    public Mono<ResponseEntity<Object>> cancelar(@RequestBody(required = false) JsonNode body,
                                                 @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.CANCELAR, null, body, key);
    }

    @PostMapping("/metrologia/completar")
    @Operation(summary = "Inspección de metrología instantánea: APROBADO o RECHAZADO")
    public Mono<ResponseEntity<Object>> metrologia(@RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.COMPLETAR, Operacion.METROLOGIA, body, key);
    }

    @PostMapping("/tomar-reparacion")
    @Operation(summary = "Alias de tomar con operacion REPARACION")
    public Mono<ResponseEntity<Object>> tomarReparacion(@RequestBody(required = false) JsonNode body,
                                                        @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.TOMAR, Operacion.REPARACION, body, key);
    }

    @PostMapping("/pausar-reparacion")
    @Operation(summary = "Alias de pausar con operacion REPARACION")
    public Mono<ResponseEntity<Object>> pausarReparacion(@RequestBody(required = false) JsonNode body,
                                                         @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.PAUSAR, Operacion.REPARACION, body, key);
    }

    @PostMapping("/completar-reparacion")
    @Operation(summary = "Alias de completar con operacion REPARACION")
    public Mono<ResponseEntity<Object>> completarReparacion(@RequestBody(required = false) JsonNode body,
                                                            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.COMPLETAR, Operacion.REPARACION, body, key);
    }

    @PostMapping("/cancelar-reparacion")
    @Operation(summary = "Alias de cancelar con operacion REPARACION")
    public Mono<ResponseEntity<Object>> cancelarReparacion(@RequestBody(required = false) JsonNode body,
                                                           @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return single(CommandType.CANCELAR, Operacion.REPARACION, body, key);
    }

    @PostMapping("/occupation/batch-tomar")
    @Operation(summary = "Tomar hasta 50 spools a la vez; cada uno se decide por separado")
    public Mono<ResponseEntity<Object>> batchTomar(@RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        IdempotencyKeys.check(key);
        RequestFields f = new RequestFields(body);
        List<String> tags = f.tags("tag_spools");
        int worker = f.workerId("worker_id");
        Operacion op = f.operacion("operacion");
        f.validate();
        List<SpoolCommand> cmds = tags.stream()
                .map(tag -> commands.create(CommandType.TOMAR, tag, worker, op, null, null, null,
                        key == null ? null : key + ":" + tag))
                .toList();
        return Flux.fromIterable(cmds)
                .flatMapSequential(cmd -> gateway.submit(cmd).map(outcome -> Map.entry(cmd, outcome)))
                .collectList()
                .map(results -> {
                    if (results.stream().allMatch(r -> r.getValue() instanceof CommandOutcome.NotSent)) {
                        return ResponseEntity.status(503).body((Object) VerdictBodies.error(
                                ErrorCode.SERVICIO_NO_DISPONIBLE, "Servicio no disponible: no se pudo enviar ninguna "
                                        + "de las " + results.size() + " solicitudes de " + op + " (trabajador "
                                        + worker + "); no se aplicó ningún cambio", null));
                    }
                    List<Map<String, Object>> details = results.stream()
                            .map(r -> VerdictResponses.batchItem(r.getKey(), r.getValue())).toList();
                    long ok = details.stream().filter(d -> Boolean.TRUE.equals(d.get("success"))).count();
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("total", details.size());
                    answer.put("succeeded", ok);
                    answer.put("failed", details.size() - ok);
                    answer.put("details", details);
                    return ResponseEntity.ok((Object) answer);
                });
    }

    private Mono<ResponseEntity<Object>> single(CommandType type, Operacion fixedOp, JsonNode body, String key) {
        IdempotencyKeys.check(key);
        LocalDate today = time.today(Instant.now());
        RequestFields f = new RequestFields(body);
        String tag = f.tag("tag_spool");
        int worker = f.workerId("worker_id");
        Operacion op = fixedOp != null ? fixedOp : f.operacion("operacion");
        LocalDate fecha = null;
        Resultado resultado = null;
        if (type == CommandType.COMPLETAR) {
            fecha = f.fecha("fecha_operacion", today);
            if (op == Operacion.METROLOGIA) {
                resultado = f.resultado("resultado", true);
            }
        }
        f.validate();
        SpoolCommand cmd = commands.create(type, tag, worker, op, fecha, resultado, null, key);
        return gateway.submit(cmd).map(outcome -> VerdictResponses.of(cmd, outcome));
    }
}
