package com.zeues.occupation.api;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.command.CommandOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Turns a command's outcome into the HTTP answer of the contract. */
public final class VerdictResponses {

    private VerdictResponses() {
    }

    public static ResponseEntity<Object> of(SpoolCommand cmd, CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.Decided d) {
            return ResponseEntity.status(d.verdict().status()).body(d.verdict().body());
        }
        return ResponseEntity.status(outcome instanceof CommandOutcome.NotSent ? 503 : 504).body(body(cmd, outcome));
    }

    static Map<String, Object> body(SpoolCommand cmd, CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.Decided d) {
            return d.verdict().body();
        }
        if (outcome instanceof CommandOutcome.NotSent n) {
            return notSent(cmd, n);
        }
        return pending(cmd, (CommandOutcome.Pending) outcome);
    }

    static Map<String, Object> notSent(SpoolCommand cmd, CommandOutcome.NotSent n) {
        return VerdictBodies.error(ErrorCode.SERVICIO_NO_DISPONIBLE, "Servicio no disponible para " + cmd.type()
                + " " + op(cmd) + " en " + cmd.tagSpool() + " (trabajador " + cmd.workerId() + "): " + n.reason()
                + "; no se aplicó ningún cambio", null);
    }

    static Map<String, Object> pending(SpoolCommand cmd, CommandOutcome.Pending p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("request_id", p.requestId());
        data.put("tag_spool", cmd.tagSpool());
        return VerdictBodies.error(ErrorCode.OPERACION_PENDIENTE, "Sin veredicto a tiempo para " + cmd.type() + " "
                + op(cmd) + " en " + cmd.tagSpool() + " (trabajador " + cmd.workerId() + "); consulte GET /api/operations/"
                + p.requestId(), data);
    }

    /** One item of a batch answer. */
    static Map<String, Object> batchItem(SpoolCommand cmd, CommandOutcome outcome) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("tag_spool", cmd.tagSpool());
        Map<String, Object> body = body(cmd, outcome);
        boolean success = Boolean.TRUE.equals(body.get("success"));
        item.put("success", success);
        item.put("message", body.get("message"));
        if (!success) {
            item.put("error", body.get("error"));
        }
        item.put("request_id", cmd.requestId());
        return item;
    }

    private static String op(SpoolCommand cmd) {
        return cmd.operacion() == null ? "" : cmd.operacion().name();
    }
}
