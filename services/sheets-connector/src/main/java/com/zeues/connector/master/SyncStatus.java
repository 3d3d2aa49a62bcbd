package com.zeues.connector.master;

import java.time.Instant;
import java.util.List;

/**
 * The master-data sync as health shows it: an immutable snapshot, replaced after every attempt.
 *
 * @param ready            topics provisioned and the published state read back
 * @param lastSuccess      end of the last successful sync (null before the first)
 * @param lastSyncId       the sync id of its markers (the highest, when several requests were served at once)
 * @param sheetSpools      spools read from the sheet by the last successful sync
 * @param sheetWorkers     workers read from the sheet by the last successful sync
 * @param publishedSpools  records the last successful sync published to {@code zeues.spools} (markers excluded)
 * @param publishedWorkers records it published to {@code zeues.workers} (marker excluded)
 * @param rowProblems      rows of the last read that could not be used
 * @param lastError        why the last attempt failed; null when it succeeded
 * @param kafkaConnection  {@code ok}, {@code error} or {@code unknown}, as the last attempt found it
 * @param sheetsConnection {@code ok}, {@code error} or {@code unknown}, as the last attempt found it
 */
public record SyncStatus(boolean ready, Instant lastAttempt, Instant lastSuccess, Long lastSyncId, long syncs,
                         long failures, int sheetSpools, int sheetWorkers, int publishedSpools, int publishedWorkers,
                         List<RowProblem> rowProblems, String lastError, Instant lastErrorTime,
                         String kafkaConnection, String sheetsConnection) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String UNKNOWN = "unknown";
    static final String KAFKA_STEP = "kafka";
    static final String SHEETS_STEP = "sheets";

    public static SyncStatus initial() {
        return new SyncStatus(false, null, null, null, 0, 0, 0, 0, 0, 0, List.of(), "no master-data sync yet", null,
                UNKNOWN, UNKNOWN);
    }

    public SyncStatus {
        rowProblems = List.copyOf(rowProblems);
    }

    /** Ok when a sync has succeeded and the last attempt did too. */
    public boolean ok() {
        return lastSuccess != null && lastError == null;
    }
}
