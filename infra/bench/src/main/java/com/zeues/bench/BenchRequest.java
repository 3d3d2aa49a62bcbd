package com.zeues.bench;

/**
 * One POST the harness sends: {@code kind} is TOMAR, PAUSAR, COMPLETAR, CANCELAR or METROLOGIA (the instant
 * inspection, with {@code resultado}).
 */
record BenchRequest(String kind, String operacion, String tag, int workerId, String resultado) {

    String path() {
        switch (kind) {
            case "TOMAR":
                return "/api/occupation/tomar";
            case "PAUSAR":
                return "/api/occupation/pausar";
            case "COMPLETAR":
                return "/api/occupation/completar";
            case "CANCELAR":
                return "/api/occupation/cancelar";
            case "METROLOGIA":
                return "/api/metrologia/completar";
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    String body() {
        // tags are [A-Za-z0-9._-] (contract §1), so no escaping is needed
        if ("METROLOGIA".equals(kind)) {
            return "{\"tag_spool\":\"" + tag + "\",\"worker_id\":" + workerId + ",\"resultado\":\"" + resultado + "\"}";
        }
        return "{\"tag_spool\":\"" + tag + "\",\"worker_id\":" + workerId + ",\"operacion\":\"" + operacion + "\"}";
    }

    @Override
    public String toString() {
        return kind + " " + (resultado != null ? resultado : operacion) + " " + tag + " by " + workerId;
    }
}
