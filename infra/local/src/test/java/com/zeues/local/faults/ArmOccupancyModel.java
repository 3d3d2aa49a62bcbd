package com.zeues.local.faults;

import java.util.Set;

/**
 * The rules of contract §2.1–§2.5 for ARM on a spool with materials and ARM not completed, written out again,
 * sequentially and independently of the domain's code: who may take, pause and cancel, and what each gets. One
 * instance is one spool.
 */
final class ArmOccupancyModel {

    /** What the rules answer: 200, or the status and the error code. */
    record Verdict(int status, String error) {
        static final Verdict OK = new Verdict(200, null);
    }

    static final Set<Integer> ARM_ROLES = Set.of(93, 94, 95, 99, 102, 103);

    private String arm = "pendiente";
    private Integer occupant;
    private Integer armador;
    private long version;

    Verdict apply(String type, int worker) {
        switch (type) {
            case "TOMAR":
                if (!ARM_ROLES.contains(worker)) {
                    return new Verdict(403, "ROL_NO_AUTORIZADO");
                }
                if (occupant != null) {
                    return new Verdict(409, "SPOOL_OCCUPIED");
                }
                occupant = worker;
                arm = "en_progreso";
                if (armador == null) {
                    armador = worker;
                }
                version++;
                return Verdict.OK;
            case "PAUSAR":
                if (occupant == null) {
                    return new Verdict(400, "OPERACION_NO_INICIADA");
                }
                if (occupant != worker) {
                    return new Verdict(403, "NO_AUTORIZADO");
                }
                occupant = null;
                arm = "pausado";
                version++;
                return Verdict.OK;
            case "CANCELAR":
                if (arm.equals("pendiente")) {
                    return new Verdict(400, "OPERACION_NO_INICIADA");
                }
                if (occupant != null ? occupant != worker : armador != worker) {
                    return new Verdict(403, "NO_AUTORIZADO");
                }
                occupant = null;
                armador = null;
                arm = "pendiente";
                version++;
                return Verdict.OK;
            default:
                throw new IllegalArgumentException(type);
        }
    }

    String arm() {
        return arm;
    }

    Integer occupant() {
        return occupant;
    }

    long version() {
        return version;
    }
}
