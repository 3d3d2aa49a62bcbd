package com.zeues.domain.verdict;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of contract §1 and §2: the one error shape and the success answers. */
public final class VerdictBodies {

    private VerdictBodies() {
    }

    /** {@code {success:false, error, message, detail, data}}; detail repeats the message. */
    public static Map<String, Object> error(ErrorCode code, String message, Map<String, Object> data) {
        return error(code, message, message, data);
    }

    /** The error shape with a detail of its own (the field errors of a 422). */
    public static Map<String, Object> error(ErrorCode code, String message, Object detail, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", code.name());
        body.put("message", message);
        body.put("detail", detail);
        body.put("data", data == null || data.isEmpty() ? null : data);
        return body;
    }

    /** The 200 of an accepted command; metrología answers with its resultado. */
    public static Map<String, Object> success(SpoolEvent event, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("tag_spool", event.tagSpool());
        body.put("operacion", event.operacion() == null ? null : event.operacion().name());
        if (event.operacion() == Operacion.METROLOGIA && event.metadata().containsKey("resultado")) {
            body.put("resultado", event.metadata().get("resultado"));
        }
        body.put("message", message);
        body.put("estado_detalle", event.estadoDetalle());
        body.put("version", event.version());
        body.put("request_id", requestId);
        return body;
    }
}
