package com.zeues.bench;

import tools.jackson.databind.JsonNode;

/**
 * What the harness believes one spool's state is, by the contract: read once from a listing's spool view, then
 * advanced only by verdicts the checker accepted. Mutable; {@link #copy()} for predictions.
 */
final class ExpectedSpool {

    final String tag;
    String arm = "pendiente";
    String sold = "pendiente";
    String metrologia = "pendiente";
    /** null, RECHAZADO, EN_REPARACION, REPARACION_PAUSADA, PENDIENTE_METROLOGIA or BLOQUEADO. */
    String reparacion;
    int ciclo;
    boolean bloqueado;
    Integer occupantId;
    String occupantName;
    String occupantOp;
    long version;

    ExpectedSpool(String tag) {
        this.tag = tag;
    }

    /** From a spool view of §3 ({@code GET /api/spools/iniciar} and friends). */
    static ExpectedSpool fromView(JsonNode v) {
        ExpectedSpool s = new ExpectedSpool(v.path("tag_spool").asString());
        s.arm = v.path("arm").asString("pendiente");
        s.sold = v.path("sold").asString("pendiente");
        s.metrologia = v.path("metrologia").asString("pendiente");
        s.reparacion = v.path("reparacion").isString() ? v.path("reparacion").asString() : null;
        s.ciclo = v.path("ciclo").asInt(0);
        s.bloqueado = v.path("bloqueado").asBoolean(false);
        if (v.path("worker_id_ocupante").isNumber()) {
            s.occupantId = v.path("worker_id_ocupante").asInt();
            s.occupantName = v.path("ocupado_por").asString(null);
            s.occupantOp = v.path("operacion_actual").asString(null);
        }
        s.version = v.path("version").asLong();
        return s;
    }

    ExpectedSpool copy() {
        ExpectedSpool c = new ExpectedSpool(tag);
        c.arm = arm;
        c.sold = sold;
        c.metrologia = metrologia;
        c.reparacion = reparacion;
        c.ciclo = ciclo;
        c.bloqueado = bloqueado;
        c.occupantId = occupantId;
        c.occupantName = occupantName;
        c.occupantOp = occupantOp;
        c.version = version;
        return c;
    }

    boolean occupied() {
        return occupantId != null;
    }

    void occupy(Crew.Member m, String op) {
        occupantId = m.id();
        occupantName = m.nombreCompleto();
        occupantOp = op;
    }

    void release() {
        occupantId = null;
        occupantName = null;
        occupantOp = null;
    }

    /** The operation this spool is ready for, or null when it is done, blocked or held. */
    String nextOperation() {
        if (bloqueado || occupied() || "aprobado".equals(metrologia)) {
            return null;
        }
        if ("RECHAZADO".equals(reparacion) || "REPARACION_PAUSADA".equals(reparacion)) {
            return "REPARACION";
        }
        if ("PENDIENTE_METROLOGIA".equals(reparacion)) {
            return "METROLOGIA";
        }
        if (reparacion != null) {
            return null;
        }
        if (!"completado".equals(arm)) {
            return "ARM";
        }
        if (!"completado".equals(sold)) {
            return "SOLD";
        }
        return "pendiente".equals(metrologia) ? "METROLOGIA" : null;
    }

    /** Contract §4: the Estado_Detalle text of this state. */
    String estadoDetalle() {
        if (reparacion != null) {
            switch (reparacion) {
                case "BLOQUEADO":
                    return "BLOQUEADO - Contactar supervisor";
                case "RECHAZADO":
                    return "RECHAZADO (Ciclo " + ciclo + "/3) - Pendiente reparación";
                case "EN_REPARACION":
                    return "EN_REPARACION (Ciclo " + ciclo + "/3) - Ocupado: " + occupantName;
                case "REPARACION_PAUSADA":
                    return "REPARACION_PAUSADA (Ciclo " + ciclo + "/3)";
                case "PENDIENTE_METROLOGIA":
                    return "PENDIENTE_METROLOGIA";
                default:
                    throw new IllegalStateException("unknown repair state " + reparacion);
            }
        }
        if ("aprobado".equals(metrologia)) {
            return "METROLOGIA_APROBADO ✓";
        }
        String progreso = "ARM " + words(arm) + ", SOLD " + words(sold);
        if (occupied() && ("ARM".equals(occupantOp) || "SOLD".equals(occupantOp))) {
            return occupantName + " trabajando " + occupantOp + " (" + progreso + ")";
        }
        return "Disponible - " + progreso;
    }

    private static String words(String estado) {
        return estado.replace('_', ' ');
    }
}
