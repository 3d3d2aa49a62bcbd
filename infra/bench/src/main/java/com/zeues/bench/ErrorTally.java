package com.zeues.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Counts wrong answers of a run and prints the first few to stderr (a wrong verdict is an error, not speed). */
final class ErrorTally {

    private static final int PRINTED = 10;

    private final String label;
    private final AtomicLong count = new AtomicLong();

    ErrorTally(String label) {
        this.label = label;
    }

    void record(String what) {
        long n = count.incrementAndGet();
        if (n <= PRINTED) {
            System.err.println("[" + label + "] error " + n + ": " + what);
        }
    }

    long count() {
        return count.get();
    }
}
