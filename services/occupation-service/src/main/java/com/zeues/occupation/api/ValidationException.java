package com.zeues.occupation.api;

import java.util.List;

/** A request whose shape is wrong: answered 422 VALIDATION_ERROR before any business rule, nothing applied. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("Solicitud inválida: ");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(errors.get(i).field()).append(": ").append(errors.get(i).message());
        }
        return sb.toString();
    }
}
