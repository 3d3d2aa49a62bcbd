package com.zeues.occupation.api;

import com.zeues.domain.model.Operacion;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks query parameters, collecting every error so one 422 names them all (contract §1: bad query
 * values are a {@code VALIDATION_ERROR}, decided before anything else).
 */
public final class QueryFields {

    /** The largest page a listing serves at once. */
    public static final int MAX_LIMIT = 1000;

    private final List<FieldError> errors = new ArrayList<>();

    /** {@code ARM}, {@code SOLD}, {@code METROLOGIA} or {@code REPARACION}, case-sensitive; null when optional and absent. */
    public Operacion operacion(String name, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(FieldError.query(name, "es obligatorio: ARM, SOLD, METROLOGIA o REPARACION"));
            }
            return null;
        }
        for (Operacion op : Operacion.values()) {
            if (op.name().equals(raw)) {
                return op;
            }
        }
        errors.add(FieldError.query(name, "debe ser ARM, SOLD, METROLOGIA o REPARACION"));
        return null;
    }

    /** A worker id: an integer greater than 0. */
    public int workerId(String name, String raw) {
        Integer v = integer(name, raw, 1, Integer.MAX_VALUE, true, "debe ser un entero mayor que 0");
        return v == null ? 0 : v;
    }

    /** An optional page size, 1 to {@link #MAX_LIMIT}. */
    public Integer limit(String name, String raw) {
        return integer(name, raw, 1, MAX_LIMIT, false, "debe ser un entero entre 1 y " + MAX_LIMIT);
    }

    /** An optional number of matches to skip, 0 or more. */
    public Integer offset(String name, String raw) {
        return integer(name, raw, 0, Integer.MAX_VALUE, false, "debe ser un entero mayor o igual que 0");
    }

    /** An optional tag: 1–64 characters {@code A-Z a-z 0-9 . _ -} after trimming. */
    public String tag(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (!RequestFields.TAG.matcher(t).matches()) {
            errors.add(FieldError.query(name, "debe tener de 1 a 64 caracteres A-Z a-z 0-9 . _ -"));
            return null;
        }
        return t;
    }

    private Integer integer(String name, String raw, int min, int max, boolean required, String message) {
        if (raw == null) {
            if (required) {
                errors.add(FieldError.query(name, "es obligatorio: " + message));
            }
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldError.query(name, message));
        return null;
    }

    /** Throws the 422 when any parameter was wrong. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
