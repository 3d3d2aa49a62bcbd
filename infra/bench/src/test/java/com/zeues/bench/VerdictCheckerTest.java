package com.zeues.bench;

import static com.zeues.bench.BenchFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictCheckerTest {

    private static final VerdictChecker.Expected TAKEN = VerdictChecker.Expected.ok("TEST-01",
            "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)", 1);
    private static final String TAKEN_BODY = "{\"success\":true,\"tag_spool\":\"TEST-01\",\"operacion\":\"ARM\","
            + "\"estado_detalle\":\"MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)\",\"version\":1}";
    private static final String OCCUPIED_BY_93 = "{\"success\":false,\"error\":\"SPOOL_OCCUPIED\",\"message\":\"…\","
            + "\"data\":{\"tag_spool\":\"TEST-01\",\"owner_id\":93,\"owner_name\":\"MR(93)\"}}";

    @Test
    void acceptsTheExpectedAnswers() {
        assertThat(VerdictChecker.check(TAKEN, 200, json(TAKEN_BODY))).isNull();
        assertThat(VerdictChecker.check(VerdictChecker.Expected.occupied(93), 409, json(OCCUPIED_BY_93))).isNull();
    }

    @Test
    void a200WhereTheContractSays409IsAnError() {
        assertThat(VerdictChecker.check(VerdictChecker.Expected.occupied(93), 200, json(TAKEN_BODY)))
                .contains("status 200, expected 409");
    }

    @Test
    void aWrongCodeOrOwnerIsAnError() {
        assertThat(VerdictChecker.check(VerdictChecker.Expected.occupied(94), 409, json(OCCUPIED_BY_93)))
                .contains("owner 93, expected 94");
        assertThat(VerdictChecker.check(VerdictChecker.Expected.error(409, "IDEMPOTENCY_KEY_REUSED"), 409,
                json(OCCUPIED_BY_93))).contains("SPOOL_OCCUPIED, expected IDEMPOTENCY_KEY_REUSED");
        assertThat(VerdictChecker.check(VerdictChecker.Expected.error(403, "NO_AUTORIZADO"), 504,
                json("{\"success\":false,\"error\":\"OPERACION_PENDIENTE\"}"))).contains("status 504");
    }

    @Test
    void a200WithTheWrongStateOrVersionIsAnError() {
        assertThat(VerdictChecker.check(TAKEN, 200, json(TAKEN_BODY.replace("\"version\":1", "\"version\":2"))))
                .contains("version 2, expected 1");
        assertThat(VerdictChecker.check(TAKEN, 200, json(TAKEN_BODY.replace("en progreso", "pausado"))))
                .contains("estado_detalle");
        assertThat(VerdictChecker.check(TAKEN, 200, json(TAKEN_BODY.replace("true", "false"))))
                .contains("success=true");
        assertThat(VerdictChecker.check(TAKEN, 200, null)).contains("without a JSON object");
    }

    @Test
    void aRaceNeedsExactlyOneWinnerAndTheLoserNamingIt() {
        VerdictChecker.Expected if94 = VerdictChecker.Expected.ok("TEST-01",
                "JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)", 1);
        String won94 = TAKEN_BODY.replace("MR(93)", "JP(94)");
        String occupiedBy94 = OCCUPIED_BY_93.replace("\"owner_id\":93", "\"owner_id\":94");
        VerdictChecker.Expected loserIf93 = VerdictChecker.Expected.occupied(93);
        VerdictChecker.Expected loserIf94 = VerdictChecker.Expected.occupied(94);
        // 93 wins, 94 loses and is told 93 holds it
        assertThat(VerdictChecker.checkRace(TAKEN, loserIf93, 200, json(TAKEN_BODY), if94, loserIf94, 409,
                json(OCCUPIED_BY_93))).isNull();
        // 94 wins: fine too
        assertThat(VerdictChecker.checkRace(TAKEN, loserIf93, 409, json(occupiedBy94), if94, loserIf94, 200,
                json(won94))).isNull();
        // both win: the invariant is broken
        assertThat(VerdictChecker.checkRace(TAKEN, loserIf93, 200, json(TAKEN_BODY), if94, loserIf94, 200,
                json(won94))).contains("both racing TOMARs won");
        // nobody wins
        assertThat(VerdictChecker.checkRace(TAKEN, loserIf93, 409, json(occupiedBy94), if94, loserIf94, 409,
                json(OCCUPIED_BY_93))).contains("neither");
        // the loser names the wrong owner
        assertThat(VerdictChecker.checkRace(TAKEN, loserIf93, 200, json(TAKEN_BODY), if94, loserIf94, 409,
                json(occupiedBy94))).contains("owner 94, expected 93");
        // a repair race: the loser fails the repair-state check before the occupancy one
        VerdictChecker.Expected repairLoser = VerdictChecker.Expected.error(400, "OPERACION_NO_DISPONIBLE");
        assertThat(VerdictChecker.checkRace(TAKEN, repairLoser, 200, json(TAKEN_BODY), if94, repairLoser, 409,
                json(OCCUPIED_BY_93))).contains("status 409, expected 400 OPERACION_NO_DISPONIBLE");
    }
}
