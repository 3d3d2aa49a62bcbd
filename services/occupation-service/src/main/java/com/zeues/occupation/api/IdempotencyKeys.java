package com.zeues.occupation.api;

import java.util.regex.Pattern;

/** The shape an Idempotency-Key header must have: printable ASCII, at most 128 characters. */
final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKeys() {
    }

    static void check(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ValidationException(new FieldError("Idempotency-Key",
                    "debe tener de 1 a 128 caracteres ASCII visibles", java.util.List.of("header", "Idempotency-Key"),
                    "debe tener de 1 a 128 caracteres ASCII visibles", "value_error"));
        }
    }
}
