package com.zeues.bench;

import java.util.concurrent.locks.LockSupport;

/** The clock of a load run: real time in runs, a fake one in tests so they never depend on timing. */
interface Pacer {

    long nanoTime();

    /** Returns at or after {@code nanos} (at once when it has passed). */
    void sleepUntil(long nanos) throws InterruptedException;

    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            long left;
            while ((left = nanos - System.nanoTime()) > 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.parkNanos(left);
            }
        }
    };
}
