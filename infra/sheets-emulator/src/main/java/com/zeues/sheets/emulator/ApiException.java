package com.zeues.sheets.emulator;

/** A failure answered in Google's error shape: {"error": {"code", "message", "status"}}. */
final class ApiException extends RuntimeException {

    private final int code;
    private final String status;

    ApiException(int code, String status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "INVALID_ARGUMENT", message);
    }

    static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "Requested entity was not found.");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    int code() {
        return code;
    }

    String status() {
        return status;
    }
}
