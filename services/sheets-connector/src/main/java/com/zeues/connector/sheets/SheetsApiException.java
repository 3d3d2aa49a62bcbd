package com.zeues.connector.sheets;

import java.io.IOException;
import java.time.Duration;

/**
 * A Sheets API call that failed: with the HTTP status Google (or the emulator) answered, or {@code 0} when no
 * answer came (connection refused or reset, timeout). Subclass of {@link IOException} so callers that only log
 * keep working; the sheet sink uses {@link #status()} and {@link #retryAfter()} to decide what to do.
 */
public class SheetsApiException extends IOException {

    private final int status;
    private final Duration retryAfter;
    private final String apiMessage;

    public SheetsApiException(String message, int status, Duration retryAfter, String apiMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.apiMessage = apiMessage;
    }

    /** The HTTP status, or 0 when the request got no answer. */
    public int status() {
        return status;
    }

    /** The server's {@code Retry-After}, or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The error message of the API's answer (without our context), or null. */
    public String apiMessage() {
        return apiMessage;
    }

    /** No answer, 408, 429 or 5xx: the same request may succeed later. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
