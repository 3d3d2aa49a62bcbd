package com.zeues.domain.rules;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Worker;
import com.zeues.domain.rules.Decision.Rejected;
import java.util.List;
import java.util.Optional;

/** Which roles may take an operation (contract §2.1 step 3, §2.7). */
public final class RoleRule {

    public static final List<String> ARM = List.of("Armador", "Ayudante");
    public static final List<String> SOLD = List.of("Soldador", "Ayudante");
    public static final List<String> REPARACION = List.of("Armador", "Soldador", "Ayudante");
    public static final List<String> METROLOGIA = List.of("Metrologia");

    private RoleRule() {
    }

    public static List<String> required(Operacion op) {
        return switch (op) {
            case ARM -> ARM;
            case SOLD -> SOLD;
            case REPARACION -> REPARACION;
            case METROLOGIA -> METROLOGIA;
        };
    }

    public static Optional<Rejected> check(String tag, Operacion op, Worker w) {
        List<String> required = required(op);
        return w.hasAnyRole(required) ? Optional.empty()
                : Optional.of(Rejections.rolNoAutorizado(tag, op, w, required));
    }
}
