package com.zeues.domain.rules;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import com.zeues.domain.rules.Decision.Rejected;
import com.zeues.domain.text.EstadoDetalle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every business rejection of the contract, with its Spanish message naming tag, operation and worker. */
public final class Rejections {

    private Rejections() {
    }

    public static Rejected spoolNoEncontrado(String tag) {
        return new Rejected(ErrorCode.SPOOL_NO_ENCONTRADO, "Spool " + tag + " no encontrado",
                data(tag, null));
    }

    public static Rejected workerNoEncontrado(String tag, Operacion op, int workerId) {
        Map<String, Object> data = data(tag, op);
        data.put("worker_id", workerId);
        return new Rejected(ErrorCode.WORKER_NO_ENCONTRADO,
                "Trabajador " + workerId + " no encontrado o inactivo (spool " + tag + ", operación " + op(op) + ")",
                data);
    }

    public static Rejected rolNoAutorizado(String tag, Operacion op, Worker w, List<String> required) {
        Map<String, Object> data = data(tag, op);
        data.put("rol_requerido", required);
        data.put("roles_actuales", w.roles());
        return new Rejected(ErrorCode.ROL_NO_AUTORIZADO,
                "El trabajador " + w.nombreCompleto() + " no tiene un rol para " + op(op) + " en " + tag
                        + " (requiere " + String.join(" o ", required) + ")", data);
    }

    public static Rejected bloqueado(String tag, Operacion op, WorkerRef w) {
        return new Rejected(ErrorCode.SPOOL_BLOQUEADO,
                "Spool " + tag + " bloqueado tras " + SpoolState.MAX_CICLOS
                        + " rechazos de metrología: contactar supervisor (" + op(op) + ", " + w.nombre() + ")",
                data(tag, op));
    }

    public static Rejected dependencias(String tag, Operacion op, WorkerRef w, String faltante) {
        Map<String, Object> data = data(tag, op);
        data.put("dependencia_faltante", faltante);
        return new Rejected(ErrorCode.DEPENDENCIAS_NO_SATISFECHAS,
                "No se puede ejecutar " + op(op) + " en " + tag + ": falta " + faltante + " (" + w.nombre() + ")",
                data);
    }

    public static Rejected yaCompletada(String tag, Operacion op, WorkerRef w) {
        return new Rejected(ErrorCode.OPERACION_YA_COMPLETADA,
                "La operación " + op(op) + " ya está completada en " + tag + " (" + w.nombre() + ")", data(tag, op));
    }

    public static Rejected noDisponible(SpoolState s, Operacion op, WorkerRef w) {
        Map<String, Object> data = data(s.tagSpool(), op);
        String estado = EstadoDetalle.of(s);
        data.put("estado_actual", estado);
        String why = op == Operacion.METROLOGIA && s.reparacion() == null
                ? "la metrología es instantánea: use completar"
                : "estado actual: " + estado;
        return new Rejected(ErrorCode.OPERACION_NO_DISPONIBLE,
                "La operación " + op(op) + " no está disponible en " + s.tagSpool() + " (" + why + "; "
                        + w.nombre() + ")", data);
    }

    public static Rejected ocupado(SpoolState s, Operacion op, WorkerRef w) {
        Map<String, Object> data = data(s.tagSpool(), op);
        WorkerRef owner = s.occupation().worker();
        data.put("owner_id", owner.id());
        data.put("owner_name", owner.nombre());
        return new Rejected(ErrorCode.SPOOL_OCCUPIED,
                "Spool " + s.tagSpool() + " ocupado por " + owner.nombre() + " (" + s.occupation().operacion()
                        + "); " + op(op) + " solicitado por " + w.nombre(), data);
    }

    public static Rejected noIniciada(String tag, Operacion op, WorkerRef w) {
        return new Rejected(ErrorCode.OPERACION_NO_INICIADA,
                "La operación " + op(op) + " no está iniciada en " + tag + " (" + w.nombre() + ")", data(tag, op));
    }

    public static Rejected noAutorizado(String tag, Operacion op, WorkerRef expected, WorkerRef requester) {
        Map<String, Object> data = data(tag, op);
        data.put("trabajador_esperado", worker(expected));
        data.put("trabajador_solicitante", worker(requester));
        String esperado = expected == null ? "quien inició la operación" : expected.nombre();
        return new Rejected(ErrorCode.NO_AUTORIZADO,
                "Solo " + esperado + " puede actuar sobre " + op(op) + " en " + tag + "; lo solicitó "
                        + requester.nombre(), data);
    }

    public static Rejected transicionInvalida(String tag, Operacion op, WorkerRef w, String porque) {
        return new Rejected(ErrorCode.INVALID_STATE_TRANSITION,
                "Transición inválida en " + tag + " para " + op(op) + " (" + w.nombre() + "): " + porque,
                data(tag, op));
    }

    public static Rejected validacion(String tag, Operacion op, String porque) {
        return new Rejected(ErrorCode.VALIDATION_ERROR, "Solicitud inválida para " + tag + " (" + op(op) + "): "
                + porque, data(tag, op));
    }

    private static Map<String, Object> data(String tag, Operacion op) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tag_spool", tag);
        if (op != null) {
            data.put("operacion", op.name());
        }
        return data;
    }

    private static Map<String, Object> worker(WorkerRef w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w == null ? null : w.id());
        m.put("nombre", w == null ? null : w.nombre());
        return m;
    }

    private static String op(Operacion op) {
        return op == null ? "-" : op.name();
    }
}
