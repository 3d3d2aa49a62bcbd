package com.zeues.occupation.api;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.command.OperationRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The verdict of a request that answered 504, once it arrives. */
@RestController
@RequestMapping(path = "/api/operations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operaciones", description = "Veredictos de solicitudes que respondieron 504")
public class OperationController {

    private final OperationRegistry operations;

    public OperationController(OperationRegistry operations) {
        this.operations = operations;
    }

    @GetMapping("/{requestId}")
    @Operation(summary = "200 con el veredicto guardado; 202 mientras se espera; 404 si es desconocida")
    public ResponseEntity<Object> operation(@PathVariable String requestId) {
        return operations.find(requestId)
                .map(op -> {
                    if (op.pending()) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("estado", "PENDIENTE");
                        body.put("request_id", requestId);
                        return ResponseEntity.status(202).body((Object) body);
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", op.verdict().status());
                    body.put("request_id", requestId);
                    body.put("body", op.verdict().body());
                    return ResponseEntity.ok((Object) body);
                })
                .orElseGet(() -> ResponseEntity.status(404).body(VerdictBodies.error(ErrorCode.NOT_FOUND,
                        "Solicitud " + requestId + " desconocida", Map.of("request_id", requestId))));
    }
}
