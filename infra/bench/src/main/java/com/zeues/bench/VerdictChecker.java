package com.zeues.bench;

import tools.jackson.databind.JsonNode;

/**
 * Compares an answer with what the contract says must come back. A wrong verdict is an error, never a fast
 * answer: the status, the error code, the occupant named by a 409, the 200's Estado_Detalle and version.
 */
final class VerdictChecker {

    /** What must come back. {@code ownerId} only for 409 SPOOL_OCCUPIED; {@code estado}/{@code version} for 200. */
    record Expected(int status, String error, Integer ownerId, String tag, String estado, long version) {

        static Expected ok(String tag, String estado, long version) {
            return new Expected(200, null, null, tag, estado, version);
        }

        static Expected error(int status, String code) {
            return new Expected(status, code, null, null, null, -1);
        }

        static Expected occupied(int ownerId) {
            return new Expected(409, "SPOOL_OCCUPIED", ownerId, null, null, -1);
        }
    }

    private VerdictChecker() {
    }

    /** Null when the answer is the expected one; otherwise what is wrong with it. */
    static String check(Expected e, int status, JsonNode body) {
        if (status != e.status()) {
            return "status " + status + ", expected " + e.status() + describe(e) + ": " + brief(body);
        }
        if (body == null || !body.isObject()) {
            return "status " + status + " without a JSON object body";
        }
        if (e.status() == 200) {
            if (!body.path("success").asBoolean(false)) {
                return "200 without success=true: " + brief(body);
            }
            if (e.tag() != null && !e.tag().equals(body.path("tag_spool").asString(null))) {
                return "200 for tag " + body.path("tag_spool") + ", expected " + e.tag();
            }
            if (e.estado() != null && !e.estado().equals(body.path("estado_detalle").asString(null))) {
                return "estado_detalle '" + body.path("estado_detalle").asString(null) + "', expected '" + e.estado() + "'";
            }
            if (e.version() >= 0 && body.path("version").asLong(-1) != e.version()) {
                return "version " + body.path("version") + ", expected " + e.version();
            }
            return null;
        }
        if (body.path("success").asBoolean(true)) {
            return "error status without success=false: " + brief(body);
        }
        String code = body.path("error").asString(null);
        if (!e.error().equals(code)) {
            return "error " + code + ", expected " + e.error() + ": " + brief(body);
        }
        if (e.ownerId() != null && body.path("data").path("owner_id").asInt(-1) != e.ownerId()) {
            return "SPOOL_OCCUPIED names owner " + body.path("data").path("owner_id") + ", expected " + e.ownerId();
        }
        return null;
    }

    /**
     * Two TOMARs raced for one free spool: exactly one must win with the 200 predicted for it, and the other must get
     * what the contract gives a TOMAR on the spool the winner now holds (409 SPOOL_OCCUPIED naming the winner for
     * ARM and SOLD; for a repair the state check comes first: 400 OPERACION_NO_DISPONIBLE). Null when that holds.
     *
     * @param ifA      the 200 expected when A wins; {@code loserIfA} what B must get then (and likewise for B)
     */
    static String checkRace(Expected ifA, Expected loserIfA, int statusA, JsonNode bodyA,
                            Expected ifB, Expected loserIfB, int statusB, JsonNode bodyB) {
        if (statusA == 200 && statusB == 200) {
            return "both racing TOMARs won";
        }
        if (statusA == 200) {
            String a = check(ifA, statusA, bodyA);
            return a != null ? a : check(loserIfA, statusB, bodyB);
        }
        if (statusB == 200) {
            String b = check(ifB, statusB, bodyB);
            return b != null ? b : check(loserIfB, statusA, bodyA);
        }
        return "neither racing TOMAR won: " + statusA + " " + brief(bodyA) + " / " + statusB + " " + brief(bodyB);
    }

    private static String describe(Expected e) {
        return e.error() == null ? "" : " " + e.error();
    }

    private static String brief(JsonNode body) {
        String s = body == null ? "<no body>" : body.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
