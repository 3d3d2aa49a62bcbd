package com.zeues.topology;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure as the services report it (the connector's status, and through the service {@code /api/health}): the
 * cause's own message, never a class name, which tells an operator nothing and a caller too much.
 */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "no detail given" : m;
    }
}
