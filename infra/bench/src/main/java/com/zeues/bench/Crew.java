package com.zeues.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The workers the harness may act as, with the roles the contract checks (§2.1, §2.7): read once from
 * {@code GET /api/workers}, so the expected names and role verdicts are the registry's.
 */
final class Crew {

    record Member(int id, String nombreCompleto, Set<String> roles) {
    }

    private final Map<Integer, Member> members = new LinkedHashMap<>();

    Crew(List<Member> members) {
        members.forEach(m -> this.members.put(m.id(), m));
    }

    /** From the body of {@code GET /api/workers} (active workers only). */
    static Crew fromWorkers(JsonNode body) {
        List<Member> list = new ArrayList<>();
        for (JsonNode w : body.path("workers")) {
            if (!w.path("activo").asBoolean(true)) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            w.path("roles").forEach(r -> roles.add(r.asString()));
            list.add(new Member(w.path("id").asInt(), w.path("nombre_completo").asString(), Set.copyOf(roles)));
        }
        return new Crew(list);
    }

    Member get(int id) {
        Member m = members.get(id);
        if (m == null) {
            throw new IllegalArgumentException("worker " + id + " is not in the crew");
        }
        return m;
    }

    /** Contract §2.1 step 3 and §2.7: who may take (or inspect, for METROLOGIA) this operation. */
    static boolean mayTake(Member m, String operacion) {
        switch (operacion) {
            case "ARM":
                return m.roles().contains("Armador") || m.roles().contains("Ayudante");
            case "SOLD":
                return m.roles().contains("Soldador") || m.roles().contains("Ayudante");
            case "REPARACION":
                return m.roles().contains("Armador") || m.roles().contains("Soldador") || m.roles().contains("Ayudante");
            case "METROLOGIA":
                return m.roles().contains("Metrologia");
            default:
                return false;
        }
    }

    List<Member> allowedFor(String operacion) {
        return members.values().stream().filter(m -> mayTake(m, operacion)).toList();
    }

    /** A worker allowed for the operation, other than {@code except} when another one exists. */
    Member pick(String operacion, Random random, int except) {
        List<Member> allowed = allowedFor(operacion);
        if (allowed.isEmpty()) {
            throw new IllegalStateException("no active worker may do " + operacion);
        }
        List<Member> others = allowed.stream().filter(m -> m.id() != except).toList();
        List<Member> from = others.isEmpty() ? allowed : others;
        return from.get(random.nextInt(from.size()));
    }
}
