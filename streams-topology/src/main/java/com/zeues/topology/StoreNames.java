package com.zeues.topology;

/** The state stores of the topology, by name, for the processors and for interactive queries. */
public final class StoreNames {

    /** Tag → {@code SpoolState}: the single source of truth for a spool. */
    public static final String SPOOLS = "spools";
    /** {@code tag \0 version} → {@code SpoolEvent}: a spool's history. */
    public static final String HISTORY = "history";
    /** Tag → occupation start (epoch ms): what the lease sweep visits, instead of every spool. */
    public static final String OCCUPIED = "occupied";
    /** {@code type|tag|key} → {@code Verdict}, kept 24 h: Idempotency-Key replays. */
    public static final String VERDICTS = "verdicts";
    /** {@code __sync__:partition} → sync id: the last master-data sync this partition has processed. */
    public static final String SYNC_MARKERS = "sync-markers";
    /** Worker id → {@code Worker}: a global store, every instance holds all workers. */
    public static final String WORKERS = "workers";

    private StoreNames() {
    }

    public static String historyKey(String tag, long version) {
        return historyPrefix(tag) + String.format("%019d", version);
    }

    public static String historyPrefix(String tag) {
        return tag + '\0';
    }
}
