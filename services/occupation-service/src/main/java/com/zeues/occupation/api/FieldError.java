package com.zeues.occupation.api;

import java.util.List;

/**
 * One field error of a 422, readable by clients of either old style: {@code field}/{@code message}, and
 * FastAPI's {@code loc}/{@code msg}/{@code type}.
 */
public record FieldError(String field, String message, List<String> loc, String msg, String type) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, List.of("body", field), message, "value_error");
    }

    public static FieldError query(String field, String message) {
        return new FieldError(field, message, List.of("query", field), message, "value_error");
    }

    public static FieldError path(String field, String message) {
        return new FieldError(field, message, List.of("path", field), message, "value_error");
    }
}
