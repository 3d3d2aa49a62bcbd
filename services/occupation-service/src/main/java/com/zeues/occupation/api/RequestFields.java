package com.zeues.occupation.api;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the fields of one JSON request body, collecting every field error so a 422 names them
 * all. Types are strict: a number where a string is expected (or the reverse) is an error.
 */
public final class RequestFields {

    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_TAGS = 50;
    static final int MAX_MOTIVO = 500;

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    public RequestFields(JsonNode body) {
        this.body = body;
        if (body == null || !body.isObject()) {
            errors.add(FieldError.of("body", "el cuerpo debe ser un objeto JSON"));
        }
    }

    public String tag(String field) {
        JsonNode n = field(field);
        if (n == null) {
            errors.add(FieldError.of(field, "es obligatorio"));
            return null;
        }
        if (!n.isString()) {
            errors.add(FieldError.of(field, "debe ser un texto"));
            return null;
        }
        return checkTag(field, n.stringValue());
    }

    public List<String> tags(String field) {
        JsonNode n = field(field);
        if (n == null || !n.isArray()) {
            errors.add(FieldError.of(field, n == null ? "es obligatorio" : "debe ser una lista de tags"));
            return List.of();
        }
        if (n.isEmpty() || n.size() > MAX_TAGS) {
            errors.add(FieldError.of(field, "debe tener entre 1 y " + MAX_TAGS + " tags"));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            String name = field + "[" + i + "]";
            if (!item.isString()) {
                errors.add(FieldError.of(name, "debe ser un texto"));
                continue;
            }
            String tag = checkTag(name, item.stringValue());
            if (tag != null && !tags.add(tag)) {
                errors.add(FieldError.of(name, "tag repetido: " + tag));
            }
        }
        return List.copyOf(tags);
    }

    public int workerId(String field) {
        JsonNode n = field(field);
        if (n == null) {
            errors.add(FieldError.of(field, "es obligatorio"));
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() <= 0) {
            errors.add(FieldError.of(field, "debe ser un entero mayor que 0"));
            return 0;
        }
        return n.intValue();
    }

    public Operacion operacion(String field) {
        JsonNode n = field(field);
        if (n == null) {
            errors.add(FieldError.of(field, "es obligatorio"));
            return null;
        }
        if (n.isString()) {
            for (Operacion op : Operacion.values()) {
                if (op.name().equals(n.stringValue())) {
                    return op;
                }
            }
        }
        errors.add(FieldError.of(field, "debe ser ARM, SOLD, METROLOGIA o REPARACION"));
        return null;
    }

    public Resultado resultado(String field, boolean required) {
        JsonNode n = field(field);
        if (n == null) {
            if (required) {
                errors.add(FieldError.of(field, "es obligatorio para METROLOGIA"));
            }
            return null;
        }
        if (n.isString()) {
            for (Resultado r : Resultado.values()) {
                if (r.name().equals(n.stringValue())) {
                    return r;
                }
            }
        }
        errors.add(FieldError.of(field, "debe ser APROBADO o RECHAZADO"));
        return null;
    }

    /** An optional ISO date not after {@code today}; null when missing or null. */
    public LocalDate fecha(String field, LocalDate today) {
        JsonNode n = field(field);
        if (n == null) {
            return null;
        }
        if (!n.isString()) {
            errors.add(FieldError.of(field, "debe ser una fecha YYYY-MM-DD"));
            return null;
        }
        try {
            String text = n.stringValue();
            if (text.length() != 10) {
                throw new DateTimeParseException("length", text, 0);
            }
            LocalDate d = LocalDate.parse(text);
            if (d.isAfter(today)) {
                errors.add(FieldError.of(field, "no puede ser posterior a hoy (" + today + ")"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "debe ser una fecha válida YYYY-MM-DD"));
            return null;
        }
    }

    public String motivo(String field) {
        JsonNode n = field(field);
        if (n == null) {
            return null;
        }
        if (!n.isString() || n.stringValue().length() > MAX_MOTIVO) {
            errors.add(FieldError.of(field, "debe ser un texto de hasta " + MAX_MOTIVO + " caracteres"));
            return null;
        }
        return n.stringValue().strip();
    }

    public void reject(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    /** Throws the 422 when any field was wrong. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static String checkPathTag(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (!TAG.matcher(t).matches()) {
            throw new ValidationException(FieldError.path("tag_spool",
                    "debe tener de 1 a 64 caracteres A-Z a-z 0-9 . _ -"));
        }
        return t;
    }

    private String checkTag(String field, String raw) {
        String t = raw.strip();
        if (!TAG.matcher(t).matches()) {
            errors.add(FieldError.of(field, "debe tener de 1 a 64 caracteres A-Z a-z 0-9 . _ -"));
            return null;
        }
        return t;
    }

    /** The field, or null when absent or JSON null. */
    private JsonNode field(String name) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n;
    }
}
