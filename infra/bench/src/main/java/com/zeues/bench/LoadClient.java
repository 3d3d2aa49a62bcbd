package com.zeues.bench;

import java.util.concurrent.CompletableFuture;

/** One simulated client of a load run: each step sends one request (two for a race) and completes when answered. */
interface LoadClient {

    /**
     * @param arrivedNanos when each answer of the step arrived ({@code System.nanoTime}); empty when nothing was sent
     * @param starved      the client had nothing left to do (the spool pool is used up)
     */
    record Outcome(long[] arrivedNanos, boolean starved) {

        static final Outcome STARVED = new Outcome(new long[0], true);

        static Outcome at(long... arrivedNanos) {
            return new Outcome(arrivedNanos, false);
        }
    }

    CompletableFuture<Outcome> step();
}
