package com.zeues.bench;

/**
 * The contract's rules (§1 check order, §2.1–§2.5, §2.7) for the commands the harness sends, written again from
 * the contract rather than taken from the domain module, so a broken rule in the system shows as a wrong verdict.
 * Spools the harness uses exist and have materials; the workers are active.
 */
final class ContractModel {

    /** What must come back, and the state the spool is in afterwards when it is a 200. */
    record Prediction(VerdictChecker.Expected expected, ExpectedSpool after) {
    }

    private final Crew crew;

    ContractModel(Crew crew) {
        this.crew = crew;
    }

    Prediction predict(ExpectedSpool s, BenchRequest r) {
        Crew.Member w = crew.get(r.workerId());
        switch (r.kind()) {
            case "TOMAR":
                return tomar(s, r, w);
            case "PAUSAR":
            case "COMPLETAR":
            case "CANCELAR":
                return occupantAction(s, r, w);
            case "METROLOGIA":
                return metrologia(s, r, w);
            default:
                throw new IllegalArgumentException(r.kind());
        }
    }

    private Prediction tomar(ExpectedSpool s, BenchRequest r, Crew.Member w) {
        String op = r.operacion();
        if ("METROLOGIA".equals(op)) {
            return fail(400, "OPERACION_NO_DISPONIBLE");
        }
        if (!Crew.mayTake(w, op)) {
            return fail(403, "ROL_NO_AUTORIZADO");
        }
        if (s.bloqueado) {
            return fail(403, "SPOOL_BLOQUEADO");
        }
        switch (op) {
            case "ARM":
                if ("completado".equals(s.arm)) {
                    return fail(400, "OPERACION_YA_COMPLETADA");
                }
                break;
            case "SOLD":
                if (!"completado".equals(s.arm)) {
                    return fail(400, "DEPENDENCIAS_NO_SATISFECHAS");
                }
                if ("completado".equals(s.sold)) {
                    return fail(400, "OPERACION_YA_COMPLETADA");
                }
                break;
            default: // REPARACION
                if (!"RECHAZADO".equals(s.reparacion) && !"REPARACION_PAUSADA".equals(s.reparacion)) {
                    return fail(400, "OPERACION_NO_DISPONIBLE");
                }
        }
        if (s.occupied()) {
            return new Prediction(VerdictChecker.Expected.occupied(s.occupantId), null);
        }
        ExpectedSpool after = s.copy();
        after.occupy(w, op);
        if ("ARM".equals(op)) {
            after.arm = "en_progreso";
        } else if ("SOLD".equals(op)) {
            after.sold = "en_progreso";
        } else {
            after.reparacion = "EN_REPARACION";
        }
        return ok(s, after);
    }

    /** PAUSAR, COMPLETAR, CANCELAR: the operation's own state checks, then §2.2's ownership rule. */
    private Prediction occupantAction(ExpectedSpool s, BenchRequest r, Crew.Member w) {
        String op = r.operacion();
        boolean repair = "REPARACION".equals(op);
        String opState = "ARM".equals(op) ? s.arm : "SOLD".equals(op) ? s.sold : null;
        if ("COMPLETAR".equals(r.kind())) {
            if (!repair && "completado".equals(opState)) {
                return fail(400, "OPERACION_YA_COMPLETADA");
            }
            if (repair && !"EN_REPARACION".equals(s.reparacion) && !"REPARACION_PAUSADA".equals(s.reparacion)) {
                return fail(400, "OPERACION_NO_INICIADA");
            }
        }
        if ("CANCELAR".equals(r.kind())) {
            boolean started = repair ? "EN_REPARACION".equals(s.reparacion) || "REPARACION_PAUSADA".equals(s.reparacion)
                    : "en_progreso".equals(opState) || "pausado".equals(opState);
            if (!started) {
                return fail(400, "OPERACION_NO_INICIADA");
            }
            if (!s.occupied()) {
                // a free paused operation: only its starter may cancel; the harness never sends that
                throw new IllegalArgumentException("the harness only cancels as the occupant: " + r);
            }
        }
        if (!s.occupied()) {
            return fail(400, "OPERACION_NO_INICIADA");
        }
        if (s.occupantId != w.id()) {
            return fail(403, "NO_AUTORIZADO");
        }
        if (!op.equals(s.occupantOp)) {
            return fail(400, "INVALID_STATE_TRANSITION");
        }
        ExpectedSpool after = s.copy();
        after.release();
        String next;
        switch (r.kind()) {
            case "PAUSAR":
                next = repair ? "REPARACION_PAUSADA" : "pausado";
                break;
            case "COMPLETAR":
                next = repair ? "PENDIENTE_METROLOGIA" : "completado";
                break;
            default:
                next = repair ? "RECHAZADO" : "pendiente";
        }
        if (repair) {
            after.reparacion = next;
        } else if ("ARM".equals(op)) {
            after.arm = next;
        } else {
            after.sold = next;
        }
        return ok(s, after);
    }

    private Prediction metrologia(ExpectedSpool s, BenchRequest r, Crew.Member w) {
        if (!Crew.mayTake(w, "METROLOGIA")) {
            return fail(403, "ROL_NO_AUTORIZADO");
        }
        if (s.bloqueado) {
            return fail(403, "SPOOL_BLOQUEADO");
        }
        if (!"completado".equals(s.arm) || !"completado".equals(s.sold)) {
            return fail(400, "DEPENDENCIAS_NO_SATISFECHAS");
        }
        if ("aprobado".equals(s.metrologia)) {
            return fail(400, "OPERACION_YA_COMPLETADA");
        }
        if ("RECHAZADO".equals(s.reparacion) || "REPARACION_PAUSADA".equals(s.reparacion)) {
            return fail(400, "OPERACION_NO_DISPONIBLE");
        }
        if (s.occupied()) {
            return new Prediction(VerdictChecker.Expected.occupied(s.occupantId), null);
        }
        ExpectedSpool after = s.copy();
        if ("APROBADO".equals(r.resultado())) {
            after.metrologia = "aprobado";
            after.reparacion = null;
            after.ciclo = 0;
        } else {
            after.metrologia = "rechazado";
            after.ciclo = s.ciclo + 1;
            if (after.ciclo >= 3) {
                after.reparacion = "BLOQUEADO";
                after.bloqueado = true;
            } else {
                after.reparacion = "RECHAZADO";
            }
        }
        return ok(s, after);
    }

    private static Prediction ok(ExpectedSpool before, ExpectedSpool after) {
        after.version = before.version + 1;
        return new Prediction(VerdictChecker.Expected.ok(after.tag, after.estadoDetalle(), after.version), after);
    }

    private static Prediction fail(int status, String code) {
        return new Prediction(VerdictChecker.Expected.error(status, code), null);
    }
}
