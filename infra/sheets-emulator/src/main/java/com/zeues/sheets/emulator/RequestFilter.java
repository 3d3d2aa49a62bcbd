package com.zeues.sheets.emulator;

/**
 * One link of the request chain in front of the API handlers: fault injection and the write log are filters.
 * A filter may answer by itself, call {@link Chain#proceed} and change or withhold the answer, or add latency.
 */
@FunctionalInterface
public interface RequestFilter {

    EmulatorResponse filter(EmulatorRequest request, Chain chain);

    /** The rest of the chain. */
    @FunctionalInterface
    interface Chain {
        EmulatorResponse proceed(EmulatorRequest request);
    }
}
