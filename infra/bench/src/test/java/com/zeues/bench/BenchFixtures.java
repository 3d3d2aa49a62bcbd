package com.zeues.bench;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo crew (DEMO-DATA.md) and JSON helpers for the harness's tests. */
final class BenchFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Crew CREW = new Crew(List.of(
            new Crew.Member(93, "MR(93)", Set.of("Armador", "Soldador", "Metrologia")),
            new Crew.Member(94, "JP(94)", Set.of("Armador")),
            new Crew.Member(96, "JN(96)", Set.of("Soldador")),
            new Crew.Member(98, "ÁF(98)", Set.of("Metrologia")),
            new Crew.Member(101, "IT(101)", Set.of("Revestimiento"))));

    private BenchFixtures() {
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A free spool ready for ARM at version 0, as a listing shows it. */
    static ExpectedSpool readyForArm(String tag) {
        return ExpectedSpool.fromView(json("{\"tag_spool\":\"" + tag + "\",\"arm\":\"pendiente\",\"sold\":\"pendiente\","
                + "\"metrologia\":\"pendiente\",\"reparacion\":null,\"ciclo\":0,\"bloqueado\":false,"
                + "\"ocupado_por\":null,\"worker_id_ocupante\":null,\"operacion_actual\":null,\"version\":0}"));
    }
}
